package dev.residency.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.audit.AuditReport;
import dev.residency.audit.ComplianceAudit;
import dev.residency.audit.Tally;
import dev.residency.policy.PolicyIndex;
import dev.residency.testing.RandomInstances.Instance;
import dev.residency.topology.Routing;
import dev.residency.topology.Topology;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RandomInstances} is deterministic, makes connected topologies, and its instances are not
 * vacuous: over the seeds the property tests use, violations, blocked records, exceptions and rules
 * shadowed by earlier overlapping rules all occur often.
 */
final class RandomInstancesTest {

    @Test
    void instance_sameSeed_equalParts() {
        Instance a = RandomInstances.instance(17);
        Instance b = RandomInstances.instance(17);
        assertThat(b.topology().sites()).isEqualTo(a.topology().sites());
        assertThat(b.topology().links()).isEqualTo(a.topology().links());
        assertThat(b.policy()).isEqualTo(a.policy());
        assertThat(b.categories()).isEqualTo(a.categories());
        assertThat(b.store().size()).isEqualTo(a.store().size());
        assertThat(b.store().totalBytes()).isEqualTo(a.store().totalBytes());
    }

    @Test
    void topology_everySeed_connected() {
        for (long seed = 0; seed < 200; seed++) {
            Topology t = RandomInstances.topology(new SplittableRandom(seed), 1 + (int) (seed % 15), 0.1);
            Routing routing = new Routing(t);
            for (int s = 1; s < t.siteCount(); s++) {
                assertThat(routing.fewestHops(0, s, Routing.ANY_TRANSIT))
                        .as("seed %d site %d", seed, s)
                        .isPresent();
            }
        }
    }

    @Test
    void instances_overPropertySeeds_coverInterestingCases() {
        int violating = 0;
        int compliant = 0;
        int blocked = 0;
        int excepted = 0;
        int shadowed = 0;
        for (long seed = 0; seed < 300; seed++) {
            Instance in = RandomInstances.instance(seed);
            AuditReport report = ComplianceAudit.run(in.store(), in.policy());
            violating += report.violating().records() > 0 ? 1 : 0;
            compliant += report.isCompliant() && report.total().records() > 0 ? 1 : 0;
            blocked += report.blockedTotal().records() > 0 ? 1 : 0;
            excepted += !report.excepted().equals(Tally.ZERO) ? 1 : 0;
            // A later rule that would select a (home, category) pair an earlier rule already governs.
            PolicyIndex index = PolicyIndex.of(in.policy(), in.store());
            boolean shadow = false;
            for (int h = 0; h < in.store().jurisdictions().size(); h++) {
                for (int c = 0; c < in.store().categories().size(); c++) {
                    int r = index.ruleOf(h, c);
                    for (int later = r + 1;
                            r >= 0 && later < in.policy().rules().size();
                            later++) {
                        shadow |= in.policy()
                                .rules()
                                .get(later)
                                .selects(
                                        in.store().jurisdictions().get(h),
                                        in.store().categories().get(c));
                    }
                }
            }
            shadowed += shadow ? 1 : 0;
        }
        assertThat(violating).as("instances with violations").isGreaterThan(100);
        assertThat(compliant).as("non-empty compliant instances").isGreaterThan(10);
        assertThat(blocked).as("instances with blocked records").isGreaterThan(50);
        assertThat(excepted).as("instances with excepted records").isGreaterThan(20);
        assertThat(shadowed).as("instances where precedence matters").isGreaterThan(50);
    }
}
