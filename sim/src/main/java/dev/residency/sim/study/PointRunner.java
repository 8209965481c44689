package dev.residency.sim.study;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.report.RunResult;
import java.util.List;

/**
 * Runs the replications of some points of a study: on this JVM's threads ({@link Study#sweep(List,
 * int, Progress)}), or elsewhere, such as on a cluster's executors. Whatever runs them, replication
 * {@code r} of a point must be {@code MigrationRun.execute(study.setup(point.settings()), r)}, or the
 * same with the setup from a {@link PointSetups}, which is identical (a run depends only on the point's
 * scenario, seed and {@code r}), so that a study's results are the same wherever its points ran; the
 * study aggregates the runs itself.
 */
@FunctionalInterface
public interface PointRunner {

    /**
     * Runs every replication of each of {@code points}.
     *
     * @param study the study the points belong to
     * @param points the points to run, in the order the study wants their results
     * @return for each point in order, its runs in replication order {@code 0 … replications - 1}
     */
    ImmutableList<ImmutableList<RunResult>> run(Study study, List<StudyPoint> points);
}
