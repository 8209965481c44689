package dev.residency.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link FlowNetwork} on random scenarios (arcs, capacities, latencies, caps on
 * concurrent flows, flows starting at random times over random routes under every {@link
 * FailurePolicy}, failures, repairs, capacity changes and aborts), checked at the end of every
 * instant:
 *
 * <ul>
 *   <li>no arc carries more than its capacity;
 *   <li>every transferring flow gets its max-min fair share: the rates equal {@link
 *       ReferenceMaxMin}'s and every flow has a bottleneck arc;
 *   <li>bytes are conserved: each flow's transferred bytes equal the integral of its rate over time,
 *       its remaining bytes equal its size minus that integral, and a completed flow has moved exactly
 *       its size;
 *   <li>liveness: every failure is repaired and every capacity restored, so when the events run out
 *       every flow has completed or been aborted;
 *   <li>no capped arc admits more flows than its cap;
 *   <li>the same seed gives the same event sequence.
 * </ul>
 */
final class FlowNetworkPropertyTest {

    private static final double TOLERANCE = 1e-7;

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** What the test knows about one live flow. */
    private static final class Tracked {
        final int[] route;
        final long size;
        final FailurePolicy policy;
        double integrated;
        double rate;

        Tracked(int[] route, long size, FailurePolicy policy) {
            this.route = route;
            this.size = size;
            this.policy = policy;
        }
    }

    /** One random scenario, run with every check. */
    private static final class Scenario {
        final long seed;
        final SplittableRandom rng;
        final Simulator<Object> sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
        final FlowNetwork net;
        final int arcCount;
        final int[] cap;
        final TreeMap<Integer, Tracked> live = new TreeMap<>();
        final List<String> trace = new ArrayList<>();
        double lastTime;
        int completed;

        Scenario(long seed) {
            this.seed = seed;
            this.rng = new SplittableRandom(seed);
            arcCount = 2 + rng.nextInt(8);
            double[] capacity = new double[arcCount];
            double[] latency = new double[arcCount];
            cap = new int[arcCount];
            boolean withLatency = rng.nextBoolean();
            boolean withCaps = rng.nextInt(3) == 0;
            FlowNetworkBuilder builder;
            for (int arc = 0; arc < arcCount; arc++) {
                // Few distinct capacities, so that ties between arcs are common.
                capacity[arc] = 10 * (1 + rng.nextInt(rng.nextBoolean() ? 3 : 100));
                latency[arc] = withLatency ? rng.nextInt(4) * 0.125 : 0;
                cap[arc] = withCaps && rng.nextBoolean() ? 1 + rng.nextInt(3) : Integer.MAX_VALUE;
            }
            builder = FlowNetwork.builder(sim, capacity).latencies(latency);
            for (int arc = 0; arc < arcCount; arc++) {
                if (cap[arc] != Integer.MAX_VALUE) {
                    builder.maxConcurrentFlows(arc, cap[arc]);
                }
            }
            net = builder.build();
            sim.onEvent((event, time) -> {
                for (Tracked t : live.values()) {
                    t.integrated += t.rate * (time - lastTime);
                }
                lastTime = time;
                trace.add(Double.doubleToRawLongBits(time) + " " + event);
            });
        }

        void schedule() {
            int flows = 5 + rng.nextInt(36);
            for (int i = 0; i < flows; i++) {
                double start = rng.nextInt(2) == 0 ? rng.nextInt(10) : rng.nextDouble() * 50;
                int[] route = randomRoute();
                long size = 1 + rng.nextInt(5000);
                FailurePolicy policy = switch (rng.nextInt(5)) {
                    case 0 -> FailurePolicy.ABORT;
                    case 1 -> FailurePolicy.RESTART;
                    default -> FailurePolicy.RESUME;
                };
                sim.scheduleAt(start, (Object e) -> startFlow(route, size, policy), "start");
            }
            int faults = rng.nextInt(5);
            for (int i = 0; i < faults; i++) {
                int arc = rng.nextInt(arcCount);
                double at = rng.nextDouble() * 60;
                double repairAt = at + rng.nextDouble() * 30;
                sim.scheduleAt(at, (Object e) -> dropping(arc, () -> net.failArc(arc)), "fail " + arc);
                sim.scheduleAt(repairAt, (Object e) -> net.repairArc(arc), "repair " + arc);
            }
            int changes = rng.nextInt(4);
            for (int i = 0; i < changes; i++) {
                int arc = rng.nextInt(arcCount);
                double capacity = rng.nextInt(4) == 0 ? 0 : 10 * (1 + rng.nextInt(50));
                double at = rng.nextDouble() * 60;
                sim.scheduleAt(
                        at, (Object e) -> dropping(arc, () -> net.setArcCapacity(arc, capacity)), "capacity " + arc);
                sim.scheduleAt(at + 1 + rng.nextDouble() * 20, (Object e) -> net.setArcCapacity(arc, 100), "restore");
            }
            int aborts = rng.nextInt(4);
            for (int i = 0; i < aborts; i++) {
                sim.scheduleAt(rng.nextDouble() * 60, (Object e) -> abortSome(), "abort");
            }
        }

        /**
         * Runs {@code change} to {@code arc}; if it takes the arc from carrying to zero, every live
         * RESTART flow over it loses its progress, as {@link FailurePolicy#RESTART} documents, so the
         * test's own count of its bytes starts again from zero.
         */
        void dropping(int arc, Runnable change) {
            boolean carrying = net.arcCapacity(arc) > 0;
            change.run();
            if (carrying && net.arcCapacity(arc) == 0) {
                for (Tracked t : live.values()) {
                    if (t.policy == FailurePolicy.RESTART
                            && java.util.Arrays.stream(t.route).anyMatch(a -> a == arc)) {
                        t.integrated = 0;
                    }
                }
            }
        }

