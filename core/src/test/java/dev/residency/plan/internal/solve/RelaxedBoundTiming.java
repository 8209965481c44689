package dev.residency.plan.internal.solve;

import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanningProblem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * A timed program, not a test: the CPU time of the relaxed makespan bound ({@link
 * MakespanBound#relaxedHorizon}: the merged relaxation and each commodity's alone, as {@link
 * MakespanBound#lowerBound} computes them) on one reused network against one network per probe ({@link
 * RelaxedHorizonReference}), on even seeds over {@link FleetInstances} of 10 to 100 sites and one to
 * five competing rules, on odd seeds over time-varying {@link PlanFixtures#random} instances (those
 * holding units no horizon carries are skipped). Each round times both on every instance,
 * alternating which goes first; the calling thread's CPU time is measured (a loaded machine inflates it
 * far less than wall time). After two warm-up rounds it prints each round's two totals and their ratio.
 *
 * <p>Run after {@code ./mvnw -o -q -pl core test-compile}: {@code java -cp
 * core/target/classes:core/target/test-classes:$(cat /tmp/core-cp.txt)
 * dev.residency.plan.internal.solve.RelaxedBoundTiming [instances] [rounds]}, the class path written by
 * {@code ./mvnw -o -q -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/core-cp.txt}.
 */
final class RelaxedBoundTiming {

    private RelaxedBoundTiming() {}

    /** Times both computations; arguments: instances (default 200), measured rounds (default 5). */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<AggregatedProblem> problems = new ArrayList<>();
        List<long[]> units = new ArrayList<>();
        for (long seed = 0; seed < count; seed++) {
            PlanningProblem plan = seed % 2 == 0
                    ? FleetInstances.random(seed, 10 * (1 + (int) (seed / 2 % 10)), 1 + (int) (seed / 2 % 5))
                    : PlanFixtures.random(seed, 8, true);
            AggregatedProblem problem = AggregatedProblem.of(plan);
            long[] all = MakespanBound.flooredUnits(problem, problem.demandBytes);
            try {
                for (boolean[] mask : masks(problem, all)) {
                    RelaxedHorizonReference.relaxedHorizon(problem, mask, all, HorizonSearch.PRECISION);
                }
            } catch (IllegalArgumentException e) {
                // A demand without a reachable destination: the planner bounds only what it routes. Skipped.
                continue;
            }
            problems.add(problem);
            units.add(all);
        }
        System.out.printf("%d of %d instances (the others hold units no horizon carries)%n", problems.size(), count);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double checksum = 0;
        for (int round = -2; round < rounds; round++) {
            long reference = 0;
            long reused = 0;
            for (int pass = 0; pass < 2; pass++) {
                boolean referencePass = (pass == 0) == (round % 2 == 0);
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < problems.size(); i++) {
                    for (boolean[] mask : masks(problems.get(i), units.get(i))) {
                        checksum += referencePass
                                ? RelaxedHorizonReference.relaxedHorizon(
                                        problems.get(i), mask, units.get(i), HorizonSearch.PRECISION)
                                : MakespanBound.relaxedHorizon(problems.get(i), mask, units.get(i));
                    }
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (referencePass) {
                    reference += cpu;
                } else {
                    reused += cpu;
                }
            }
            if (round >= 0) {
                System.out.printf(
                        "round %d: one network per probe %.0f ms CPU, reused network %.0f ms CPU, ratio %.2f%n",
                        round, reference / 1e6, reused / 1e6, (double) reference / reused);
            }
        }
        System.out.printf("(checksum %s)%n", checksum);
    }

    /** Returns the masks {@link MakespanBound#lowerBound} bounds: the used commodities, then each alone. */
    private static List<boolean[]> masks(AggregatedProblem problem, long[] units) {
        int k = problem.commodityCount();
        boolean[] used = new boolean[k];
        for (int d = 0; d < units.length; d++) {
            used[problem.demandCommodity[d]] |= units[d] > 0;
        }
        List<boolean[]> masks = new ArrayList<>(List.of(used));
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        for (int j = 0; j < k && count > 1; j++) {
            if (used[j]) {
                boolean[] one = new boolean[k];
                one[j] = true;
                masks.add(one);
            }
        }
        return masks;
    }
}
