package dev.residency.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ResidencyPolicy} resolves overlapping rules by list order: the first rule that selects a
 * record governs it and later ones are ignored, so swapping two overlapping rules changes the outcome.
 * Duplicate rule names are refused with the name.
 */
final class ResidencyPolicyTest {

    private static final Rule US_DATA_IN_US =
            Rule.move("us-data-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US));
    private static final Rule LOGS_ANYWHERE = new Rule(
            "logs-anywhere",
            com.google.common.collect.ImmutableSortedSet.of(),
            com.google.common.collect.ImmutableSortedSet.of("logs"),
            SiteConstraint.ANY,
            Action.EXEMPT,
            1,
            false);

    @Test
    void ruleFor_specificBeforeBroad_specificGovernsItsRecords() {
        ResidencyPolicy policy = ResidencyPolicy.of("p", LOGS_ANYWHERE, US_DATA_IN_US);
        assertThat(policy.ruleFor(Jurisdiction.US, Category.LOGS)).contains(LOGS_ANYWHERE);
        assertThat(policy.ruleFor(Jurisdiction.US, Category.VIDEOS)).contains(US_DATA_IN_US);
    }

    @Test
    void ruleFor_broadBeforeSpecific_broadShadowsSpecific() {
        ResidencyPolicy policy = ResidencyPolicy.of("p", US_DATA_IN_US, LOGS_ANYWHERE);
        assertThat(policy.ruleFor(Jurisdiction.US, Category.LOGS)).contains(US_DATA_IN_US);
        // The logs rule still governs logs of users elsewhere, which the US rule does not select.
        assertThat(policy.ruleFor(Jurisdiction.SG, Category.LOGS)).contains(LOGS_ANYWHERE);
    }

    @Test
    void ruleFor_noRuleSelects_isEmpty() {
        ResidencyPolicy policy = ResidencyPolicy.of("p", US_DATA_IN_US);
        assertThat(policy.ruleFor(Jurisdiction.SG, Category.VIDEOS)).isEmpty();
    }

    @Test
    void constructor_duplicateRuleName_isRefusedNamingPolicyAndRule() {
        assertThatThrownBy(() -> ResidencyPolicy.of("texas", US_DATA_IN_US, US_DATA_IN_US.withAction(Action.DELETE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy texas")
                .hasMessageContaining("duplicate rule name \"us-data-in-us\"");
    }

    @Test
    void constructor_blankName_isRefused() {
        assertThatThrownBy(() -> ResidencyPolicy.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy name");
    }

    @Test
    void keepPriority_absentIsZero_andWithersKeepTheRest() {
        ResidencyPolicy policy = ResidencyPolicy.of("p", US_DATA_IN_US)
                .withKeepPriority(ImmutableMap.of("messages", 5))
                .withTransit(SiteConstraint.in(Jurisdiction.CA));
        assertThat(policy.keepPriority(Category.MESSAGES)).isEqualTo(5);
        assertThat(policy.keepPriority(Category.LOGS)).isZero();
        assertThat(policy.transit()).isEqualTo(SiteConstraint.in(Jurisdiction.CA));
        assertThat(policy.rules()).containsExactly(US_DATA_IN_US);
        assertThat(policy.name()).isEqualTo("p");
    }
}
