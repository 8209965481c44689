package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Replications;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioError;
import dev.residency.sim.scenario.ScenarioException;
import dev.residency.sim.scenario.ScenarioSource;
import dev.residency.sim.scenario.UncertainInput;
import dev.residency.sim.scenario.internal.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A scenario file under {@link Overrides}, studied as written, over a grid of varied inputs (a sweep),
 * or bisected along one input for the value at which the answer flips. Everything is validated when
 * the study is made or before a sweep starts (all errors at once, as a {@link ScenarioException});
 * results are data.
 *
 * <p><b>Determinism.</b> Every replication depends only on its scenario, seed and index, so results
 * are identical whatever the thread count. <b>Reuse.</b> Points of a sweep share populations and plans
 * when their varied inputs cannot change them ({@link InputKind}); a shared plan is the plan the point
 * would have made, so reuse changes the time taken, never a result. Immutable; one study may run
 * several sweeps, one after the other or at once.
 */
public final class Study {

    private final ScenarioSource source;
    private final Overrides overrides;
    private final UnaryOperator<Scenario> adjustment;
    private final Scenario scenario;

    private Study(ScenarioSource source, Overrides overrides, UnaryOperator<Scenario> adjustment) {
        this.source = checkNotNull(source, "source");
        this.overrides = checkNotNull(overrides, "overrides");
        this.adjustment = checkNotNull(adjustment, "adjustment");
        this.scenario = adjustment.apply(source.load(overrides));
    }

    /**
     * Returns a study of {@code source} under {@code overrides}.
     *
     * @throws ScenarioException listing every problem of the file and the overrides
     */
    public static Study of(ScenarioSource source, Overrides overrides) {
        return new Study(source, overrides, UnaryOperator.identity());
    }

    /**
     * Returns a study of {@code source} under {@code overrides} whose every scenario (each point of a
     * sweep included) is then passed through {@code adjustment}, such as {@link Scenario#withQuickMode}
     * or a change of replications.
     *
     * @throws ScenarioException listing every problem of the file and the overrides
     */
    public static Study of(ScenarioSource source, Overrides overrides, UnaryOperator<Scenario> adjustment) {
        return new Study(source, overrides, adjustment);
    }

    /** Returns the scenario file. */
    public ScenarioSource source() {
        return source;
    }

    /** Returns the study's overrides. */
    public Overrides overrides() {
        return overrides;
    }

    /** Returns the scenario under the study's overrides (and adjustment). */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Returns the scenario under the study's overrides followed by {@code more}.
     *
     * @throws ScenarioException listing every problem
     */
    public Scenario scenario(Overrides more) {
        checkNotNull(more, "more");
        return more.isEmpty() ? scenario : adjustment.apply(source.load(overrides.plus(more)));
    }

    /**
     * Plans the scenario and runs its replications on {@code threads} threads, each replication drawing
     * every uncertain input ({@link Assumptions#DRAWN}).
     *
     * @throws IllegalArgumentException if {@code threads} is not positive
     * @throws ScenarioException if a drawn value makes the scenario invalid, before anything runs
     */
    public Outcome run(int threads, Progress progress) {
        return run(Assumptions.DRAWN, threads, progress);
    }

