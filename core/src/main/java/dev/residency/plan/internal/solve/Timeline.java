package dev.residency.plan.internal.solve;

import dev.residency.plan.LinkWindow;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The stretches of time over which capacities are constant: every site-ready date, approval date and
 * maintenance-window edge, rounded outward to the time step, starts a new interval. Interval {@code i}
 * runs from {@code start(i)} to {@code start(i+1)}; the last one never ends.
 *
 * <p>A window may carry a <em>reserve</em>: seconds before its rounded start during which its link also
 * carries nothing, so that the route latency that batches wait before their first byte (which the flow
 * over an interval leaves out) fits before the window opens. The reserved start is not rounded to the
 * step: the link loses exactly the reserve, no more.
 */
final class Timeline {

    final double stepSeconds;
    final double[] starts;
    final double[] siteReady;
    private final boolean[][] linkDown;
    private final PlanningProblem problem;
    private final double[] releases;
    private final double[] windowReserves;

    Timeline(PlanningProblem problem, double[] releases) {
        this(problem, releases, new double[problem.options().maintenance().size()], new double[0]);
    }

    /**
     * Creates a timeline whose window {@code w} (of the options' maintenance) closes its link {@code
     * windowReserves[w]} seconds before its rounded start (not before 0).
     */
    Timeline(PlanningProblem problem, double[] releases, double[] windowReserves) {
        this(problem, releases, windowReserves, new double[0]);
    }

    private Timeline(PlanningProblem problem, double[] releases, double[] windowReserves, double[] extra) {
        this.problem = problem;
        this.releases = releases;
        this.windowReserves = windowReserves.clone();
        Topology topology = problem.topology();
        PlanOptions options = problem.options();
        stepSeconds = Durations.seconds(options.timeStep());
        TreeSet<Double> points = new TreeSet<>();
        points.add(0.0);
        siteReady = new double[topology.siteCount()];
        options.siteReadyAt().forEach((id, at) -> {
            int site = topology.siteIndex(id);
            siteReady[site] = up(Durations.seconds(at));
            points.add(siteReady[site]);
        });
        for (double release : releases) {
            points.add(release);
        }
        for (double point : extra) {
            points.add(point);
        }
        double[][] windows = new double[options.maintenance().size()][];
        int[] windowLink = new int[windows.length];
        for (int w = 0; w < windows.length; w++) {
            LinkWindow window = options.maintenance().get(w);
            windows[w] = new double[] {
                Math.max(0, down(Durations.seconds(window.start())) - windowReserves[w]),
                up(Durations.seconds(window.end()))
            };
            windowLink[w] = topology.arcBetween(topology.siteIndex(window.from()), topology.siteIndex(window.to()))
                            .getAsInt()
                    >>> 1;
            points.add(windows[w][0]);
            points.add(windows[w][1]);
        }
        starts = points.stream().mapToDouble(Double::doubleValue).toArray();
        linkDown = new boolean[starts.length][topology.links().size()];
        for (int w = 0; w < windows.length; w++) {
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] >= windows[w][0] && starts[i] < windows[w][1]) {
                    linkDown[i][windowLink[w]] = true;
                }
            }
        }
    }

    /**
     * Returns this timeline with every multiple of {@code gridSeconds} below {@code horizon}, and {@code
     * cut}, added as interval starts (capacities are unchanged; only the intervals are finer).
     */
    Timeline refined(double gridSeconds, double horizon, double cut) {
        return refined(gridSeconds, horizon, cut, new double[0]);
    }

    /** Returns {@link #refined(double, double, double)}'s timeline with the {@code fine} points also added. */
    Timeline refined(double gridSeconds, double horizon, double cut, double[] fine) {
        int count = (int) Math.ceil(horizon / gridSeconds);
        double[] grid = new double[Math.max(0, count) + 1 + fine.length];
        for (int k = 0; k < count; k++) {
            grid[k] = k * gridSeconds;
        }
        grid[Math.max(0, count)] = cut;
        System.arraycopy(fine, 0, grid, Math.max(0, count) + 1, fine.length);
        return new Timeline(problem, releases, windowReserves, grid);
    }

    /** Returns {@code seconds} rounded up to the step grid, never -0.0. */
    double up(double seconds) {
        // Math.ceil(-1e-9) is -0.0, which the TreeSet of starts (Double.compareTo) holds apart from 0.0:
        // an approval at 0 s made a zero-length interval [-0.0, 0.0) and a second release date. Adding
        // +0.0 turns -0.0 into 0.0 and leaves every other value as it is.
        return Math.ceil(seconds / stepSeconds - 1e-9) * stepSeconds + 0.0;
    }

    private double down(double seconds) {
        return Math.floor(seconds / stepSeconds + 1e-9) * stepSeconds;
    }

    int intervalCount() {
        return starts.length;
    }

    double start(int i) {
        return starts[i];
    }

    double end(int i) {
        return i + 1 < starts.length ? starts[i + 1] : Double.POSITIVE_INFINITY;
    }

    /** Returns the interval containing {@code t}. */
    int intervalAt(double t) {
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }

    boolean arcOpen(int interval, int arc) {
        return !linkDown[interval][arc >>> 1];
    }

    boolean ingestOpen(int interval, int site) {
        return starts[interval] >= siteReady[site];
    }
}
