package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a study reports besides its results, and its refusals at their edges: the progress each kind
 * of run announces (every replication once, against the right total), the preparation a plain run
 * reports, a sweep's grid checks, a bisection asked for a list, a runner that returns the wrong number
 * of points, and {@link Study#influences}, which moves each uncertain input alone and says whether it
 * flips the answer. Expectations are worked out by hand from the tiny scenario (about 1 GB that crosses
 * in seconds; deadline 44 days after the start, so met iff the backups' retention is under 44 days).
 */
final class StudyEdgeTest {

    /** Four replications of the tiny scenario with links that fail every few hours. */
    private static final Overrides FAULTY = Overrides.parse(List.of(
            "run.replications=4",
            "run.faults.links={timeToFailure: {distribution: exponential, mean: 2h},"
                    + " timeToRepair: {distribution: exponential, mean: 1h}}"));

    /** A progress that keeps every (done, total) it is told, from any thread. */
    private static final class Recorder implements Progress {
        private final List<int[]> updates = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void update(int done, int total) {
            updates.add(new int[] {done, total});
        }

        List<Integer> done() {
            synchronized (updates) {
                return updates.stream().map(u -> u[0]).sorted().toList();
            }
        }

        List<Integer> totals() {
            synchronized (updates) {
                return updates.stream().map(u -> u[1]).toList();
            }
        }

        List<int[]> all() {
            synchronized (updates) {
                return List.copyOf(updates);
            }
        }
    }

    private static Axis axis(String text) {
        return Axis.parse(text, OptionalInt.empty());
    }

    private static List<Integer> oneTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void run_zeroThreads_refusedWithTheStudysMessage() {
        assertThatThrownBy(() -> Study.of(StudyTest.tiny(), FAULTY).run(0, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be positive, was 0");
    }

    @Test
    void run_central_tellsEachReplicationOnceAndReportsOnePopulationAndPlan() {
        Recorder progress = new Recorder();

        Outcome outcome = Study.of(StudyTest.tiny(), FAULTY).run(Assumptions.CENTRAL, 1, progress);

        assertThat(outcome.runs()).hasSize(4);
        assertThat(progress.done()).containsExactlyElementsOf(oneTo(4));
        assertThat(progress.totals()).containsOnly(4);
        // 4 replications of one setup: 1 population built and 3 reuses, 1 plan made and 3 reuses.
        assertThat(outcome.reuse()).isEqualTo(new Reuse(1, 3, 1, 3));
        assertThat(outcome.draws()).hasSize(4).allSatisfy(d -> assertThat(d).isEmpty());
    }

    @Test
    void run_drawn_tellsEachReplicationOnce() {
        Recorder progress = new Recorder();
        Overrides uncertain = FAULTY.plus(Overrides.parse(List.of("run.backups.retention={uniform: [0d, 60d]}")));

        Outcome outcome = Study.of(StudyTest.tiny(), uncertain).run(Assumptions.DRAWN, 1, progress);

        assertThat(outcome.runs()).hasSize(4);
        assertThat(progress.done()).containsExactlyElementsOf(oneTo(4));
        assertThat(progress.totals()).containsOnly(4);
    }

    @Test
    void sweep_tellsEveryReplicationOfEveryPointAgainstTheGridsTotal() {
        Recorder progress = new Recorder();

        Study.of(StudyTest.tiny(), FAULTY).sweep(List.of(axis("run.backups.retention=0d,30d")), 1, progress);

        // 2 points of 4 replications.
        assertThat(progress.done()).containsExactlyElementsOf(oneTo(8));
        assertThat(progress.totals()).containsOnly(8);
    }

    @Test
    void find_estimatesItsTotalFromTheBisectionsSteps() {
        Recorder progress = new Recorder();

        Study.of(StudyTest.tiny(), FAULTY).find(axis("run.backups.retention=0d..60d:7"), 1, progress);

        // 7 points: both ends, then at most ceil(log2 7) = 3 halvings, 2 + 3 = 5 points of 4
        // replications: an estimated total of 20 (or the count done, if more).
        assertThat(progress.all())
                .isNotEmpty()
                .allSatisfy(u ->
                        assertThat(u[1]).as("total told with %s done", u[0]).isEqualTo(Math.max(u[0], 20)));
        assertThat(progress.done()).startsWith(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void points_gridChecks_refusedWithTheirMessages() {
        Study study = Study.of(StudyTest.tiny(), FAULTY);

        assertThatThrownBy(() -> study.points(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sweep needs at least one axis");
        assertThatThrownBy(() ->
                        study.points(List.of(axis("run.backups.retention=0d,1d"), axis("run.backups.retention=2d,3d"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two axes vary run.backups.retention");
        // 40 x 30 = 1,200 points, each axis within the limit.
        assertThatThrownBy(() -> study.points(List.of(
                        axis("run.backups.retention=0d..39d:40"), axis("links[0].bandwidth=1 Gbps..30 Gbps:30"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the grid has more than 1000 points");
    }

    @Test
    void find_listAxis_refused() {
        assertThatThrownBy(() -> Study.of(StudyTest.tiny(), FAULTY)
                        .find(axis("run.backups.retention=0d,30d"), (s, p) -> ImmutableList.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--find needs a range LOW..HIGH, not the list ");
    }

    @Test
    void sweep_runnerReturnsTooFewPoints_refused() {
        assertThatThrownBy(() -> Study.of(StudyTest.tiny(), FAULTY)
                        .sweep(List.of(axis("run.backups.retention=0d,30d")), (s, p) -> ImmutableList.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the runner returned 0 points for 2");
    }

    @Test
    void influences_badCounts_refused() {
        Study study = Study.of(StudyTest.tiny(), FAULTY);

        assertThatThrownBy(() -> study.influences(0, 2, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replications must be positive, was 0");
        assertThatThrownBy(() -> study.influences(1, 1, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("points must be at least 2, was 1");
    }

    @Test
    void influences_retentionFlipsBetween43And44Days_bandwidthChoiceAndRangeDoNot() {
        Overrides uncertain = FAULTY.plus(Overrides.parse(List.of(
                "run.backups.retention={uniform: [30d, 56d]}",
                "links[0].bandwidth={choice: [10 Gbps, 5 Gbps]}",
                "links[1].bandwidth={uniform: [5 Gbps, 10 Gbps]}")));

        List<Influence> influences = Study.of(StudyTest.tiny(), uncertain).influences(1, 2, 1, Progress.NONE);

        // In the file's order: the two links, then the run section. The other inputs stay at their
        // central values while one moves: retention 43 days (met), the links at 10 and 7.5 Gbps.
        assertThat(influences)
                .extracting(i -> i.input().path())
                .containsExactly("links[0].bandwidth", "links[1].bandwidth", "run.backups.retention");

        Influence choice = influences.get(0);
        assertThat(choice.flips()).isFalse();
        assertThat(choice.finding()).isEqualTo("met with 10 Gbps, met with 5 Gbps");
        assertThat(choice.evaluations()).extracting(Threshold.Evaluation::value).containsExactly("10 Gbps", "5 Gbps");
        // One replication per point (the scenario has 4): the majority of one.
        assertThat(choice.evaluations()).allSatisfy(e -> assertThat(e.met().n()).isEqualTo(1));

        // A range that is no whole number of days: its 2 points asked, the ends, both met.
        Influence range = influences.get(1);
        assertThat(range.flips()).isFalse();
        assertThat(range.finding())
                .isEqualTo("met at every value of links[1].bandwidth from 5 Gbps to 10 Gbps (ends checked; no flip"
                        + " found)");
        assertThat(range.evaluations()).hasSize(2);

        // 30d to 56d, whole days: stepped by one day (27 points, not the 2 asked), bisected to the day:
        // full compliance comes about the retention after the start (the copy takes seconds), so 43 days
        // are met and 44 days, the deadline's distance, are missed.
        Influence retention = influences.get(2);
        assertThat(retention.flips()).isTrue();
        assertThat(retention.finding())
                .startsWith("met iff run.backups.retention <= 43d (bracket: met at 43d, missed at 44d;");
        assertThat(retention.evaluations())
                .extracting(Threshold.Evaluation::value)
                .startsWith("30d", "56d");
        // Both ends, then ceil(log2 27) = 5 halvings at most, each one day-valued point.
        assertThat(retention.evaluations()).hasSizeBetween(3, 2 + 5);
        assertThat(retention.evaluations())
                .allSatisfy(e -> assertThat(e.value()).matches("[0-9]+d"))
                .allSatisfy(e -> assertThat(e.met().n()).isEqualTo(1));
    }
}