    /**
     * Plans the scenario and runs its replications on {@code threads} threads. Under {@link
     * Assumptions#DRAWN}, replication {@code r} runs the scenario with every uncertain input at its
     * draw {@link InputDraws#draw} (all replications' scenarios are loaded and checked before any
     * runs), with the fault streams it would have at central values; a population and a plan are
     * built once per distinct value of the drawn inputs that shape them. The outcome's setup is the
     * scenario's at central values (its plan is the one reports describe); under {@link
     * Assumptions#CENTRAL}, or with no uncertain input, every replication runs that setup.
     *
     * @throws IllegalArgumentException if {@code threads} is not positive
     * @throws ScenarioException if a drawn value makes the scenario invalid, before anything runs
     */
    public Outcome run(Assumptions assumptions, int threads, Progress progress) {
        checkNotNull(assumptions, "assumptions");
        checkArgument(threads > 0, "threads must be positive, was %s", threads);
        checkNotNull(progress, "progress");
        int n = scenario.run().replications();
        ImmutableList<UncertainInput> inputs =
                assumptions == Assumptions.DRAWN ? source.uncertainInputs(overrides) : ImmutableList.of();
        if (inputs.isEmpty()) {
            MigrationSetup setup = ScenarioPlans.prepare(scenario);
            List<RunResult> runs = replicate(setup, threads, d -> progress.update(d, n), new AtomicInteger(), n);
            return new Outcome(
                    scenario,
                    overrides,
                    setup,
                    ReplicationSummary.of(runs),
                    ImmutableList.copyOf(runs),
                    inputs,
                    ImmutableList.copyOf(java.util.Collections.nCopies(n, ImmutableList.<Overrides.Setting>of())),
                    new Reuse(1, n - 1, 1, n - 1));
        }
        List<ImmutableList<Overrides.Setting>> draws = new ArrayList<>(n);
        List<Scenario> scenarios = new ArrayList<>(n);
        int[] index = new int[n];
        for (int r = 0; r < n; r++) {
            draws.add(InputDraws.draw(inputs, scenario.run().seed(), r));
            index[r] = r;
        }
        scenarios.addAll(loaded(draws));
        MigrationSetup central = ScenarioPlans.prepare(scenario);
        DrawnRuns.Result result = DrawnRuns.run(
                central, centralRow(inputs), scenarios, draws, index, threads, d -> progress.update(d, n));
        return new Outcome(
                scenario,
                overrides,
                central,
                ReplicationSummary.of(result.runs()),
                result.runs(),
                inputs,
                ImmutableList.copyOf(draws),
                result.reuse());
    }

