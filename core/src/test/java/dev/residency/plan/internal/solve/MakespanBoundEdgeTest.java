package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanningProblem;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link MakespanBound} at its edges, each worked out by hand: the LP is called for only when two
 * commodities both have bytes to move (one commodity, or a second one with nothing, keeps the relaxation
 * and says the LP was not tried), the argument checks, the "LP skipped" text exactly at the variable
 * limit, and the naive bound's sums: storage ignored, a demand with no bytes opening no source, and the
 * bytes of a flow unit when a unit is 2 B.
 */
final class MakespanBoundEdgeTest {

    private static final long LOTS = 1L << 40;

    /** One US demand of {@code bytes} at a, a link of {@code rate} B/s to us, us with {@code storage} B. */
    private static AggregatedProblem oneLink(long bytes, double rate, long storage) {
        return SolverFixtures.oneUsRecord(bytes, rate, LOTS, storage);
    }

    /**
     * Two commodities at s: 10^4 B of US data (allowed at x, over 1,000 B/s) and 10^4 B of Canadian data
     * (allowed at x or z; z over 500 B/s).
     */
    private static AggregatedProblem twoCommodities() {
        Topology topology = Topology.of(
                List.of(site("s", "SG", LOTS), site("x", "US", LOTS), site("z", "CA", LOTS)),
                List.of(link("s", "x", 1_000, 0.0), link("s", "z", 500, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 20);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
            store.add(10 + i, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        }
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.US, Jurisdiction.CA)));
        AggregatedProblem p = AggregatedProblem.of(
                PlanningProblem.builder().store(store.build()).policy(policy).build());
        assertThat(p.commodityCount()).isEqualTo(2);
        assertThat(p.demandCount()).isEqualTo(2);
        return p;
    }

    @Test
    void lowerBound_oneCommodity_noLpTried() {
        // 10^5 B over 1,000 B/s: 100 s by the relaxation alone; one commodity needs no LP.
        AggregatedProblem p = oneLink(100_000, 1_000, LOTS);

        MakespanBound.Bound bound = MakespanBound.lowerBound(p, p.bytesPerDemand());

        // The relaxation rounds capacities up (by under a unit): its horizon may fall up to one unit's time, 1 ms,
        // short.
        assertThat(bound.seconds()).isBetween(100 * (1 - 1e-3), 100.0);
        assertThat(bound.lpSeconds()).isNaN();
        assertThat(bound.lpVariables()).isZero();
        assertThat(bound.lpFailure()).isEmpty();
        assertThat(bound.lpSkipped()).isEmpty();
    }

    @Test
    void lowerBound_twoCommodities_lpTriedAndNotBelowIt() {
        // Both commodities have bytes: the LP is solved. The US data needs x's link alone: 10 s; the
        // Canadian data can use both links, but s-x is shared: 2 * 10^4 B over 1,500 B/s in all is 13.33 s,
        // the fluid optimum (the Canadian data takes z's link for all 13.33 s: 6,667 B, and x's link the
        // remaining 3,333 B after the US data's 10^4 B).
        AggregatedProblem p = twoCommodities();

        MakespanBound.Bound bound = MakespanBound.lowerBound(p, p.bytesPerDemand());

        assertThat(bound.lpVariables()).isPositive();
        assertThat(bound.lpSeconds()).isCloseTo(20_000 / 1_500.0, within(1e-3));
        assertThat(bound.seconds()).isCloseTo(20_000 / 1_500.0, within(1e-3));
        assertThat(bound.lpFailure()).isEmpty();
    }

    @Test
    void lowerBound_secondCommodityWithNothingToMove_noLpTried() {
        // The Canadian demand is given 0 B: only the US commodity has units, its bound is x's link alone,
        // 10^4 / 1,000 = 10 s, and no LP is called for.
        AggregatedProblem p = twoCommodities();
        long[] bytes = p.bytesPerDemand();
        int canadian =
                p.commodityDest[p.demandCommodity[0]][p.topology.indexOf("z").getAsInt()] ? 0 : 1;
        bytes[canadian] = 0;

        MakespanBound.Bound bound = MakespanBound.lowerBound(p, bytes);

        assertThat(bound.seconds()).isBetween(10 * (1 - 1e-3), 10.0);
        assertThat(bound.lpSeconds()).isNaN();
        assertThat(bound.lpVariables()).isZero();
    }

    @Test
    void lowerBound_wrongLength_refusedNamingBothCounts() {
        AggregatedProblem p = oneLink(100_000, 1_000, LOTS);

        assertThatThrownBy(() -> MakespanBound.lowerBound(p, new long[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bytesPerDemand has 2 entries for 1 demands");
    }

    @Test
    void bound_negativeVariables_refused() {
        assertThatThrownBy(() -> new MakespanBound.Bound(1, Double.NaN, Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lpVariables must be >= 0, was -1");
        assertThat(new MakespanBound.Bound(1, Double.NaN, Optional.empty(), 0).lpVariables())
                .isZero();
    }

    @Test
    void lpSkipped_onlyAboveTheLimit() {
        int limit = FluidLp.MAX_VARIABLES;

        assertThat(new MakespanBound.Bound(1, 1, Optional.empty(), limit).lpSkipped())
                .isEmpty();
        assertThat(new MakespanBound.Bound(1, Double.NaN, Optional.empty(), limit + 1).lpSkipped())
                .contains(String.format("its LP of %,d variables is above the limit of %,d", limit + 1, limit));
    }

    @Test
    void naiveBound_ignoresStorage() {
        // 10^5 B over 1,000 B/s into a site with room for 10^4 B: the naive bound is the link's 100 s, as
        // if storage were unlimited (with the storage, the flow over 1,000 s would be 10^4 B: 10^4 s).
        AggregatedProblem p = oneLink(100_000, 1_000, 10_000);

        assertThat(MakespanBound.naiveBoundSeconds(p, p.bytesPerDemand())).isCloseTo(100, within(1e-9));
    }

    @Test
    void naiveBound_twoCommodities_oneMaxFlowOverBothLinks() {
        // One max-flow from s to every allowed destination: 2 * 10^4 B over both links (1,500 B/s), 13.33 s;
        // with nothing to move, 0.
        AggregatedProblem p = twoCommodities();

        assertThat(MakespanBound.naiveBoundSeconds(p, p.bytesPerDemand())).isCloseTo(20_000 / 1_500.0, within(1e-9));
        assertThat(MakespanBound.naiveBoundSeconds(p, new long[2])).isZero();
    }

    @Test
    void naiveBound_zeroDemandAtAnotherSite_doesNotLendItsLink() {
        // a holds 10^4 B behind 1,000 B/s; b's demand is given 0 B, behind its own 9,000 B/s link. Only
        // a's link counts: 10 s (with b's source open, 10^4 / 10^4 = 1 s).
        Topology topology = Topology.of(
                List.of(site("a", "SG", LOTS), site("b", "SG", LOTS), site("us", "US", LOTS)),
                List.of(link("a", "us", 1_000, 0.0), link("b", "us", 9_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 2);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 10_000, false, 0);
        store.add(1, Jurisdiction.US, Category.VIDEOS, 10_000, false, 1);
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build());
        long[] bytes = p.bytesPerDemand();
        int fromB = p.demandSources[0][0] == topology.indexOf("b").getAsInt() ? 0 : 1;
        bytes[fromB] = 0;

        assertThat(MakespanBound.naiveBoundSeconds(p, bytes)).isCloseTo(10, within(1e-9));
    }

    @Test
    void naiveBound_twoByteUnits_countsBytesNotUnits() {
        // 2^41 B is more than 2^40 units of 1 B, so a unit is 2 B. Over 2^30 B/s: 2^41 / 2^30 = 2,048 s.
        AggregatedProblem p = oneLink(1L << 41, 1L << 30, 1L << 42);
        assertThat(p.unitBytes).isEqualTo(2);

        assertThat(MakespanBound.naiveBoundSeconds(p, p.bytesPerDemand())).isCloseTo(2_048, within(1e-6));
    }
}
