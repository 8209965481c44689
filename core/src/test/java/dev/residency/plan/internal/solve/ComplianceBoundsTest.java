package dev.residency.plan.internal.solve;

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
import org.junit.jupiter.api.Test;

/**
 * The compliance lower bounds ({@link ComplianceBounds}) on instances small enough to work out by hand:
 * one link, where the relaxed flow by time {@code t} is the bandwidth times {@code t}, and two
 * commodities whose merged relaxation is far weaker than each commodity alone.
 *
 * <p>The area bound's right-endpoint sum, for {@code D} bytes over a link of {@code r} B/s with {@code T
 * = D / r}: samples at {@code t_k = k T / 16}, {@code F(t_k) = D k / 16}, so the sum is {@code sum_{k=1}^{15}
 * (D - D k / 16) T / 16 = D T (15 - 120 / 16) / 16 = D T 7.5 / 16 = 0.46875 D T} (the exact integral is
 * {@code D T / 2}). The horizon {@code T} is the lower end of a bisection to a relative 10^-4 on a network
 * whose capacities are rounded up to whole bytes (so a link of {@code r} B/s can be one byte, {@code 1 /
 * r} s, early), so a horizon holds within a relative 3 * 10^-4 below the exact one, and an area within
 * a relative 10^-3.
 */
final class ComplianceBoundsTest {

    private static final double SUM_FACTOR = 7.5 / 16;

    /** One US record of {@code bytes} in a (SG), one a-us link of {@code bytesPerSecond}. */
    private static AggregatedProblem oneLink(long bytes, double bytesPerSecond, long storage) {
        return SolverFixtures.oneUsRecord(bytes, bytesPerSecond, storage, storage);
    }

