package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of {@link DeadlinePromiseTest} in the hard corners: a plan made under a hard deadline,
 * carried out by a fault-free run without live writes under {@link DeadlineRule#ENFORCE}, force-deletes
 * exactly the movable bytes it predicts still violating at the deadline (its violating bytes at the
 * deadline less the blocked ones). Each instance draws, independently with probability 1/2: destination
 * storage that binds (storage outside the population leaves every allowed site room for a random part
 * of the bytes), approval gates for every home jurisdiction, late destination sites, and one to three
 * link maintenance windows, half of the time with their edges on the planning step's grid (where the
 * plan's streams end: a batch planned to end as a window opens must not end inside it once it waited for
 * its route's latency); and, independently with probability 1/2, link latencies of 1 ms to 5 s (drawn
 * log-uniformly per link, so that some are seconds against batches of seconds to minutes) instead of
 * the generator's 1 to 200 ms. The deadline always is hard (0.3 to 1.5 times the unconstrained
 * makespan), verification of one target batch taking 1/1000 to 1/3 of the unconstrained makespan,
 * and write freezes up to half of it (at most ten minutes). Keep priorities: videos 10, logs 1. The flow planner plans three seeds in
 * four, the greedy one the fourth.
 *
 * <p>Besides the forced loss, every batch that does not continue a staging copy copies when the plan
 * says: its simulated copy ends at its planned end, to 10^-6 of it plus 1 ms (the planned interval
 * covers the route's latency; a leg that continues a staging copy may start after its planned start,
 * once that copy is verified, which the plan's own timeline allows for).
 *
 * <p>200 instances in the default build, as many as the system property {@code
 * residency.deadline.seeds} says otherwise ({@code ./mvnw -o -B -ntp -pl sim test
 * -Dtest=DeadlinePromisePropertyTest -Dresidency.deadline.seeds=2000}). How often the instances reach
 * each corner is printed after the run. The seed is in every failure message.
 */
@Execution(ExecutionMode.CONCURRENT)
final class DeadlinePromisePropertyTest {

    private static final String[] CORNER_NAMES = {
        "tight storage",
        "gates",
        "late sites",
        "maintenance",
        "windows on the step grid",
        "latencies up to seconds",
        "DEADLINE deletions",
        "NO_STORAGE deletions",
        "forced loss > 0",
        "flow plans moving something",
        "greedy plans moving something"
    };
    private static final AtomicIntegerArray CORNERS = new AtomicIntegerArray(CORNER_NAMES.length);

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("residency.deadline.seeds", 200));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void execute_hardCornerDeadline_forcedLossEqualsPredictedViolation(long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 7);
        Topology topology = RandomInstances.topology(rng, 3 + rng.nextInt(4), 0.4);
        // Its own stream, so that the draws below (and the instances of earlier seeds) stay as they were.
        SplittableRandom latencies = new SplittableRandom(seed * 0x632BE59BD9B4E019L + 11);
        boolean slowLinks = latencies.nextBoolean();
        boolean onGrid = latencies.nextBoolean();
        if (slowLinks) {
            topology = withLatencies(topology, latencies);
        }
        int records = 20 + rng.nextInt(41);
        RecordStore.Builder builder = RecordStore.builder(topology, records);
        long total = 0;
        for (int i = 0; i < records; i++) {
            long bytes = 10_000_000_000L + (long) (rng.nextDouble() * 90_000_000_000L);
            builder.add(
                    i,
                    RandomInstances.pick(rng, RandomInstances.JURISDICTIONS),
                    rng.nextInt(3) == 0 ? Category.LOGS : Category.VIDEOS,
                    bytes,
                    false,
                    1 + rng.nextInt(topology.siteCount() - 1));
            total += bytes;
        }
        RecordStore store = builder.build();
        Jurisdiction allowed = topology.site(0).jurisdiction();
        ResidencyPolicy policy = new ResidencyPolicy(
                "all-in-" + allowed.code(),
                ImmutableList.of(Rule.move(
                        "all-in-" + allowed.code(), RandomInstances.JURISDICTIONS, SiteConstraint.in(allowed))),
                SiteConstraint.ANY,
                ImmutableMap.of("videos", 10, "logs", 1));
        String planner = seed % 4 == 3 ? "greedy" : "flow";
        long batchBytes = 20_000_000_000L + (long) (rng.nextDouble() * 200_000_000_000L);
        Duration step = Duration.ofSeconds(1 + rng.nextInt(60));

        RunSettings loose = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .seed(seed)
                .build();
        PlanningSettings plain = new PlanningSettings(
                planner, batchBytes, step, ImmutableMap.of(), ImmutableMap.of(), ImmutableList.of(), ImmutableMap.of());
        double makespan = Math.max(
                1,
                ScenarioPlans.plan(MigrationFixtures.scenario("loose-" + seed, topology, policy, plain, loose), store)
                        .makespanSeconds());

        List<String> drawn = new ArrayList<>();
        Map<String, Long> used = new HashMap<>();
        if (rng.nextBoolean()) {
            drawn.add(CORNER_NAMES[0]);
            CORNERS.incrementAndGet(0);
            for (int v = 0; v < topology.siteCount(); v++) {
                if (topology.site(v).jurisdiction().equals(allowed)) {
                    // Room for a random part (0 to 1/2) of all the bytes: binds on most draws.
                    long room = (long) (rng.nextDouble() * total / 2);
                    long storage = topology.site(v).storage().bytes();
                    used.put(topology.site(v).id(), Math.max(0, storage - room));
                }
            }
        }
        Map<Jurisdiction, Instant> approvals = new HashMap<>();
        if (rng.nextBoolean()) {
            drawn.add(CORNER_NAMES[1]);
            CORNERS.incrementAndGet(1);
            for (Jurisdiction home : store.jurisdictions()) {
                approvals.put(home, at(rng.nextDouble() * makespan / 2));
            }
        }
        Map<String, Instant> ready = new HashMap<>();
        if (rng.nextBoolean()) {
            drawn.add(CORNER_NAMES[2]);
            CORNERS.incrementAndGet(2);
            for (int v = 0; v < topology.siteCount(); v++) {
                if (topology.site(v).jurisdiction().equals(allowed) && (v == 0 || rng.nextBoolean())) {
                    ready.put(topology.site(v).id(), at(rng.nextDouble() * makespan / 2));
                }
            }
        }
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        if (rng.nextBoolean()) {
            drawn.add(CORNER_NAMES[3]);
            CORNERS.incrementAndGet(3);
            for (int k = 0; k < 1 + rng.nextInt(3); k++) {
                Link l = topology.links().get(rng.nextInt(topology.links().size()));
                double start = rng.nextDouble() * makespan;
                double end = start + 1 + rng.nextDouble() * makespan / 3;
                if (onGrid) {
                    // On the step's grid the window is not widened, so the streams before it end exactly as
                    // it opens: only the latency reserve keeps their batches out of it.
                    long stepSeconds = step.getSeconds();
                    start = Math.floor(start / stepSeconds) * stepSeconds;
                    end = Math.max(start + stepSeconds, Math.ceil(end / stepSeconds) * stepSeconds);
                }
                maintenance.add(new MaintenanceWindow(l.from(), l.to(), at(start), at(end)));
            }
        }
        if (!maintenance.isEmpty() && onGrid) {
            drawn.add(CORNER_NAMES[4]);
            CORNERS.incrementAndGet(4);
        }
        if (slowLinks) {
            drawn.add(CORNER_NAMES[5]);
            CORNERS.incrementAndGet(5);
        }
        PlanningSettings planning = new PlanningSettings(
                planner,
                batchBytes,
                step,
                ImmutableMap.copyOf(ready),
                ImmutableMap.copyOf(approvals),
                ImmutableList.copyOf(maintenance),
                ImmutableMap.copyOf(used));
        long deadline = 1 + (long) (makespan * (0.3 + 1.2 * rng.nextDouble()));
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .seed(seed)
                .deadline(MigrationFixtures.START.plusSeconds(deadline))
                .deadlineRule(DeadlineRule.ENFORCE)
                // One target batch verifies in 1/1000 to 1/3 of the unconstrained makespan.
                .verificationRate(new Bandwidth(batchBytes / (makespan * Math.pow(10, -3 + 2.5 * rng.nextDouble()))))
                .writeFreeze(Duration.ofMillis((long) (rng.nextDouble() * Math.min(600, makespan / 2) * 1000)))
                .deletionFailureProbability(0)
                .build();
        Scenario scenario = MigrationFixtures.scenario("hard-corner-" + seed, topology, policy, planning, run);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        long blocked = plan.blocked().stream().mapToLong(BlockedGroup::bytes).sum();
        long predicted = plan.violatingBytesAtDeadline() - blocked;
        count(plan.bytesToDeleteByReason().getOrDefault(DeletionReason.DEADLINE, 0L) > 0, 6);
        count(plan.bytesToDeleteByReason().getOrDefault(DeletionReason.NO_STORAGE, 0L) > 0, 7);
        count(result.forcedLoss().bytes() > 0, 8);
        count(!plan.batches().isEmpty(), planner.equals("flow") ? 9 : 10);
        for (TransferBatch batch : plan.batches()) {
            BatchOutcome outcome = result.batches().get(batch.id());
            if (batch.continuesLeg() || Double.isNaN(outcome.copyEnd())) {
                continue;
            }
            assertThat(outcome.copyEnd())
                    .as(
                            "seed %s (%s planner, %s, deadline %s s, step %s): batch %s copy end vs planned"
                                    + " [%s, %s]",
                            seed,
                            planner,
                            drawn,
                            deadline,
                            step,
                            batch.id(),
                            batch.plannedStartSeconds(),
                            batch.plannedEndSeconds())
                    .isCloseTo(batch.plannedEndSeconds(), within(1e-6 * batch.plannedEndSeconds() + 1e-3));
        }
        assertThat(result.forcedLoss().bytes())
                .as(
                        "seed %s (%s planner, %s, deadline %s s, step %s): forced loss vs the plan's predicted"
                                + " violation at the deadline",
                        seed, planner, drawn, deadline, step)
                .isEqualTo(predicted);
    }

    /**
     * Returns {@code topology} with every link's latency drawn log-uniformly from 1 ms to 5 s, in whole
     * milliseconds.
     */
    private static Topology withLatencies(Topology topology, SplittableRandom rng) {
        List<Link> links = new ArrayList<>();
        for (Link l : topology.links()) {
            long millis = Math.round(Math.pow(10, rng.nextDouble() * Math.log10(5_000)));
            links.add(new Link(
                    l.from(), l.to(), l.forward(), l.backward(), Duration.ofMillis(millis), l.egressCostPerGiB()));
        }
        return Topology.of(topology.sites(), links);
    }

    private static Instant at(double seconds) {
        return MigrationFixtures.START.plusMillis((long) (seconds * 1000));
    }

    private static void count(boolean reached, int corner) {
        if (reached) {
            CORNERS.incrementAndGet(corner);
        }
    }

    @AfterAll
    static void printCorners() {
        StringBuilder line = new StringBuilder("deadline promise corners reached:");
        for (int c = 0; c < CORNER_NAMES.length; c++) {
            line.append(' ')
                    .append(CORNER_NAMES[c])
                    .append(' ')
                    .append(CORNERS.get(c))
                    .append(';');
        }
        System.out.println(line);
    }
}
