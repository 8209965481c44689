package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.UncertainInput;

/**
 * One uncertain input moved one at a time, every other input at its central value: the headline
 * figures at the low and high end of its plausible range (for a choice, at each of its values).
 *
 * @param input the uncertain input
 * @param points the values run, in order: a range's low then high end, or a choice's values
 */
public record Swing(UncertainInput input, ImmutableList<Swing.Point> points) {

    /**
     * One value of the input and the figures over its replications.
     *
     * @param value the YAML text of the value
     * @param summary the headline figures over its replications
     */
    public record Point(String value, ReplicationSummary summary) {
        /** Creates a point. */
        public Point {
            checkNotNull(value, "value");
            checkNotNull(summary, "summary");
        }
    }

    /**
     * Creates a swing, copying the points.
     *
     * @throws IllegalArgumentException if there are fewer than two points
     */
    public Swing {
        checkNotNull(input, "input");
        points = ImmutableList.copyOf(points);
        checkArgument(points.size() >= 2, "%s: a swing needs two points, had %s", input.path(), points.size());
    }

    /** Returns the largest minus the smallest value of {@code figure} over the points (NaN ones left out; 0 if fewer than two remain). */
    public double swing(Figure figure) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            double v = figure.of(p.summary());
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max >= min ? max - min : 0;
    }

    /** Returns the first point (a range's low end). */
    public Point low() {
        return points.get(0);
    }

    /** Returns the last point (a range's high end). */
    public Point high() {
        return points.get(points.size() - 1);
    }
}
