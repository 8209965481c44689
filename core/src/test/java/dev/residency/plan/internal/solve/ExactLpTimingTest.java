package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.PlanningProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A timed program, not a unit test (it asserts nothing about time and is off by default): how long
 * Commons Math's simplex takes on the flow planner's multi-commodity earliest-arrival LPs ({@link
 * MultiCommodityLp}) as the number of slots grows, to set {@link MultiCommodityLp#MAX_VARIABLES} and
 * {@link MultiCommodityLp#MAX_CONSTRAINTS}. Instances: {@link ExactLpTest}'s shared-link instance
 * (two commodities, four sites, four links) and {@link LpInstances}' random ones with three rules, on
 * timelines refined to 5 to 160 slots. Prints one line per LP: slots, variables, constraints, the best
 * of three solves in milliseconds. Run:
 *
 * <pre>{@code
 * ./mvnw -o -B -ntp -pl core -am test -Dtest=ExactLpTimingTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dresidency.lpTiming=true
 * }</pre>
 */
final class ExactLpTimingTest {

    @Test
    @EnabledIfSystemProperty(named = "residency.lpTiming", matches = "true")
    void simplex_growingSlots_printsTimes() {
        List<String> lines = new ArrayList<>();
        for (int slots : new int[] {5, 10, 20, 40, 80, 160}) {
            lines.add(time("shared-link", ExactLpTest.sharedLink(1), slots));
        }
        for (long seed = 0; seed < 3; seed++) {
            for (int slots : new int[] {5, 10, 20, 40}) {
                lines.add(time("LpInstances seed " + seed, LpInstances.random(seed, 3), slots));
            }
        }
        lines.forEach(System.out::println);
        assertThat(lines).isNotEmpty();
    }

    /** Builds the LP of {@code problem} on {@code slots} slots up to its makespan and times its solve. */
    private static String time(String name, PlanningProblem problem, int slots) {
        AggregatedProblem p = AggregatedProblem.of(problem);
        double horizon = AggregateSolver.solve(p).horizonSeconds() * 1.05;
        AggregatedProblem fine = p.refined(horizon / slots, horizon, horizon);
        long[] units = new long[p.demandCount()];
        for (int d = 0; d < units.length; d++) {
            units[d] = (p.demandBytes[d] + p.unitBytes - 1) / p.unitBytes;
        }
        long total = Arrays.stream(units).sum() + 1;
        long[] capacity = TimeExpandedNetwork.capacities(fine, horizon, false, total);
        int intervals = TimeExpandedNetwork.intervalsBefore(fine.timeline, horizon);
        long[] arrival = new long[intervals];
        for (int i = 0; i < intervals; i++) {
            arrival[i] = 1_000L * (2L * i + 1);
        }
        List<TimeExpandedNetwork> networks = new ArrayList<>();
        List<Long> needs = new ArrayList<>();
        for (int j = 0; j < p.commodityCount(); j++) {
            long[] mine = new long[units.length];
            long need = 0;
            for (int d = 0; d < units.length; d++) {
                if (p.demandCommodity[d] == j) {
                    mine[d] = units[d];
                    need += units[d];
                }
            }
            if (need > 0) {
                boolean[] mask = new boolean[p.commodityCount()];
                mask[j] = true;
                networks.add(
                        TimeExpandedNetwork.build(fine, horizon, mask, mine, capacity, arrival, null, Long.MAX_VALUE));
                needs.add(need);
            }
        }
        long[] need = needs.stream().mapToLong(Long::longValue).toArray();
        MultiCommodityLp.Size size = MultiCommodityLp.size(networks, need, capacity);
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            MultiCommodityLp.solveAnySize(networks, need, capacity, false);
            best = Math.min(best, System.nanoTime() - start);
            if (best > 20_000_000_000L) {
                break;
            }
        }
        return String.format(
                Locale.ROOT,
                "%-22s %4d slots, %d commodities: %s: %,.0f ms",
                name,
                intervals,
                networks.size(),
                size,
                best / 1e6);
    }
}