        int[] randomRoute() {
            int length = 1 + rng.nextInt(Math.min(4, arcCount));
            List<Integer> arcs = new ArrayList<>();
            while (arcs.size() < length) {
                int arc = rng.nextInt(arcCount);
                if (!arcs.contains(arc)) {
                    arcs.add(arc);
                }
            }
            return arcs.stream().mapToInt(Integer::intValue).toArray();
        }

        void startFlow(int[] route, long size, FailurePolicy policy) {
            int[] holder = new int[1];
            FlowListener listener = new FlowListener() {
                @Override
                public void onFlowComplete(int flowId, double timeSeconds) {
                    Tracked t = live.remove(flowId);
                    check(t != null, "completion of untracked flow " + flowId);
                    check(
                            close(t.integrated, t.size),
                            "flow " + flowId + " completed after " + t.integrated
                                    + " bytes by the integral of its rate, size " + t.size);
                    completed++;
                    trace.add("complete " + flowId + " " + Double.doubleToRawLongBits(timeSeconds));
                }

                @Override
                public void onFlowAborted(int flowId, double timeSeconds, double bytesTransferred) {
                    Tracked t = live.remove(flowId);
                    check(
                            close(t.integrated, bytesTransferred),
                            "aborted flow " + flowId + " reports " + bytesTransferred + " bytes, integral "
                                    + t.integrated);
                    trace.add("aborted " + flowId);
                }
            };
            holder[0] = net.startFlow(route, size, policy, listener);
            live.put(holder[0], new Tracked(route, size, policy));
        }

        void abortSome() {
            if (live.isEmpty()) {
                return;
            }
            List<Integer> ids = new ArrayList<>(live.keySet());
            int id = ids.get(rng.nextInt(ids.size()));
            double transferred = net.abortFlow(id);
            Tracked t = live.remove(id);
            check(
                    close(t.integrated, transferred),
                    "abortFlow(" + id + ") returned " + transferred + ", integral " + t.integrated);
        }

        void run() {
            schedule();
            while (sim.step()) {
                if (sim.nextEventTime() > sim.now()) {
                    checkInstant();
                }
            }
            // Liveness: every failure is repaired and every capacity change restored by a later event,
            // so once the events run out every flow has completed or been aborted; a flow still live
            // here stalled for ever.
            check(live.isEmpty(), "flows never finished: " + live.keySet() + " (active " + net.activeFlowCount() + ")");
            check(net.activeFlowCount() == 0, "the network still holds " + net.activeFlowCount() + " flows");
        }

        /** The checks at the end of an instant; also records the new rates for integration. */
        void checkInstant() {
            List<Integer> transferring = new ArrayList<>();
            int[] admitted = new int[arcCount];
            for (var entry : live.entrySet()) {
                int id = entry.getKey();
                Tracked t = entry.getValue();
                t.rate = net.rate(id);
                // Remaining bytes against the size minus the test's own integral of the rate (not
                // against the network's transferred count, from which remaining is derived).
                check(
                        close(net.remainingBytes(id), t.size - t.integrated),
                        "flow " + id + ": remaining " + net.remainingBytes(id) + " != size " + t.size + " - integral "
                                + t.integrated);
                check(
                        close(net.bytesTransferred(id), t.integrated),
                        "flow " + id + " reports " + net.bytesTransferred(id)
                                + " bytes transferred, integral of its rate " + t.integrated);
                if (net.phase(id) == FlowPhase.TRANSFERRING) {
                    transferring.add(id);
                }
                if (net.phase(id) != FlowPhase.WAITING) {
                    for (int arc : t.route) {
                        admitted[arc]++;
                    }
                }
            }
            double[] capacity = new double[arcCount];
            for (int arc = 0; arc < arcCount; arc++) {
                capacity[arc] = net.arcCapacity(arc);
                check(
                        net.arcLoad(arc) <= capacity[arc] * (1 + 1e-9) + 1e-9,
                        "arc " + arc + " carries " + net.arcLoad(arc) + " > capacity " + capacity[arc]);
                check(admitted[arc] <= cap[arc], "arc " + arc + " admits " + admitted[arc] + " > cap " + cap[arc]);
            }
            int[][] routes = new int[transferring.size()][];
            double[] rates = new double[transferring.size()];
            for (int i = 0; i < routes.length; i++) {
                routes[i] = live.get(transferring.get(i)).route;
                rates[i] = live.get(transferring.get(i)).rate;
            }
            double[] expected = ReferenceMaxMin.rates(capacity, routes);
            for (int i = 0; i < routes.length; i++) {
                check(
                        Math.abs(rates[i] - expected[i]) <= 1e-6 * Math.max(1, expected[i]),
                        "flow " + transferring.get(i) + " has rate " + rates[i] + ", reference max-min " + expected[i]);
            }
            String unfair = ReferenceMaxMin.isMaxMinFair(capacity, routes, rates, 1e-6);
            check(unfair == null, String.valueOf(unfair));
        }

        boolean close(double a, double b) {
            return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b)) + 1e-6;
        }

        void check(boolean ok, String message) {
            if (!ok) {
                fail("seed " + seed + " at t=" + sim.now() + ": " + message);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomScenario_everyInstant_capacityFairnessAndConservationHold(long seed) {
        Scenario scenario = new Scenario(seed);
        scenario.run();

        assertThat(scenario.net.rateRecomputations()).as("seed %d", seed).isPositive();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomScenario_sameSeed_sameEventSequence(long seed) {
        Scenario first = new Scenario(seed);
        first.run();
        Scenario second = new Scenario(seed);
        second.run();

        assertThat(second.trace).as("seed %d", seed).isEqualTo(first.trace);
    }
}
