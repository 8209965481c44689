package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

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
     * replications on {@code threads} threads, after checking that every point's scenario is valid.
     *
     * @throws IllegalArgumentException if {@code threads} is not positive, there are no axes, two axes
     *     vary one path, or the grid has more than {@value Axis#MAX_POINTS} points
     * @throws ScenarioException listing every problem of every point, before anything runs
     */
    public SweepResult sweep(List<Axis> axes, int threads, Progress progress) {
        checkArgument(threads > 0, "threads must be positive, was %s", threads);
        checkNotNull(progress, "progress");
        return sweep(
                axes,
                new ThreadedRunner(
                        threads,
                        (points, done) -> progress.update(
                                done,
                                points.stream()
                                        .mapToInt(StudyPoint::replications)
                                        .sum())));
    }

    /**
     * Runs every point of the grid of {@code axes} (the first axis varying slowest) with {@code runner},
     * after checking that every point's scenario is valid, and aggregates the runs here: the result is
     * the one {@link #sweep(List, int, Progress)} gives, wherever the runner ran the points. The
     * preparation reported ({@link SweepResult#reuse()}) is the sharing a run in this JVM makes.
     *
     * @throws IllegalArgumentException if there are no axes, two axes vary one path, or the grid has
     *     more than {@value Axis#MAX_POINTS} points
     * @throws ScenarioException listing every problem of every point, before anything runs
     * @throws IllegalStateException if the runner returns other runs than it was asked for
     */
    public SweepResult sweep(List<Axis> axes, PointRunner runner) {
        checkNotNull(runner, "runner");
        List<StudyPoint> points = points(axes);
        Preparations<Boolean, Boolean> ledger = Preparations.ledger();
        for (StudyPoint point : points) {
            Preparations.note(ledger, point.populationKey(), point.planKey());
        }
        List<ImmutableList<RunResult>> runs = checked(points, runner.run(this, points));
        ImmutableList.Builder<SweepPoint> out = ImmutableList.builder();
        for (int p = 0; p < points.size(); p++) {
            out.add(new SweepPoint(
                    points.get(p).settings(), ReplicationSummary.of(runs.get(p)), Answers.fingerprint(runs.get(p))));
        }
        return new SweepResult(ImmutableList.copyOf(axes), out.build(), ledger.reuse());
    }

    /**
     * Returns the points of the grid of {@code axes} (the first axis varying slowest), each with its
     * validated scenario, for a {@link PointRunner} or to count the work.
     *
     * @throws IllegalArgumentException if there are no axes, two axes vary one path, or the grid has
     *     more than {@value Axis#MAX_POINTS} points
     * @throws ScenarioException listing every problem of every point
     */
    public ImmutableList<StudyPoint> points(List<Axis> axes) {
        checkNotNull(axes, "axes");
        checkArgument(!axes.isEmpty(), "a sweep needs at least one axis");
        Set<String> paths = new LinkedHashSet<>();
        long size = 1;
        for (Axis axis : axes) {
            checkArgument(paths.add(axis.path()), "two axes vary %s", axis.path());
            size *= axis.values().size();
            checkArgument(size <= Axis.MAX_POINTS, "the grid has more than %s points", Axis.MAX_POINTS);
        }
        List<int[]> grid = grid(axes);
        List<Scenario> scenarios = validated(axes, grid);
        ImmutableList.Builder<StudyPoint> points = ImmutableList.builder();
        for (int p = 0; p < grid.size(); p++) {
            points.add(point(axes, grid.get(p), p, scenarios.get(p)));
        }
        return points.build();
    }

    /**
     * Returns the setup a point with {@code settings} runs: the scenario under the study's overrides,
     * then {@code settings}, adjusted, with its population built and its plan made afresh. Replication
     * {@code r} of the point is {@code MigrationRun.execute(setup(settings), r)}, identical to the run a
     * sweep of this study makes there, which may share the population and plan with other points.
     *
     * @throws ScenarioException if the settings make the scenario invalid
     */
    public MigrationSetup setup(List<Overrides.Setting> settings) {
        checkNotNull(settings, "settings");
        return ScenarioPlans.prepare(scenario(Overrides.of(settings)));
    }

    /**
     * Bisects the range {@code axis} for the point where the answer (met in at least half of the
     * replications) flips: runs both ends, then halves the bracket until its ends are neighbouring
     * points, each point's replications on {@code threads} threads. Assumes at most one flip in the
     * range.
     *
     * @throws IllegalArgumentException if the axis is not a range or {@code threads} is not positive
     * @throws ScenarioException if a point's scenario is invalid (both ends are checked before anything
     *     runs, a point between them when the bisection reaches it)
     */
    public Threshold find(Axis axis, int threads, Progress progress) {
        checkNotNull(axis, "axis");
        checkArgument(threads > 0, "threads must be positive, was %s", threads);
        checkNotNull(progress, "progress");
        int steps = 2 + (int) Math.ceil(Math.log(axis.values().size()) / Math.log(2));
        return find(
                axis,
                new ThreadedRunner(
                        threads,
                        (points, done) -> progress.update(
                                done, Math.max(done, points.get(0).replications() * steps))));
    }

    /**
     * Bisects the range {@code axis} as {@link #find(Axis, int, Progress)} does, running points with
     * {@code runner} (both ends in one call, then one point per call) and deciding here; the result is
     * the same wherever the runner ran the points.
     *
     * @throws IllegalArgumentException if the axis is not a range
     * @throws ScenarioException if a point's scenario is invalid (both ends are checked before anything
     *     runs, a point between them when the bisection reaches it)
     * @throws IllegalStateException if the runner returns other runs than it was asked for
     */
    public Threshold find(Axis axis, PointRunner runner) {
        checkNotNull(axis, "axis");
        checkArgument(axis.range(), "--find needs a range LOW..HIGH, not the list %s", axis);
        checkNotNull(runner, "runner");
        List<Axis> axes = List.of(axis);
        List<int[]> grid = grid(axes);
        int last = grid.size() - 1;
        // Both ends are checked before anything runs; a point between them is loaded when the bisection
        // reaches it (a bisection of n points runs about log2(n) of them).
        List<Scenario> ends = validated(axes, List.of(grid.get(0), grid.get(last)));
        Preparations<Boolean, Boolean> ledger = Preparations.ledger();
        List<Threshold.Evaluation> evaluations = new ArrayList<>();
        Boolean[] answers = new Boolean[grid.size()];
        java.util.function.Consumer<List<StudyPoint>> evaluate = points -> {
            List<ImmutableList<RunResult>> runs = checked(points, runner.run(this, points));
            for (int i = 0; i < points.size(); i++) {
                StudyPoint point = points.get(i);
                Preparations.note(ledger, point.populationKey(), point.planKey());
                ReplicationSummary summary = ReplicationSummary.of(runs.get(i));
                evaluations.add(new Threshold.Evaluation(axis.values().get(point.index()), summary.metDeadline()));
                answers[point.index()] = Answers.mostlyMet(summary);
            }
        };
        evaluate.accept(
                List.of(point(axes, grid.get(0), 0, ends.get(0)), point(axes, grid.get(last), last, ends.get(1))));
        java.util.function.IntPredicate met = i -> {
            if (answers[i] == null) {
                Scenario s = validated(axes, List.of(grid.get(i))).get(0);
                evaluate.accept(List.of(point(axes, grid.get(i), i, s)));
            }
            return answers[i];
        };
        int lo = 0;
        int hi = last;
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
                    ledger.reuse());
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
                ledger.reuse());
    }

    private static StudyPoint point(List<Axis> axes, int[] at, int index, Scenario scenario) {
        return new StudyPoint(
                index,
                settings(axes, at),
                scenario,
                ImmutableList.copyOf(key(axes, at, InputKind.POPULATION)),
                ImmutableList.copyOf(key(axes, at, InputKind.PLAN)));
    }

    /** Returns the runner's runs after checking that they are one list per point, in replication order. */
    private static List<ImmutableList<RunResult>> checked(
            List<StudyPoint> points, List<ImmutableList<RunResult>> runs) {
        checkState(runs.size() == points.size(), "the runner returned %s points for %s", runs.size(), points.size());
        for (int p = 0; p < points.size(); p++) {
            List<RunResult> point = runs.get(p);
            checkState(
                    point.size() == points.get(p).replications(),
                    "the runner returned %s runs for point %s, which has %s replications",
                    point.size(),
                    points.get(p).index(),
                    points.get(p).replications());
            for (int r = 0; r < point.size(); r++) {
                checkState(
                        point.get(r).replication() == r,
                        "the runner returned replication %s in place %s of point %s",
                        point.get(r).replication(),
                        r,
                        points.get(p).index());
            }
        }
        return runs;
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
