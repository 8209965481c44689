package dev.residency.benchmarks.plan;

import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does the planner take on a built-in scenario at a finer time step? Each built-in plans on
 * its own step (one day in most); an hour-long step makes its time-expanded network 24 times longer,
 * which is where the solver's speed shows. The scenario's population is built once per trial; {@code
 * plan} times the whole planning call ({@link ScenarioPlans#plan(Scenario, PlanningProblem)}: triage,
 * the aggregated time-expanded solve, record assignment, the bounds), with the scenario's own planner
 * and its step replaced by {@code step}.
 *
 * <p>Each trial ends by printing the last plan's batches and its area and makespan ratios (over their
 * lower bounds; 1 is optimal), so a faster solve that plans worse shows. {@code main} plans each
 * case once, cold, and prints the same line with the wall time and the calling thread's CPU time (the
 * planner runs on the calling thread), which a loaded machine inflates far less: a check without JMH,
 * {@code java -cp benchmarks/target/benchmarks.jar dev.residency.benchmarks.plan.BuiltInPlanBenchmark}.
 *
 * <p>Quick mode: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -w 1s -i 2 -r 1s
 * BuiltInPlanBenchmark}. Full mode: {@code java -jar benchmarks/target/benchmarks.jar -rf json
 * BuiltInPlanBenchmark}. One scenario: {@code -p scenario=microsoft-tiktok-2020-in-country}.
 */
@State(Scope.Benchmark)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuiltInPlanBenchmark {

    /** The built-in scenario planned: the 2020 carve-out and its in-country variant, the largest. */
    @Param({"microsoft-tiktok-2020", "microsoft-tiktok-2020-in-country", "project-clover-2024"})
    public String scenario;

    /** The time-expanded network's step ({@code planning.timeStep}). */
    @Param({"1h", "1d"})
    public String step;

    private Scenario loaded;
    private PlanningProblem problem;
    private MigrationPlan last;

    /** Loads the scenario with the step replaced and builds its population and planning problem. */
    @Setup(Level.Trial)
    public void setUp() {
        loaded = ScenarioLoader.load(
                BuiltInScenarios.source(scenario),
                "builtin:" + scenario,
                Overrides.parse(List.of("planning.timeStep=" + step)));
        RecordStore store = loaded.population().build(loaded.topology());
        problem = ScenarioPlans.problem(loaded, store);
    }

    /** Plans the scenario once. */
    @Benchmark
    public MigrationPlan plan() {
        last = ScenarioPlans.plan(loaded, problem);
        return last;
    }

    /** Prints the last plan's quality, so a faster solve that plans worse shows beside the time. */
    @TearDown(Level.Trial)
    public void printQuality() {
        System.out.println();
        System.out.println(describe(scenario, step, last));
    }

    private static String describe(String scenario, String step, MigrationPlan plan) {
        return String.format(
                Locale.ROOT,
                "%s step %s: %d batches, area ratio %.3f, makespan ratio %.3f",
                scenario,
                step,
                plan.batches().size(),
                plan.areaRatio(),
                plan.qualityRatio());
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Plans each scenario once at each step and prints the time and ratios (a check without JMH). */
    public static void main(String[] args) {
        BuiltInPlanBenchmark b = new BuiltInPlanBenchmark();
        for (String name :
                List.of("microsoft-tiktok-2020", "microsoft-tiktok-2020-in-country", "project-clover-2024")) {
            for (String s : List.of("1h", "1d")) {
                b.scenario = name;
                b.step = s;
                b.setUp();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                MigrationPlan plan = b.plan();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
                System.out.println(describe(name, s, plan) + ", " + ms + " ms wall, " + cpuMs
                        + " ms CPU of this thread (one cold call)");
            }
        }
    }
}
