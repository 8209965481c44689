package dev.residency.sim.migration;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.scenario.LiveWrites;

/**
 * The live-write arithmetic of a migration: how many bytes of each home jurisdiction's users reach
 * each transfer batch's source between the start and a given instant. Users grow linearly with
 * sign-ups, {@code u(t) = u0 (1 + s t / DAY)}; writes per second are {@code u(t) B / DAY}, so the
 * bytes written by time {@code t} are {@code u0 B / DAY (t + s t² / (2 DAY))}, where {@code u0} is the
 * batch's share of the jurisdiction's writers (see {@link #writerShares}), {@code B} the bytes per
 * (simulated) user per day and {@code s} the sign-ups per user per day. Immutable and thread-safe.
 */
final class LiveWriteModel {

    private static final double DAY = 86_400;

    private final double[][] linear;
    private final double[][] quadratic;

    private LiveWriteModel(double[][] linear, double[][] quadratic) {
        this.linear = linear;
        this.quadratic = quadratic;
    }

    /** Builds the model of {@code writes} (per home; absent homes write nothing) for {@code plan}'s batches. */
    static LiveWriteModel of(ImmutableMap<Jurisdiction, LiveWrites> writes, RecordStore store, MigrationPlan plan) {
        int homes = store.jurisdictions().size();
        int batches = plan.batches().size();
        double[][] linear = new double[batches][homes];
        double[][] quadratic = new double[batches][homes];
        double[][] writers = writerShares(store, plan);
        for (int b = 0; b < batches; b++) {
            for (int h = 0; h < homes; h++) {
                LiveWrites w = writes.get(store.jurisdictions().get(h));
                if (w != null && writers[b][h] > 0) {
                    double perSecond = writers[b][h] * (double) w.bytesPerUserPerDay() / DAY;
                    linear[b][h] = perSecond;
                    quadratic[b][h] = perSecond * w.signupsPerUserPerDay() / (2 * DAY);
                }
            }
        }
        return new LiveWriteModel(linear, quadratic);
    }

    /**
     * Returns, per batch and home jurisdiction, how many users' writes the batch's source (for a chain
     * of legs, its first leg's source) receives.
     * A user whose records are split over several batches (by category priority, several copies, or
     * a batch boundary) writes once in all, so each batch gets the share of the user's migrating
     * bytes that it carries: the shares of one user sum to 1. A leg to a staging copy gets none: the
     * writes reach the chain's first source and are caught up by its last leg, which carries the same
     * records.
     */
    static double[][] writerShares(RecordStore store, MigrationPlan plan) {
        double[] userBytes = new double[store.userCount()];
        for (TransferBatch batch : plan.batches()) {
            if (batch.staging()) {
                continue;
            }
            for (int k = 0; k < batch.records().length(); k++) {
                int i = batch.records().get(k);
                userBytes[store.user(i)] += store.bytes(i);
            }
        }
        double[][] shares =
                new double[plan.batches().size()][store.jurisdictions().size()];
        for (TransferBatch batch : plan.batches()) {
            if (batch.staging()) {
                continue;
            }
            for (int k = 0; k < batch.records().length(); k++) {
                int i = batch.records().get(k);
                double total = userBytes[store.user(i)];
                // A user whose migrating records are all empty bytes gets no share: nothing to catch up.
                shares[batch.id()][store.homeIndex(i)] += total > 0 ? store.bytes(i) / total : 0;
            }
        }
        return shares;
    }

    /** Returns the bytes of home {@code h} written to batch {@code b}'s source between time 0 and {@code t}. */
    double writtenBy(int b, int h, double t) {
        return linear[b][h] * t + quadratic[b][h] * t * t;
    }

    /** Returns the bytes of all homes written to batch {@code b}'s source between time 0 and {@code t}. */
    double writtenTotalBy(int b, double t) {
        double sum = 0;
        for (int h = 0; h < linear[b].length; h++) {
            sum += writtenBy(b, h, t);
        }
        return sum;
    }

    /** Returns, per home, the whole bytes written to batch {@code b}'s source between time 0 and {@code t}. */
    long[] writtenBy(int b, double t) {
        long[] byHome = new long[linear[b].length];
        for (int h = 0; h < byHome.length; h++) {
            byHome[h] = Math.round(writtenBy(b, h, t));
        }
        return byHome;
    }

    /** Returns whether any home writes to batch {@code b}'s source. */
    boolean writes(int b) {
        for (double rate : linear[b]) {
            if (rate > 0) {
                return true;
            }
        }
        return false;
    }
}
