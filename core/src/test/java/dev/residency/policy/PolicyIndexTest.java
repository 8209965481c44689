package dev.residency.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.testing.RandomInstances;
import dev.residency.testing.RandomInstances.Instance;
import dev.residency.topology.Topology;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PolicyIndex} answers every question exactly as the policy's own objects do: the governing
 * rule is {@link ResidencyPolicy#ruleFor}, the action {@link Rule#actionFor}, allowed and transit
 * sites {@link SiteConstraint#allows}, and a replica set violates exactly when a governing,
 * non-exempt rule disallows one of its sites. Checked on many random stores and policies.
 */
final class PolicyIndexTest {

    static LongStream seeds() {
        return RandomInstances.seeds(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void index_randomPolicy_agreesWithPolicyObjects(long seed) {
        Instance in = RandomInstances.instance(seed);
        RecordStore store = in.store();
        ResidencyPolicy policy = in.policy();
        Topology topology = in.topology();
        PolicyIndex index = PolicyIndex.of(policy, store);
        assertThat(index.policy()).isSameAs(policy);
        assertThat(index.store()).isSameAs(store);

        for (int r = 0; r < policy.rules().size(); r++) {
            Rule rule = policy.rules().get(r);
            assertThat(index.rule(r)).isSameAs(rule);
            for (int s = 0; s < topology.siteCount(); s++) {
                boolean allowed = rule.allowed().allows(topology.site(s));
                assertThat(index.allows(r, s))
                        .as("seed %d rule %d site %d", seed, r, s)
                        .isEqualTo(allowed);
                assertThat(index.transitAllowed(r, s))
                        .as("seed %d rule %d site %d transit", seed, r, s)
                        .isEqualTo(allowed || policy.transit().allows(topology.site(s)));
            }
        }
        for (int h = 0; h < store.jurisdictions().size(); h++) {
            Jurisdiction home = store.jurisdictions().get(h);
            for (int c = 0; c < store.categories().size(); c++) {
                Category category = store.categories().get(c);
                Optional<Rule> rule = policy.ruleFor(home, category);
                String where = String.format("seed %d (%s, %s)", seed, home, category);
                int r = index.ruleOf(h, c);
                assertThat(r == PolicyIndex.NO_RULE ? Optional.empty() : Optional.of(index.rule(r)))
                        .as(where)
                        .isEqualTo(rule);
                Action action = rule.map(x -> x.actionFor(category)).orElse(Action.EXEMPT);
                assertThat(index.actionOf(h, c)).as(where).isEqualTo(action);
                for (int rs = 0; rs < store.replicaSets().size(); rs++) {
                    ImmutableIntArray sites = store.replicaSets().sites(rs);
                    long disallowed = rule.isEmpty()
                            ? 0
                            : sites.stream()
                                    .filter(s -> !rule.get().allowed().allows(topology.site(s)))
                                    .count();
                    boolean violates = action != Action.EXEMPT && disallowed > 0;
                    assertThat(index.violates(h, c, rs))
                            .as(where + " set " + sites)
                            .isEqualTo(violates);
                    if (rule.isPresent()) {
                        assertThat(index.compliantReplicas(r, rs))
                                .as(where + " set " + sites)
                                .isEqualTo(sites.length() - (int) disallowed);
                    }
                }
            }
        }
    }
}