    /**
     * Two commodities from one source s (SG): 10^4 B of US users to x (US) over a slow link of 100 B/s,
     * 10^4 B of Canadian users to y (CA) over a fast link of 10^4 B/s.
     */
    private static AggregatedProblem twoCommodities() {
        Topology topology = Topology.of(
                List.of(site("s", "SG", 1L << 40), site("x", "US", 1L << 40), site("y", "CA", 1L << 40)),
                List.of(link("s", "x", 100, 0.0), link("s", "y", 10_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 2);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 10_000, false, 0);
        store.add(1, Jurisdiction.CA, Category.VIDEOS, 10_000, false, 0);
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.CA)));
        return AggregatedProblem.of(
                PlanningProblem.builder().store(store.build()).policy(policy).build());
    }

    /** Returns the part mask of the demands of {@code problem} whose commodity sends to site {@code site}. */
    private static boolean[] partTo(AggregatedProblem problem, int site) {
        boolean[] part = new boolean[problem.demandCount()];
        for (int d = 0; d < part.length; d++) {
            part[d] = problem.commodityDest[problem.demandCommodity[d]][site];
        }
        return part;
    }

    @Test
    void areaLowerBound_oneLink_isTheRightEndpointSum() {
        // D = 10^6 B, r = 10^4 B/s: T = 100 s, the sum 0.46875 * 10^6 * 100 = 4.6875e7 B s.
        AggregatedProblem problem = oneLink(1_000_000, 10_000, 1L << 40);

        double area = ComplianceBounds.areaLowerBound(problem, problem.bytesPerDemand());

        assertThat(area).isCloseTo(SUM_FACTOR * 1e6 * 100, within(4.6875e7 * 1e-3));
        assertThat(area).isLessThan(1e6 * 100 / 2.0);
    }

    @Test
    void areaLowerBound_nothingToMove_isZero() {
        AggregatedProblem problem = oneLink(1_000_000, 10_000, 1L << 40);

        assertThat(ComplianceBounds.areaLowerBound(problem, new long[problem.demandCount()]))
                .isZero();
    }

    @Test
    void areaLowerBound_unitsOfTwoBytes_isInBytes() {
        // 2^41 B is over the 2^40 units the solver allows, so one unit is 2 B: D = 2^40 units. Over a link
        // of 2^30 B/s, T = 2^41 / 2^30 = 2,048 s, and the bound is 0.46875 * 2^41 * 2,048 B s (in bytes,
        // not in units, which would be half of it).
        long bytes = 1L << 41;
        AggregatedProblem problem = oneLink(bytes, 1L << 30, 1L << 43);
        assertThat(problem.unitBytes).isEqualTo(2);

        double area = ComplianceBounds.areaLowerBound(problem, problem.bytesPerDemand());

        double expected = SUM_FACTOR * bytes * 2_048.0;
        assertThat(area).isCloseTo(expected, within(expected * 1e-3));
    }

    @Test
    void areaLowerBound_twoCommodities_sumOfEachAloneBeatsTheMergedRelaxation() {
        // Each alone: US 10^4 B at 100 B/s, T = 100 s, sum 0.46875 * 10^4 * 100 = 468,750; CA 10^4 B at
        // 10^4 B/s, T = 1 s, sum 4,687.5; together 473,437.5 B s. Merged, both may use both links: 2 * 10^4 B
        // at 10,100 B/s, T = 1.980198 s, sum 0.46875 * 2 * 10^4 * 1.980198 = 18,564.4 B s, far less.
        AggregatedProblem problem = twoCommodities();
        assertThat(problem.commodityCount()).isEqualTo(2);

        double area = ComplianceBounds.areaLowerBound(problem, problem.bytesPerDemand());

        assertThat(area).isCloseTo(473_437.5, within(473_437.5 * 1e-3));
    }

    @Test
    void areaLowerBound_wrongLength_isRefusedNamingBoth() {
        AggregatedProblem problem = twoCommodities();

        assertThatThrownBy(() -> ComplianceBounds.areaLowerBound(problem, new long[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bytesPerDemand has 1 entries for 2 demands");
    }

    @Test
    void partLowerBound_oneLink_isBytesOverBandwidth() {
        // 10^6 B over 10^4 B/s: 100 s (the lower end of the bisection, within 3 * 10^-4 below).
        AggregatedProblem problem = oneLink(1_000_000, 10_000, 1L << 40);

        double seconds =
                ComplianceBounds.partLowerBoundSeconds(problem, problem.bytesPerDemand(), new boolean[] {true});

        assertThat(seconds).isBetween(100 * (1 - 3e-4), 100.0);
    }

    @Test
    void partLowerBound_demandNotInPart_isZero() {
        AggregatedProblem problem = oneLink(1_000_000, 10_000, 1L << 40);

        assertThat(ComplianceBounds.partLowerBoundSeconds(problem, problem.bytesPerDemand(), new boolean[] {false}))
                .isZero();
    }

    @Test
    void partLowerBound_bothCommodities_isTheSlowCommodityAlone() {
        // Merged, 2 * 10^4 B over 10,100 B/s: 1.98 s. US alone: 10^4 / 100 = 100 s. CA alone: 1 s. The
        // largest, 100 s.
        AggregatedProblem problem = twoCommodities();
        boolean[] both = new boolean[] {true, true};

        double seconds = ComplianceBounds.partLowerBoundSeconds(problem, problem.bytesPerDemand(), both);

        assertThat(seconds).isBetween(100 * (1 - 3e-4), 100.0);
    }

    @Test
    void partLowerBound_fastCommodityAlone_isItsOwnLinkNotTheMergedOne() {
        // The CA part: merged it could also use the link to x, 10^4 B over 10,100 B/s = 0.990 s; on its own
        // commodity's network only the link to y: 10^4 / 10^4 = 1 s. The US part alone: 100 s.
        AggregatedProblem problem = twoCommodities();
        int x = problem.topology.indexOf("x").getAsInt();
        int y = problem.topology.indexOf("y").getAsInt();

        double ca = ComplianceBounds.partLowerBoundSeconds(problem, problem.bytesPerDemand(), partTo(problem, y));
        double us = ComplianceBounds.partLowerBoundSeconds(problem, problem.bytesPerDemand(), partTo(problem, x));

        assertThat(ca).isBetween(1 - 3e-4, 1.0);
        assertThat(us).isBetween(100 * (1 - 3e-4), 100.0);
    }

    @Test
    void partLowerBound_wrongLength_isRefusedNamingIt() {
        AggregatedProblem problem = twoCommodities();

        assertThatThrownBy(
                        () -> ComplianceBounds.partLowerBoundSeconds(problem, problem.bytesPerDemand(), new boolean[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("part has 3 entries");
    }
}
