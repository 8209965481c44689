package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A study whose points run elsewhere: a {@link PointRunner} that prepares every point afresh with
 * {@link Study#setup}, runs the replications in another order than the local runner and passes each
 * run through Java serialization (as a cluster's executors would) gives the sweep and the bisection
 * the local runner gives, figure for figure and byte for byte in {@link SweepFiles}; a runner that
 * returns other runs than asked is refused.
 */
final class PointRunnerTest {

    /** The tiny scenario (1 GB from Singapore to the US) with failing links, so replications differ. */
    private static final Overrides FAULTY = Overrides.parse(List.of(
            "run.replications=3",
            "run.faults.links={timeToFailure: {distribution: exponential, mean: 2h},"
                    + " timeToRepair: {distribution: exponential, mean: 1h}}"));

    private static ScenarioSource tiny() {
        return StudyTest.tiny();
    }

    private static Axis axis(String text) {
        return Axis.parse(text, OptionalInt.empty());
    }

    /**
     * Runs the points last first and each point's replications last first, each setup made afresh from
     * the point's settings alone, and every run serialized and read back.
     */
    private static final class Remote implements PointRunner {

        final List<Integer> asked = new ArrayList<>();

        @Override
        public ImmutableList<ImmutableList<RunResult>> run(Study study, List<StudyPoint> points) {
            RunResult[][] runs = new RunResult[points.size()][];
            for (int p = points.size() - 1; p >= 0; p--) {
                StudyPoint point = points.get(p);
                asked.add(point.index());
                MigrationSetup setup = study.setup(point.settings());
                runs[p] = new RunResult[point.replications()];
                for (int r = point.replications() - 1; r >= 0; r--) {
                    runs[p][r] = throughBytes(MigrationRun.execute(setup, r));
                }
            }
            ImmutableList.Builder<ImmutableList<RunResult>> out = ImmutableList.builder();
            for (RunResult[] point : runs) {
                out.add(ImmutableList.copyOf(point));
            }
            return out.build();
        }
    }

    static RunResult throughBytes(RunResult run) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(run);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (RunResult) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runResult_throughJavaSerialization_sameFingerprintAndSummary() {
        MigrationSetup setup = Study.of(tiny(), FAULTY).setup(List.of());
        List<RunResult> runs = List.of(MigrationRun.execute(setup, 0), MigrationRun.execute(setup, 1));

        List<RunResult> back = runs.stream().map(PointRunnerTest::throughBytes).toList();

        assertThat(back)
                .extracting(RunResult::fingerprint)
                .containsExactlyElementsOf(
                        runs.stream().map(RunResult::fingerprint).toList());
        assertThat(back.get(0).series().jurisdictions())
                .isEqualTo(runs.get(0).series().jurisdictions());
        assertThat(ReplicationSummary.of(back)).isEqualTo(ReplicationSummary.of(runs));
        assertThat(back.get(0).fingerprint())
                .as("the replications differ, so the comparison can fail")
                .isNotEqualTo(back.get(1).fingerprint());
    }

    @Test
    void sweep_remoteRunner_sameResultAndFilesAsThreads() {
        Study study = Study.of(tiny(), FAULTY);
        // A population axis (the link's bandwidth shapes the topology) times a run-only axis: the local
        // sweep shares 2 populations and 2 plans over 6 points, the remote runner shares nothing.
        List<Axis> axes = List.of(axis("links[0].bandwidth=5 Gbps,10 Gbps"), axis("run.backups.retention=0d,30d,60d"));

        SweepResult local = study.sweep(axes, 2, Progress.NONE);
        Remote remote = new Remote();
        SweepResult elsewhere = study.sweep(axes, remote);

        assertThat(remote.asked).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(elsewhere).isEqualTo(local);
        assertThat(elsewhere.reuse()).isEqualTo(new Reuse(2, 4, 2, 4));
        assertThat(SweepFiles.csv(elsewhere)).isEqualTo(SweepFiles.csv(local));
        assertThat(SweepFiles.markdown(study.scenario(), study.overrides(), elsewhere))
                .isEqualTo(SweepFiles.markdown(study.scenario(), study.overrides(), local));
        assertThat(local.points().stream().map(SweepPoint::fingerprint).distinct())
                .as("every point differs, so a mix-up of points would show")
                .hasSize(6);
    }

    @Test
    void find_remoteRunner_sameThresholdAsThreads() {
        Study study = Study.of(tiny(), FAULTY);
        Axis range = axis("run.backups.retention=0d..60d:7");

        Threshold local = study.find(range, 2, Progress.NONE);
        Remote remote = new Remote();
        Threshold elsewhere = study.find(range, remote);

        assertThat(elsewhere).isEqualTo(local);
        assertThat(SweepFiles.csv(elsewhere)).isEqualTo(SweepFiles.csv(local));
        // Both ends first (asked last first within the call), then the bisection's points one by one.
        assertThat(remote.asked.subList(0, 2)).containsExactly(6, 0);
        assertThat(remote.asked).hasSize(local.evaluations().size());
    }

    @Test
    void points_gridOrderWithKeys() {
        ImmutableList<StudyPoint> points = Study.of(tiny(), FAULTY)
                .points(List.of(axis("links[0].bandwidth=5 Gbps,10 Gbps"), axis("run.backups.retention=0d,30d")));

        assertThat(points).extracting(StudyPoint::index).containsExactly(0, 1, 2, 3);
        assertThat(points.get(1).settings())
                .containsExactly(
                        new Overrides.Setting("links[0].bandwidth", "5 Gbps"),
                        new Overrides.Setting("run.backups.retention", "30d"));
        // The bandwidth shapes the population; the retention shapes neither population nor plan.
        assertThat(points.get(1).populationKey()).containsExactly("5 Gbps");
        assertThat(points.get(1).planKey()).containsExactly("5 Gbps");
        assertThat(points.get(2).planKey()).containsExactly("10 Gbps");
        assertThat(points).allSatisfy(p -> assertThat(p.replications()).isEqualTo(3));
    }

    @Test
    void sweep_runnerReturnsTooFewRuns_refused() {
        Study study = Study.of(tiny(), FAULTY);
        PointRunner short_ = (s, points) -> ImmutableList.of(ImmutableList.of());

        assertThatThrownBy(() -> study.sweep(List.of(axis("run.backups.retention=0d")), short_))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned 0 runs for point 0, which has 3 replications");
    }

    @Test
    void sweep_runnerReturnsReplicationsOutOfOrder_refused() {
        Study study = Study.of(tiny(), FAULTY);
        PointRunner swapped = (s, points) -> {
            MigrationSetup setup = s.setup(points.get(0).settings());
            return ImmutableList.of(ImmutableList.of(
                    MigrationRun.execute(setup, 1), MigrationRun.execute(setup, 0), MigrationRun.execute(setup, 2)));
        };

        assertThatThrownBy(() -> study.sweep(List.of(axis("run.backups.retention=0d")), swapped))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replication 1 in place 0 of point 0");
    }

    @Test
    void pointSetups_sharedPlan_sameRunsAsAFreshSetup() {
        Study study = Study.of(tiny(), FAULTY);
        List<StudyPoint> points = study.points(List.of(axis("run.backups.retention=0d,30d,60d")));
        PointSetups setups = new PointSetups();
        List<String> fingerprints = new ArrayList<>();

        for (StudyPoint point : points) {
            String shared = MigrationRun.execute(setups.setup(point), 1).fingerprint();
            String fresh =
                    MigrationRun.execute(study.setup(point.settings()), 1).fingerprint();
            assertThat(shared).as("point %s", point.settings()).isEqualTo(fresh);
            fingerprints.add(shared);
        }

        // The retention shapes neither population nor plan: one of each, reused by the other two points.
        assertThat(setups.reuse()).isEqualTo(new Reuse(1, 2, 1, 2));
        assertThat(fingerprints).as("the points' runs differ").doesNotHaveDuplicates();
    }
}
