package dev.residency.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSortedSet;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.geo.JurisdictionSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Rule} selects by home and category name, an empty set selecting everything; exempts
 * exceptable categories only when told to; and refuses a blank name or fewer than one required
 * replica, naming the rule and value.
 */
final class RuleTest {

    private static final Rule US_IN_US =
            Rule.move("us-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US));

    @Test
    void move_defaults() {
        assertThat(US_IN_US.action()).isEqualTo(Action.MOVE);
        assertThat(US_IN_US.minCompliantReplicas()).isEqualTo(1);
        assertThat(US_IN_US.exemptExceptable()).isFalse();
        assertThat(US_IN_US.categories()).isEmpty();
    }

    @Test
    void selects_emptyCategories_selectsEveryCategoryOfItsHomes() {
        assertThat(US_IN_US.selects(Jurisdiction.US, Category.LOGS)).isTrue();
        assertThat(US_IN_US.selects(Jurisdiction.CA, Category.LOGS)).isFalse();
    }

    @Test
    void selects_emptyHomes_selectsEveryJurisdiction() {
        Rule logs = Rule.move("logs", List.of(), SiteConstraint.ANY).forCategories("logs");
        assertThat(logs.selects(Jurisdiction.SG, Category.LOGS)).isTrue();
        assertThat(logs.selects(Jurisdiction.SG, Category.VIDEOS)).isFalse();
    }

    @Test
    void actionFor_exceptableCategory_exemptOnlyWhenRuleSaysSo() {
        assertThat(US_IN_US.actionFor(Category.PUBLIC_CONTENT)).isEqualTo(Action.MOVE);
        Rule texas = US_IN_US.exemptingExceptable();
        assertThat(texas.actionFor(Category.PUBLIC_CONTENT)).isEqualTo(Action.EXEMPT);
        assertThat(texas.actionFor(Category.VIDEOS)).isEqualTo(Action.MOVE);
    }

    @Test
    void withers_changeOneField() {
        Rule r = Rule.move(
                        "carve-out",
                        JurisdictionSet.CARVE_OUT.members(),
                        SiteConstraint.in(JurisdictionSet.CARVE_OUT.members()))
                .withAction(Action.DELETE)
                .withMinCompliantReplicas(2);
        assertThat(r.action()).isEqualTo(Action.DELETE);
        assertThat(r.minCompliantReplicas()).isEqualTo(2);
        assertThat(r.homes()).hasSize(4);
    }

    @Test
    void constructor_zeroReplicas_isRefusedNamingRuleAndValue() {
        assertThatThrownBy(() -> US_IN_US.withMinCompliantReplicas(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule us-in-us")
                .hasMessageContaining("minCompliantReplicas")
                .hasMessageContaining("was 0");
    }

    @Test
    void constructor_blankName_isRefused() {
        assertThatThrownBy(() -> new Rule(
                        " ",
                        ImmutableSortedSet.of(),
                        ImmutableSortedSet.of(),
                        SiteConstraint.ANY,
                        Action.MOVE,
                        1,
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule name");
    }

    @Test
    void constructor_nullAction_isRefusedNamingIt() {
        assertThatThrownBy(() -> new Rule(
                        "r", ImmutableSortedSet.of(), ImmutableSortedSet.of(), SiteConstraint.ANY, null, 1, false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("action");
    }
}
