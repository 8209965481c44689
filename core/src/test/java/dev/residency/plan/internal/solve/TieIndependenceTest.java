package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.plan.internal.flow.ResidualNetwork;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flow planner's figures do not depend on which of several equal-cost optimal flows its min-cost
 * flow solver returns. The production solver is compared with the same solver run on a copy of each
 * network whose nodes and arcs are shuffled (seeded): cost scaling visits arcs in their stored order,
 * so the copy resolves ties differently, yet its flow is optimal too (its cost is checked equal).
 *
 * <p>The hand-derived cases are the two that moved by one record (10 s) when the solver changed: the
 * expectations are the analytic ones of {@code FlowPlannerTest}, under every shuffle. There the tie was
 * between one demand's rounding room and another demand's real unit; the room is now routed after the
 * real units, on their residual capacities.
 */
final class TieIndependenceTest {

    private static final double RATE = 1e8;
    private static final long GB = 1_000_000_000L;

    /**
     * Returns a min-cost flow solver that solves a shuffled copy of the network, checks that its cost
     * equals the production solver's, and leaves the copy's flow on the network.
     */
    static Consumer<ResidualNetwork> shuffled(long seed) {
        return network -> {
            network.freeze();
            int n = network.nodeCount();
            int m = network.arcCount() / 2;
            SplittableRandom rng = new SplittableRandom(seed);
            int[] node = shuffle(n, rng);
            int[] order = shuffle(m, rng);
            ResidualNetwork copy = new ResidualNetwork(n, m);
            int[] copyArc = new int[m];
            for (int k : order) {
                int a = 2 * k;
                copyArc[k] =
                        copy.addArc(node[network.tail(a)], node[network.head(a)], network.capacity(a), network.cost(a));
            }
            for (int v = 0; v < n; v++) {
                copy.setSupply(node[v], network.supply(v));
            }
            double shuffledCost = MinCostFlow.solve(copy);
            double cost = MinCostFlow.solve(network);
            assertThat(shuffledCost)
                    .as("shuffle seed %s: cost of the shuffled copy", seed)
                    .isEqualTo(cost);
            // Carry the copy's flow over: with every capacity cut to that flow, the only optimal flows
            // left lie within it, and with non-negative costs a flow of the same value equals it up to
            // zero-cost cycles.
            long[] saved = new long[m];
            network.clearFlow();
            for (int k = 0; k < m; k++) {
                saved[k] = network.capacity(2 * k);
                network.setCapacity(2 * k, copy.flow(copyArc[k]));
            }
            assertThat(MinCostFlow.solve(network)).as("shuffle seed %s", seed).isEqualTo(cost);
            for (int k = 0; k < m; k++) {
                network.setCapacity(2 * k, saved[k]);
            }
        };
    }

    private static int[] shuffle(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static PlanningProblem videosAndLogs(PlanOptions options) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 50), site("us", "US", 1L << 50)), List.of(link("sg", "us", RATE, 0.02)));
        RecordStore.Builder store = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            store.add(i, Jurisdiction.US, i % 2 == 0 ? Category.VIDEOS : Category.LOGS, GB, false, 0);
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US).withKeepPriority(ImmutableMap.of("videos", 10)))
                .options(options)
                .build();
    }

    static LongStream shuffleSeeds() {
        return LongStream.range(1, 9);
    }

    @ParameterizedTest(name = "shuffle={0}")
    @MethodSource("shuffleSeeds")
    void plan_softDeadline_sameAnalyticMakespanUnderEveryTie(long shuffle) {
        // 100 GB at 1e8 B/s take 1000 s, whichever equal-cost flow the solver returns, and each demand's
        // 50 batches of 1 GB wait 10 ms each for the latency: 1000.5 s.
        PlanningProblem problem = videosAndLogs(PlanOptions.builder()
                .deadline(Duration.ofSeconds(700))
                .targetBatchBytes(GB)
                .build());

        MigrationPlan plan = new FlowPlanner(shuffled(shuffle)).plan(problem);

        assertThat(PlanVerifier.verify(plan, problem).isValid()).isTrue();
        assertThat(plan.makespanSeconds()).as("shuffle %s", shuffle).isCloseTo(1000.5, within(1e-6));
        assertThat(plan.violatingBytesAtDeadline()).as("shuffle %s", shuffle).isBetween(30 * GB, 32 * GB);
    }

    @ParameterizedTest(name = "shuffle={0}")
    @MethodSource("shuffleSeeds")
    void plan_siteReadyLate_sameAnalyticMakespanUnderEveryTie(long shuffle) {
        // The destination is ready at 3600 s; 100 GB then take 1000 s more, one batch per demand after
        // 10 ms of latency: 4600.01 s.
        PlanningProblem problem = videosAndLogs(
                PlanOptions.builder().siteReadyAt("us", Duration.ofHours(1)).build());

        MigrationPlan plan = new FlowPlanner(shuffled(shuffle)).plan(problem);

        assertThat(PlanVerifier.verify(plan, problem).isValid()).isTrue();
        assertThat(plan.makespanSeconds()).as("shuffle %s", shuffle).isCloseTo(4600.01, within(1e-6));
    }

    static LongStream randomSeeds() {
        return LongStream.range(0, 10);
    }

    /**
     * On random instances another tie still gives a valid plan whose area is not below its bound. Its
     * figures may differ: ties between demands sharing a bottleneck, or between equal-cost routes, split
     * the quotas differently, and whole records round differently per stream (on seeds 0-9, 5 of 10
     * plans differed in bytes moved, makespan or violating bytes at the deadline). Only the rounding
     * room's ties are resolved canonically so far.
     */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("randomSeeds")
    void plan_randomInstance_validUnderAnotherTie(long seed) {
        PlanningProblem problem = PlanFixtures.random(seed, 6, seed % 2 == 1);

        MigrationPlan other = new FlowPlanner(shuffled(seed * 31 + 7)).plan(problem);

        VerificationResult result = PlanVerifier.verify(other, problem);
        assertThat(result.isValid()).as("seed %s: %s", seed, result).isTrue();
        assertThat(other.areaByteSeconds())
                .as("seed %s: area vs its bound", seed)
                .isGreaterThanOrEqualTo(other.areaLowerBoundByteSeconds() * (1 - 1e-9));
    }

    @Test
    void shuffled_returnsAnOptimalFlowOfTheSameCost() {
        // Two parallel arcs of cost 1 and a third of cost 2 from 0 to 1, 5 units to send, capacities 2,
        // 2, 10: the optimum sends 2 + 2 at cost 1 and 1 at cost 2, total 6.
        ResidualNetwork network = new ResidualNetwork(2, 3);
        int a = network.addArc(0, 1, 2, 1);
        int b = network.addArc(0, 1, 2, 1);
        int c = network.addArc(0, 1, 10, 2);
        network.setSupply(0, 5);
        network.setSupply(1, -5);

        shuffled(3).accept(network);

        assertThat(network.flow(a) + network.flow(b)).isEqualTo(4);
        assertThat(network.flow(c)).isEqualTo(1);
        assertThat(network.totalCost()).isEqualTo(6);
    }
}
