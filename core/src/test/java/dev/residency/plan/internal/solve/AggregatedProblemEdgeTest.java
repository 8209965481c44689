package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link AggregatedProblem} derives from a planning problem, each worked out by hand: free storage
 * less the bytes used outside the store, the bytes of a flow unit at and past 2^40 bytes in all, each
 * demand's largest record (records that do not move not counted), where a commodity may be staged (a
 * listed staging site, not its first copy's destinations, never for a record's second copy), and which
 * demands reach a destination at all (through transit sites only, from a source that is not one itself,
 * a full destination counting as reached).
 */
final class AggregatedProblemEdgeTest {

    private static final long LOTS = 1L << 40;

    private static int demandFrom(AggregatedProblem p, String site) {
        int s = p.topology.indexOf(site).getAsInt();
        for (int d = 0; d < p.demandCount(); d++) {
            if (p.demandSources[d].length == 1 && p.demandSources[d][0] == s) {
                return d;
            }
        }
        throw new AssertionError("no demand from " + site);
    }

    @Test
    void freeStorage_lessTheStoreAndWhatIsUsedOutsideIt() {
        // a: 10^6 B, 1,000 B used outside the store, 3,000 B of records: 996,000 free. us: 10^5 B, 4 * 10^4
        // used outside: 6 * 10^4 free. full: 500 B, 800 B used outside: none free (not negative).
        Topology topology = Topology.of(
                List.of(site("a", "SG", 1_000_000), site("us", "US", 100_000), site("full", "US", 500)),
                List.of(link("a", "us", 1_000, 0.0), link("a", "full", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 3);
        for (int i = 0; i < 3; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(PlanOptions.builder()
                        .usedBytesOutsideStore("a", 1_000)
                        .usedBytesOutsideStore("us", 40_000)
                        .usedBytesOutsideStore("full", 800)
                        .build())
                .build());

        assertThat(p.freeStorage).containsExactly(996_000, 60_000, 0);
    }

    private static AggregatedProblem oneRecord(long bytes) {
        return SolverFixtures.oneUsRecord(bytes, 1e9, 1L << 42, 1L << 42);
    }

    @Test
    void unitBytes_oneUpTo2To40BytesThenRoundedUp() {
        // At most 2^40 units: 2^40 B in 1-B units; one byte more needs 2-B units; 3 * 2^40 B exactly 3-B
        // units, and one byte more 4-B units.
        assertThat(oneRecord(LOTS).unitBytes).isEqualTo(1);
        assertThat(oneRecord(LOTS + 1).unitBytes).isEqualTo(2);
        assertThat(oneRecord(3 * LOTS).unitBytes).isEqualTo(3);
        assertThat(oneRecord(3 * LOTS + 1).unitBytes).isEqualTo(4);
        assertThat(oneRecord(3 * LOTS + 1).demandBytes()).isEqualTo(3 * LOTS + 1);
    }

    @Test
    void demandMaxRecord_largestMovingRecordPerDemand() {
        // US records at a (100, 700, 300 B) and at b (50 B) are two demands: largest 700 and 50. The Irish
        // record of 5,000 B at a has no rule and does not move: it counts for no demand.
        Topology topology = Topology.of(
                List.of(site("a", "SG", LOTS), site("b", "SG", LOTS), site("us", "US", LOTS)),
                List.of(link("a", "us", 1_000, 0.0), link("b", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 5);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 100, false, 0);
        store.add(1, Jurisdiction.IE, Category.VIDEOS, 5_000, false, 0);
        store.add(2, Jurisdiction.US, Category.VIDEOS, 700, false, 0);
        store.add(3, Jurisdiction.US, Category.VIDEOS, 300, false, 0);
        store.add(4, Jurisdiction.US, Category.VIDEOS, 50, false, 1);
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build());

        assertThat(p.demandCount()).isEqualTo(2);
        assertThat(p.demandMaxRecord[demandFrom(p, "a")]).isEqualTo(700);
        assertThat(p.demandMaxRecord[demandFrom(p, "b")]).isEqualTo(50);
        assertThat(p.demandBytes[demandFrom(p, "a")]).isEqualTo(1_100);
    }

    @Test
    void commodityStage_listedTransitSiteForTheFirstCopyOnly() {
        // US data at s needs two US copies: x and y (allowed sites in index order, copy 0 takes x, copy 1
        // takes y). m is listed as a staging site, n is not. The first copy's commodity may wait at m only
        // (not at s, its source; not at n, unlisted; not at x or y, which the rule allows); the second
        // copy's commodity nowhere (two staged copies of one record would collide).
        Topology topology = Topology.of(
                List.of(
                        site("s", "SG", LOTS),
                        site("m", "SG", LOTS),
                        site("n", "SG", LOTS),
                        site("x", "US", LOTS),
                        site("y", "US", LOTS)),
                List.of(
                        link("s", "m", 1_000, 0.0),
                        link("m", "x", 1_000, 0.0),
                        link("s", "n", 1_000, 0.0),
                        link("n", "y", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 2);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        store.add(1, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        ResidencyPolicy policy = ResidencyPolicy.of(
                        "two-copies",
                        Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                                .withMinCompliantReplicas(2))
                .withStaging(List.of("m"));
        AggregatedProblem p = AggregatedProblem.of(
                PlanningProblem.builder().store(store.build()).policy(policy).build());

        assertThat(p.demandCount()).isEqualTo(2);
        assertThat(p.partsOfDemand).hasDimensions(1, 2);
        int first = p.demandCommodity[p.partsOfDemand[0][0]];
        int second = p.demandCommodity[p.partsOfDemand[0][1]];
        assertThat(p.commodityDest[first]).containsExactly(false, false, false, true, false);
        assertThat(p.commodityDest[second]).containsExactly(false, false, false, false, true);
        assertThat(p.commodityStage[first]).containsExactly(false, true, false, false, false);
        assertThat(p.commodityStage[second]).containsExactly(false, false, false, false, false);
        assertThat(p.commodityPass[first]).containsExactly(true, true, true, true, true);
    }

    @Test
    void demandReachable_throughTransitSitesOnly_fullDestinationCounts() {
        // Transit only through US sites (and a rule's allowed sites, the same here). Four SG sources, one
        // demand each:
        // s: link to x (US, room): reachable, though s itself is no transit site (a source always sends);
        // t: link to full (US, no room left): reachable, short of storage, not of a route;
        // u: link to k (SG, no transit), k to x: not reachable;
        // w: no link: not reachable.
        Topology topology = Topology.of(
                List.of(
                        site("s", "SG", LOTS),
                        site("t", "SG", LOTS),
                        site("u", "SG", LOTS),
                        site("w", "SG", LOTS),
                        site("k", "SG", LOTS),
                        site("x", "US", LOTS),
                        site("full", "US", 1_000)),
                List.of(
                        link("s", "x", 1_000, 0.0),
                        link("t", "full", 1_000, 0.0),
                        link("u", "k", 1_000, 0.0),
                        link("k", "x", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 4);
        for (int i = 0; i < 4; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, i);
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US).withTransit(SiteConstraint.in(Jurisdiction.US)))
                .options(PlanOptions.builder()
                        .usedBytesOutsideStore("full", 1_000)
                        .build())
                .build());

        assertThat(p.demandCount()).isEqualTo(4);
        assertThat(p.demandReachable[demandFrom(p, "s")]).isTrue();
        assertThat(p.demandReachable[demandFrom(p, "t")]).isTrue();
        assertThat(p.demandReachable[demandFrom(p, "u")]).isFalse();
        assertThat(p.demandReachable[demandFrom(p, "w")]).isFalse();
    }
}
