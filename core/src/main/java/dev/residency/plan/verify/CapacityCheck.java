package dev.residency.plan.verify;

import dev.residency.data.RecordStore;
import dev.residency.plan.Deletion;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The verifier's capacity checks, by sweeping over time: link bandwidth per direction, site ingest and
 * egress (every batch at its constant rate {@link TransferBatch#bytesPerSecond(Topology)} from its start
 * plus its route's latency to its end: a batch's planned interval covers the latency), link maintenance
 * windows (a batch uses its links over its whole planned interval, so one that would end inside a window
 * only because of its latency violates it), and
 * destination storage (a batch reserves its bytes at its start; a deletion frees its bytes at its
 * earliest time; the staging copies of a batch's earlier legs are freed at its end; frees at the same
 * instant come first).
 */
final class CapacityCheck {

    /** Relative slack for floating-point sums of rates. */
    static final double TOLERANCE = 1e-6;

    private CapacityCheck() {}

    static void check(MigrationPlan plan, PlanningProblem problem, BiConsumer<VerificationCheck, String> report) {
        Topology topology = problem.topology();
        int sites = topology.siteCount();
        int arcs = topology.arcCount();
        int resources = arcs + 2 * sites;
        double[] capacity = new double[resources];
        String[] names = new String[resources];
        for (int a = 0; a < arcs; a++) {
            capacity[a] = topology.arcBytesPerSecond(a);
            names[a] = "arc " + topology.site(topology.arcFrom(a)).id() + ">"
                    + topology.site(topology.arcTo(a)).id();
        }
        for (int v = 0; v < sites; v++) {
            capacity[arcs + v] = topology.site(v).ingest().bytesPerSecond();
            capacity[arcs + sites + v] = topology.site(v).egress().bytesPerSecond();
            names[arcs + v] = "ingest of " + topology.site(v).id();
            names[arcs + sites + v] = "egress of " + topology.site(v).id();
        }
        List<List<double[]>> events = new ArrayList<>();
        for (int r = 0; r < resources; r++) {
            events.add(new ArrayList<>());
        }
        for (TransferBatch batch : plan.batches()) {
            double rate = batch.bytesPerSecond(topology);
            double latency = batch.route().latencySeconds(topology);
            if (batch.bytes() > 0 && !(batch.transferSeconds(topology) > 0)) {
                report.accept(
                        VerificationCheck.BATCH_NO_TIME,
                        "batch " + batch.id() + " moves " + batch.bytes() + " bytes in no time"
                                + (latency > 0
                                        ? ": its interval of "
                                                + (batch.plannedEndSeconds() - batch.plannedStartSeconds())
                                                + " s does not exceed its route's latency of " + latency + " s"
                                        : ""));
                continue;
            }
            // A batch is taken to end a hair early, so that floating-point rounding of back-to-back
            // times (end 108.00000000000001 vs start 108.0, or vs a maintenance window opening at 108.0)
            // is not an overlap. Its bytes flow from its start plus its route's latency.
            double end = batch.plannedEndSeconds() - 1e-9 * Math.max(1, batch.plannedEndSeconds());
            double moving = batch.plannedStartSeconds() + latency;
            for (int k = 0; k < batch.route().hops(); k++) {
                int a = batch.route().arcs().get(k);
                int[] used = {a, arcs + sites + topology.arcFrom(a), arcs + topology.arcTo(a)};
                for (int r : used) {
                    events.get(r).add(new double[] {moving, rate});
                    events.get(r).add(new double[] {end, -rate});
                }
                for (LinkWindow w : problem.options().maintenance()) {
                    int link = topology.arcBetween(topology.siteIndex(w.from()), topology.siteIndex(w.to()))
                                    .getAsInt()
                            >>> 1;
                    double open = Durations.seconds(w.start());
                    double close = Durations.seconds(w.end());
                    if (link == a >>> 1 && batch.plannedStartSeconds() < close && end > open && batch.bytes() > 0) {
                        report.accept(
                                VerificationCheck.MAINTENANCE,
                                "batch " + batch.id() + " uses link " + w.from() + "-" + w.to()
                                        + " during its maintenance window");
                    }
                }
            }
        }
        for (int r = 0; r < resources; r++) {
            List<double[]> list = events.get(r);
            list.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
            double load = 0;
            for (double[] e : list) {
                load += e[1];
                if (load > capacity[r] * (1 + TOLERANCE)) {
                    report.accept(
                            r < arcs
                                    ? VerificationCheck.LINK_BANDWIDTH
                                    : r < arcs + sites ? VerificationCheck.SITE_INGEST : VerificationCheck.SITE_EGRESS,
                            String.format(
                                    "%s carries %.6g B/s at t=%.3fs, above its %.6g B/s",
                                    names[r], load, e[0], capacity[r]));
                    break;
                }
            }
        }
        checkStorage(plan, problem, report);
    }

    private static void checkStorage(
            MigrationPlan plan, PlanningProblem problem, BiConsumer<VerificationCheck, String> report) {
        Topology topology = problem.topology();
        RecordStore store = problem.store();
        int sites = topology.siteCount();
        long[] used = new long[sites];
        for (int i = 0; i < store.size(); i++) {
            var replicas = store.replicaSets().sites(store.replicaSet(i));
            for (int k = 0; k < replicas.length(); k++) {
                used[replicas.get(k)] += store.bytes(i);
            }
        }
        List<List<double[]>> events = new ArrayList<>();
        for (int v = 0; v < sites; v++) {
            events.add(new ArrayList<>());
            used[v] += problem.options()
                    .usedBytesOutsideStore()
                    .getOrDefault(topology.site(v).id(), 0L);
        }
        for (TransferBatch batch : plan.batches()) {
            events.get(batch.destination()).add(new double[] {batch.plannedStartSeconds(), batch.bytes()});
            if (!batch.staging()) {
                // The staging copies of its earlier legs are freed once the last leg has landed.
                for (TransferBatch previous : plan.legsBefore(batch)) {
                    events.get(previous.destination()).add(new double[] {batch.plannedEndSeconds(), -previous.bytes()});
                }
            }
        }
        for (Deletion deletion : plan.deletions()) {
            events.get(deletion.site()).add(new double[] {deletion.earliestSeconds(), -deletion.bytes()});
        }
        for (int v = 0; v < sites; v++) {
            List<double[]> list = events.get(v);
            list.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
            long load = used[v];
            long capacity = topology.site(v).storage().bytes();
            for (double[] e : list) {
                load += (long) e[1];
                if (e[1] > 0 && load > capacity) {
                    report.accept(
                            VerificationCheck.STORAGE,
                            "site " + topology.site(v).id() + " would store " + load + " bytes at t=" + e[0]
                                    + "s, above its " + capacity);
                    break;
                }
            }
        }
    }
}
