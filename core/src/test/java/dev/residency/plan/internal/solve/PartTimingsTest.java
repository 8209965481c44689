package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PartTiming;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plan's per-part timings ({@code PlanAssembler.partTimings}): per home jurisdiction and per rule with
 * moved data, its bytes, when its last batch ends and its lower bound alone, on an instance worked out by
 * hand.
 *
 * <p>Instance: in s, 10 US records, 2 Canadian and 3 Australian ones, all of 1,000 B. Rule "us" keeps US
 * data in x (US), over s-x at 1,000 B/s; rule "other" keeps Canadian and Australian data in y (CA), over
 * s-y at 500 B/s. Alone: US 10^4 / 1,000 = 10 s; Canada 2,000 / 500 = 4 s; Australia 3,000 / 500 = 6 s;
 * rule "other" 5,000 / 500 = 10 s.
 */
final class PartTimingsTest {

    @Test
    void parts_perHomeAndRule_bytesEndsAndBoundsByHand() {
        Topology topology = Topology.of(
                List.of(site("s", "SG", 1L << 40), site("x", "US", 1L << 40), site("y", "CA", 1L << 40)),
                List.of(link("s", "x", 1_000, 0.0), link("s", "y", 500, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 15);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        store.add(10, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        store.add(11, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        for (int i = 12; i < 15; i++) {
            store.add(i, Jurisdiction.AU, Category.VIDEOS, 1_000, false, 0);
        }
        ResidencyPolicy policy = ResidencyPolicy.of(
                "parts",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)),
                Rule.move("other", List.of(Jurisdiction.CA, Jurisdiction.AU), SiteConstraint.in(Jurisdiction.CA)));
        PlanningProblem problem =
                PlanningProblem.builder().store(store.build()).policy(policy).build();

        MigrationPlan plan = new FlowPlanner().plan(problem);

        Map<String, PartTiming> homes =
                plan.parts(PartTiming.HOME).stream().collect(Collectors.toMap(PartTiming::name, t -> t));
        Map<String, PartTiming> rules =
                plan.parts(PartTiming.RULE).stream().collect(Collectors.toMap(PartTiming::name, t -> t));
        assertThat(homes).containsOnlyKeys("US", "CA", "AU");
        assertThat(rules).containsOnlyKeys("us", "other");
        assertThat(homes.get("US").bytes()).isEqualTo(10_000);
        assertThat(homes.get("CA").bytes()).isEqualTo(2_000);
        assertThat(homes.get("AU").bytes()).isEqualTo(3_000);
        assertThat(rules.get("us").bytes()).isEqualTo(10_000);
        assertThat(rules.get("other").bytes()).isEqualTo(5_000);
        assertThat(homes.get("US").lowerBoundSeconds()).isBetween(low(10, 1_000), 10.0);
        assertThat(homes.get("CA").lowerBoundSeconds()).isBetween(low(4, 500), 4.0);
        assertThat(homes.get("AU").lowerBoundSeconds()).isBetween(low(6, 500), 6.0);
        assertThat(rules.get("us").lowerBoundSeconds()).isBetween(low(10, 1_000), 10.0);
        assertThat(rules.get("other").lowerBoundSeconds()).isBetween(low(10, 500), 10.0);
        // Each part ends with its last batch, found by a scan of the batches' records (users 0-9 are US,
        // 10-11 Canadian, 12-14 Australian; the user is the record's index here).
        assertThat(homes.get("US").plannedSeconds()).isEqualTo(lastEnd(plan, i -> i < 10));
        assertThat(homes.get("CA").plannedSeconds()).isEqualTo(lastEnd(plan, i -> i == 10 || i == 11));
        assertThat(homes.get("AU").plannedSeconds()).isEqualTo(lastEnd(plan, i -> i >= 12));
        assertThat(rules.get("us").plannedSeconds()).isEqualTo(homes.get("US").plannedSeconds());
        assertThat(rules.get("other").plannedSeconds())
                .isEqualTo(Math.max(
                        homes.get("CA").plannedSeconds(), homes.get("AU").plannedSeconds()));
        for (PartTiming part : plan.parts(PartTiming.HOME)) {
            assertThat(part.plannedSeconds()).as("%s", part).isGreaterThanOrEqualTo(part.lowerBoundSeconds());
        }
    }

    /**
     * Returns the least a bound of {@code seconds} over a link of {@code bytesPerSecond} can be: the lower end
     * of a bisection to a relative 10^-4, on capacities rounded up to whole bytes (one byte, {@code 1 /
     * bytesPerSecond} s, early).
     */
    private static double low(double seconds, double bytesPerSecond) {
        return seconds * (1 - 1e-4) - 1 / bytesPerSecond;
    }

    private static double lastEnd(MigrationPlan plan, IntPredicate record) {
        double end = 0;
        for (TransferBatch batch : plan.batches()) {
            for (int k = 0; k < batch.records().length(); k++) {
                if (record.test(batch.records().get(k))) {
                    end = Math.max(end, batch.plannedEndSeconds());
                }
            }
        }
        assertThat(end).isPositive();
        return end;
    }
}
