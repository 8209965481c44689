package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fluid LP's rows ({@link FluidLp#minimumMakespan}) where each one binds, one at a time, on instances
 * whose fluid makespan is worked out by hand: a destination's free storage, a source's egress, a
 * destination's ingest. Without the row the LP's optimum would be the links' alone.
 */
final class FluidLpRowsTest {

    private static final double BIG = 1e12;
    private static final long LOTS = 1L << 40;

    /** Ten US records of 1,000 B at each source site {@code sources}, the policy keeping US data in the US. */
    private static double makespan(List<DataCenter> sites, List<Link> links, String... sources) {
        Topology topology = Topology.of(sites, links);
        RecordStore.Builder store = RecordStore.builder(topology, 10 * sources.length);
        int user = 0;
        for (String source : sources) {
            int s = topology.indexOf(source).getAsInt();
            for (int i = 0; i < 10; i++) {
                store.add(user++, Jurisdiction.US, Category.VIDEOS, 1_000, false, s);
            }
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build());
        return FluidLp.minimumMakespan(p, p.demandBytes.clone());
    }

    @Test
    void minimumMakespan_fastDestinationShortOfStorage_restGoesTheSlowWay() {
        // 10^4 B from s: x over 1,000 B/s has room for 2,000 B, y over 100 B/s has plenty. Without the
        // storage row: 10^4 / 1,100 = 9.09 s. With it, y takes 8,000 B at 100 B/s: 80 s.
        double seconds = makespan(
                List.of(
                        site("s", "SG", LOTS, BIG, BIG),
                        site("x", "US", 2_000, BIG, BIG),
                        site("y", "US", LOTS, BIG, BIG)),
                List.of(link("s", "x", 1_000, 0.0), link("s", "y", 100, 0.0)),
                "s");

        assertThat(seconds).isCloseTo(80, within(80 * 1e-6));
    }

    @Test
    void minimumMakespan_sourceEgressBelowItsLinks_bindsTheSource() {
        // s's egress 500 B/s under links of 1,000 and 100 B/s: 10^4 / 500 = 20 s (links alone: 9.09 s).
        double seconds = makespan(
                List.of(
                        site("s", "SG", LOTS, BIG, 500),
                        site("x", "US", LOTS, BIG, BIG),
                        site("y", "US", LOTS, BIG, BIG)),
                List.of(link("s", "x", 1_000, 0.0), link("s", "y", 100, 0.0)),
                "s");

        assertThat(seconds).isCloseTo(20, within(20 * 1e-6));
    }

    @Test
    void minimumMakespan_destinationIngestBelowItsLinks_bindsTheDestination() {
        // 10^4 B from each of s1 and s2 into x, each over 1,000 B/s, x's ingest 250 B/s:
        // 2 * 10^4 / 250 = 80 s (links alone: 10 s).
        double seconds = makespan(
                List.of(
                        site("s1", "SG", LOTS, BIG, BIG),
                        site("s2", "SG", LOTS, BIG, BIG),
                        site("x", "US", LOTS, 250, BIG)),
                List.of(link("s1", "x", 1_000, 0.0), link("s2", "x", 1_000, 0.0)),
                "s1",
                "s2");

        assertThat(seconds).isCloseTo(80, within(80 * 1e-6));
    }
}
