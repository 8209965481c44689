package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioException;
import dev.residency.sim.scenario.ScenarioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A study's sweep and bisection: results identical with one and two threads, populations and plans
 * built once per distinct value of the inputs that shape them (and a shared plan gives exactly the
 * runs a fresh one would), a bisection that agrees with running every point, and invalid points
 * refused before anything runs.
 */
final class StudyTest {

    /**
     * The tiny scenario (about 1 GB from Singapore to the US over 10 Gbps links, deadline 44 days
     * after the start) with links that fail every few hours, so replications differ.
     */
    private static final Overrides FAULTY = Overrides.parse(List.of(
            "run.replications=4",
            "run.faults.links={timeToFailure: {distribution: exponential, mean: 2h},"
                    + " timeToRepair: {distribution: exponential, mean: 1h}}"));

    /** Returns sim's tiny test scenario (also for the other tests of studies). */
    static ScenarioSource tiny() {
        try {
            return ScenarioSource.of(Path.of(StudyTest.class
                    .getClassLoader()
                    .getResource("scenarios/valid/tiny.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static Axis axis(String text) {
        return Axis.parse(text, OptionalInt.empty());
    }

    @Test
    void sweep_oneAndTwoThreads_identicalFingerprints() {
        Study study = Study.of(tiny(), FAULTY);
        List<Axis> axes = List.of(axis("links[0].bandwidth=5 Gbps,10 Gbps"), axis("run.backups.retention=0d..60d:3"));

        SweepResult one = study.sweep(axes, 1, Progress.NONE);
        SweepResult two = study.sweep(axes, 2, Progress.NONE);

        assertThat(one.points()).hasSize(6);
        assertThat(two.points())
                .extracting(SweepPoint::fingerprint)
                .containsExactlyElementsOf(
                        one.points().stream().map(SweepPoint::fingerprint).toList());
        assertThat(one.points().stream().map(SweepPoint::fingerprint).distinct())
                .as("each point differs from the others")
                .hasSize(6);
    }

    @Test
    void sweep_runOnlyAxis_buildsOnePopulationAndOnePlan() {
        SweepResult r =
                Study.of(tiny(), FAULTY).sweep(List.of(axis("run.backups.retention=0d..90d:10")), 2, Progress.NONE);

        assertThat(r.reuse()).isEqualTo(new Reuse(1, 9, 1, 9));
    }

    @Test
    void sweep_planAxis_buildsOnePopulationAndAPlanPerPoint() {
        SweepResult r = Study.of(tiny(), FAULTY)
                .sweep(List.of(axis("planning.targetBatchSize=\"100 MB\",\"1 GB\",\"10 GB\"")), 2, Progress.NONE);

        assertThat(r.reuse()).isEqualTo(new Reuse(1, 2, 3, 0));
    }

    @Test
    void sweep_populationAxisTimesRunAxis_reusesAcrossTheRunAxis() {
        SweepResult r = Study.of(tiny(), FAULTY)
                .sweep(
                        List.of(axis("links[0].bandwidth=5 Gbps,10 Gbps"), axis("run.backups.retention=0d,30d,60d")),
                        2,
                        Progress.NONE);

        // Two bandwidths shape the topology the records live on: 2 populations and 2 plans, each used by
        // 3 retention points.
        assertThat(r.reuse()).isEqualTo(new Reuse(2, 4, 2, 4));
    }

    @Test
    void sweep_sharedPlan_givesTheRunsOfAFreshStudyOfThatPoint() {
        Study study = Study.of(tiny(), FAULTY);
        SweepResult r = study.sweep(List.of(axis("run.backups.retention=0d,30d,60d")), 2, Progress.NONE);

        for (SweepPoint p : r.points()) {
            Outcome fresh = Study.of(tiny(), FAULTY.plus(p.settings().get(0))).run(1, Progress.NONE);
            assertThat(Answers.fingerprint(fresh.runs()))
                    .as("point %s", p.settings())
                    .isEqualTo(p.fingerprint());
        }
    }

    @Test
    void find_agreesWithRunningEveryPoint() {
        Study study = Study.of(tiny(), FAULTY);
        Axis range = axis("run.backups.retention=0d..60d:7");

        Threshold t = study.find(range, 2, Progress.NONE);
        SweepResult all = study.sweep(List.of(range), 2, Progress.NONE);

        // Hand bisection: the first point whose answer differs from the low end's.
        int flip = -1;
        for (int i = 1; i < all.points().size(); i++) {
            if (all.points().get(i).mostlyMet() != all.points().get(0).mostlyMet()) {
                flip = i;
                break;
            }
        }
        assertThat(flip).as("the answer flips in 0d..60d").isPositive();
        assertThat(t.flips()).isTrue();
        assertThat(t.below()).contains(range.values().get(flip - 1));
        assertThat(t.above()).contains(range.values().get(flip));
        // About 1 GB crosses in seconds even with failing links, so full compliance is reached about
        // `retention` after the start: met iff retention is under the 44 days to the deadline, i.e.
        // the flip is between 40d and 50d on this 10-day grid.
        assertThat(t.below()).contains("40d");
        assertThat(t.above()).contains("50d");
        assertThat(t.statement()).startsWith("met iff run.backups.retention <= 40d");
        // Both ends, then ceil(log2(6)) = 3 halvings at most.
        assertThat(t.evaluations()).hasSizeLessThanOrEqualTo(2 + 3);
        assertThat(t.reuse().plansMade()).isEqualTo(1);
    }

    @Test
    void find_noFlipInRange_saysSo() {
        Threshold t = Study.of(tiny(), FAULTY).find(axis("run.backups.retention=0d..20d:5"), 2, Progress.NONE);

        assertThat(t.flips()).isFalse();
        assertThat(t.below()).isEmpty();
        assertThat(t.evaluations()).hasSize(2);
        assertThat(t.statement()).startsWith("met at every value");
    }

    @Test
    void sweep_oneInvalidPoint_refusedBeforeAnythingRuns() {
        AtomicInteger updates = new AtomicInteger();
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> Study.of(tiny(), FAULTY)
                        .sweep(
                                List.of(axis("run.deadline=2020-09-15,2020-07-01")),
                                2,
                                (done, total) -> updates.incrementAndGet()));

        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).path()).isEqualTo("run.deadline");
        assertThat(e.errors().get(0).message()).contains("(in --set run.deadline=2020-07-01)");
        assertThat(updates).hasValue(0);
    }

    @Test
    void sweep_unknownPath_refusedWithDidYouMean() {
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> Study.of(tiny(), FAULTY).sweep(List.of(axis("run.backups.retension=1d,2d")), 2, Progress.NONE));

        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).message()).contains("did you mean \"retention\"");
    }
}
