package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * A sweep's results: every point of the grid of its axes, the first axis varying slowest, and how
 * much preparation the points shared.
 *
 * @param axes the varied inputs
 * @param points the grid's points, in grid order
 * @param reuse populations and plans built and reused
 */
public record SweepResult(ImmutableList<Axis> axes, ImmutableList<SweepPoint> points, Reuse reuse) {

    /** Creates a result, copying the lists. */
    public SweepResult {
        axes = ImmutableList.copyOf(axes);
        points = ImmutableList.copyOf(points);
        checkNotNull(reuse, "reuse");
    }
}