    /** Returns every input at its central value, as settings in input order. */
    static ImmutableList<Overrides.Setting> centralRow(List<UncertainInput> inputs) {
        ImmutableList.Builder<Overrides.Setting> out = ImmutableList.builder();
        for (UncertainInput input : inputs) {
            String c = input.central();
            boolean quoted = c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"");
            out.add(new Overrides.Setting(input.path(), quoted ? c.substring(1, c.length() - 1) : c));
        }
        return out.build();
    }

    /**
     * Loads the scenario under each row of settings (after the study's overrides), keeping the study's
     * run count and seed; throws one exception with every distinct error of every row.
     */
    List<Scenario> loaded(List<? extends List<Overrides.Setting>> rows) {
        List<Scenario> out = new ArrayList<>(rows.size());
        java.util.Map<String, ScenarioError> errors = new java.util.LinkedHashMap<>();
        for (List<Overrides.Setting> row : rows) {
            try {
                out.add(scenario(Overrides.of(row)));
            } catch (ScenarioException e) {
                for (ScenarioError error : e.errors()) {
                    errors.putIfAbsent(error.path() + ": " + error.message(), error);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(source.name(), List.copyOf(errors.values()));
        }
        return out;
    }

    /**
     * Runs every point of the grid of {@code axes} (the first axis varying slowest), each with its
     * replications, after checking that every point's scenario is valid.
     *
     * @throws IllegalArgumentException if there are no axes, two axes vary one path, or the grid has
     *     more than {@value Axis#MAX_POINTS} points
     * @throws ScenarioException listing every problem of every point, before anything runs
     */
    public SweepResult sweep(List<Axis> axes, int threads, Progress progress) {
        checkNotNull(axes, "axes");
        checkArgument(!axes.isEmpty(), "a sweep needs at least one axis");
        checkArgument(threads > 0, "threads must be positive, was %s", threads);
        checkNotNull(progress, "progress");
        Set<String> paths = new LinkedHashSet<>();
        long size = 1;
        for (Axis axis : axes) {
            checkArgument(paths.add(axis.path()), "two axes vary %s", axis.path());
            size *= axis.values().size();
            checkArgument(size <= Axis.MAX_POINTS, "the grid has more than %s points", Axis.MAX_POINTS);
        }
        List<int[]> grid = grid(axes);
        List<Scenario> scenarios = validated(axes, grid);
        int total = scenarios.stream().mapToInt(s -> s.run().replications()).sum();
        AtomicInteger done = new AtomicInteger();
        Preparations preparations = new Preparations();
        ImmutableList.Builder<SweepPoint> points = ImmutableList.builder();
        for (int p = 0; p < grid.size(); p++) {
            int[] at = grid.get(p);
            Scenario s = scenarios.get(p);
            MigrationSetup setup =
                    preparations.setup(s, key(axes, at, InputKind.POPULATION), key(axes, at, InputKind.PLAN));
            List<RunResult> runs = replicate(
                    setup,
                    threads,
                    d -> progress.update(d, total),
                    done,
                    s.run().replications());
            points.add(new SweepPoint(settings(axes, at), ReplicationSummary.of(runs), Answers.fingerprint(runs)));
        }
        return new SweepResult(ImmutableList.copyOf(axes), points.build(), preparations.reuse());
    }

    /**
     * Bisects the range {@code axis} for the point where the answer (met in at least half of the
     * replications) flips: runs both ends, then halves the bracket until its ends are neighbouring
     * points. Assumes at most one flip in the range.
     *
     * @throws IllegalArgumentException if the axis is not a range
     * @throws ScenarioException if a point's scenario is invalid (both ends are checked before anything
     *     runs, a point between them when the bisection reaches it)
     */
    public Threshold find(Axis axis, int threads, Progress progress) {
        checkNotNull(axis, "axis");
        checkArgument(axis.range(), "--find needs a range LOW..HIGH, not the list %s", axis);
        checkArgument(threads > 0, "threads must be positive, was %s", threads);
        checkNotNull(progress, "progress");
        List<Axis> axes = List.of(axis);
        List<int[]> grid = grid(axes);
        // Both ends are checked before anything runs; a point between them is loaded when the bisection
        // reaches it (a bisection of n points runs about log2(n) of them).
        List<Scenario> ends = validated(axes, List.of(grid.get(0), grid.get(grid.size() - 1)));
        Scenario[] scenarios = new Scenario[grid.size()];
        scenarios[0] = ends.get(0);
        scenarios[grid.size() - 1] = ends.get(1);
        Preparations preparations = new Preparations();
        List<Threshold.Evaluation> evaluations = new ArrayList<>();
        Boolean[] answers = new Boolean[grid.size()];
        int perPoint = scenarios[0].run().replications();
        int expected = perPoint * (2 + (int) Math.ceil(Math.log(grid.size()) / Math.log(2)));
        AtomicInteger done = new AtomicInteger();
        java.util.function.IntPredicate met = i -> {
            if (answers[i] == null) {
                Scenario s = scenarios[i] != null
                        ? scenarios[i]
                        : validated(axes, List.of(grid.get(i))).get(0);
                MigrationSetup setup = preparations.setup(
                        s, key(axes, grid.get(i), InputKind.POPULATION), key(axes, grid.get(i), InputKind.PLAN));
                List<RunResult> runs = replicate(
                        setup,
                        threads,
                        d -> progress.update(d, Math.max(d, expected)),
                        done,
                        s.run().replications());
                ReplicationSummary summary = ReplicationSummary.of(runs);
                evaluations.add(new Threshold.Evaluation(axis.values().get(i), summary.metDeadline()));
                answers[i] = Answers.mostlyMet(summary);
            }
            return answers[i];
        };
        int lo = 0;
        int hi = grid.size() - 1;
        boolean atLow = met.test(lo);
        boolean atHigh = met.test(hi);
        if (atLow == atHigh) {
            return new Threshold(
                    axis,
                    atLow,
                    atHigh,
                    Optional.empty(),
                    Optional.empty(),
                    ImmutableList.copyOf(evaluations),
                    preparations.reuse());
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (met.test(mid) == atLow) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Threshold(
                axis,
                atLow,
                atHigh,
                Optional.of(axis.values().get(lo)),
                Optional.of(axis.values().get(hi)),
                ImmutableList.copyOf(evaluations),
                preparations.reuse());
    }

    /**
     * Returns, for every estimate the file writes as a distribution, whether its plausible range flips
     * the answer with every other input at its central value: a range is bisected over {@code points}
     * evenly spaced values (both ends first; no flip, no more runs), a choice runs each value. Each
     * point runs {@code replications} replications (fewer than the scenario's keeps this cheap; the
     * answer is the majority's).
     *
     * @throws IllegalArgumentException if {@code replications} is not positive or {@code points} is
     *     below 2
     */
    public ImmutableList<Influence> influences(int replications, int points, int threads, Progress progress) {
        checkArgument(replications > 0, "replications must be positive, was %s", replications);
        checkArgument(points >= 2, "points must be at least 2, was %s", points);
        ImmutableList.Builder<Influence> out = ImmutableList.builder();
        Study probe = new Study(source, overrides, s -> {
            Scenario adjusted = adjustment.apply(s);
            return adjusted.withRun(adjusted.run().toBuilder()
                    .replications(Math.min(replications, adjusted.run().replications()))
                    .build());
        });
        for (UncertainInput input : source.uncertainInputs(overrides)) {
            if (input.range()) {
                Axis axis = rangeAxis(input, points);
                Threshold t = probe.find(axis, threads, progress);
                out.add(new Influence(input, t.flips(), t.statement(), t.evaluations()));
            } else {
                Axis axis = new Axis(input.path(), input.values(), false);
                SweepResult r = probe.sweep(List.of(axis), threads, progress);
                List<Threshold.Evaluation> evaluations = r.points().stream()
                        .map(p -> new Threshold.Evaluation(
                                p.settings().get(0).value(), p.summary().metDeadline()))
                        .toList();
                boolean flips = r.points().stream()
                                .map(SweepPoint::mostlyMet)
                                .distinct()
                                .count()
                        > 1;
                String finding = r.points().stream()
                        .map(p -> (p.mostlyMet() ? "met" : "missed") + " with "
                                + p.settings().get(0).value())
                        .collect(java.util.stream.Collectors.joining(", "));
                out.add(new Influence(input, flips, finding, ImmutableList.copyOf(evaluations)));
            }
        }
        return out.build();
    }

    private static Axis rangeAxis(UncertainInput input, int points) {
        String text = input.path() + "=" + input.values().get(0) + ".."
                + input.values().get(1);
        Quantity low = Quantity.parse(input.values().get(0));
        Quantity high = Quantity.parse(input.values().get(1));
        double days = (high.value() - low.value()) / 86_400;
        if (low.kind() == Quantity.Kind.DURATION && days == Math.rint(days) && low.value() % 86_400 == 0) {
            // Whole days apart: step by one day (up to the axis limit) so that a threshold reads as a whole
            // number of days.
            points = (int) Math.min(Axis.MAX_POINTS, days + 1);
        }
        try {
            return Axis.parse(text + ":" + points, java.util.OptionalInt.empty());
        } catch (IllegalArgumentException tooFine) {
            // A whole-number range narrower than the points asked: its ends only.
            return Axis.parse(text + ":2", java.util.OptionalInt.empty());
        }
    }

    private static List<RunResult> replicate(
            MigrationSetup setup, int threads, java.util.function.IntConsumer progress, AtomicInteger done, int n) {
        return Replications.run(
                n, threads, r -> MigrationRun.execute(setup, r), d -> progress.accept(done.incrementAndGet()));
    }

    /** Returns every combination of value indices, the first axis varying slowest. */
    private static List<int[]> grid(List<Axis> axes) {
        List<int[]> grid = new ArrayList<>();
        grid.add(new int[0]);
        for (Axis axis : axes) {
            List<int[]> next = new ArrayList<>();
            for (int[] prefix : grid) {
                for (int v = 0; v < axis.values().size(); v++) {
                    int[] at = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    at[prefix.length] = v;
                    next.add(at);
                }
            }
            grid = next;
        }
        return grid;
    }

    private static ImmutableList<Overrides.Setting> settings(List<Axis> axes, int[] at) {
        ImmutableList.Builder<Overrides.Setting> out = ImmutableList.builder();
        for (int a = 0; a < axes.size(); a++) {
            out.add(axes.get(a).setting(at[a]));
        }
        return out.build();
    }

    /** Loads every point's scenario; throws one exception with every distinct error of every point. */
    private List<Scenario> validated(List<Axis> axes, List<int[]> grid) {
        List<Scenario> out = new ArrayList<>(grid.size());
        // One error per field and problem: the same unknown key at every point is reported once.
        java.util.Map<String, ScenarioError> errors = new java.util.LinkedHashMap<>();
        for (int[] at : grid) {
            try {
                out.add(scenario(Overrides.of(settings(axes, at))));
            } catch (ScenarioException e) {
                for (ScenarioError error : e.errors()) {
                    String message = error.message();
                    int mark = message.indexOf(" (in --set ");
                    errors.putIfAbsent(error.path() + ": " + (mark < 0 ? message : message.substring(0, mark)), error);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(source.name(), List.copyOf(errors.values()));
        }
        return out;
    }

    /** Returns the values at {@code at} of the axes whose kind reaches {@code upTo} (POPULATION, or also PLAN). */
    private static List<String> key(List<Axis> axes, int[] at, InputKind upTo) {
        List<String> key = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            if (axes.get(a).kind().ordinal() <= upTo.ordinal()) {
                key.add(axes.get(a).values().get(at[a]));
            }
        }
        return key;
    }
}
