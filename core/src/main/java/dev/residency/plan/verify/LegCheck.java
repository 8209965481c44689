package dev.residency.plan.verify;

import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The verifier's checks of batches in legs (data that waits at a transit site, see {@link
 * TransferBatch}): a leg continues an existing staging copy, from the site that holds it, with the same
 * records and bytes, starting no earlier than that copy's end; and every staging copy is continued by
 * exactly one leg (else it would never be deleted, nor the data arrive). Whether the staging site may
 * store the data is checked per record ({@link VerificationCheck#STAGING_NOT_ALLOWED}), and its storage
 * over time with the other sites' ({@link VerificationCheck#STORAGE}).
 */
final class LegCheck {

    /** Absolute slack in seconds for back-to-back legs. */
    private static final double EPSILON = 1e-6;

    private LegCheck() {}

    /** Reports every leg that breaks a check; a leg names its previous one by id, taken as its index. */
    static void check(MigrationPlan plan, Topology topology, BiConsumer<VerificationCheck, String> report) {
        List<TransferBatch> batches = plan.batches();
        int[] continued = new int[batches.size()];
        for (TransferBatch b : batches) {
            if (!b.continuesLeg()) {
                continue;
            }
            int p = b.previousLeg();
            if (p >= batches.size() || !batches.get(p).staging()) {
                report.accept(
                        VerificationCheck.LEG_PREVIOUS_UNKNOWN,
                        "batch " + b.id() + " continues batch " + p + ", which is no staging copy of the plan");
                continue;
            }
            TransferBatch previous = batches.get(p);
            continued[p]++;
            if (b.plannedStartSeconds()
                    < previous.plannedEndSeconds() - EPSILON * Math.max(1, b.plannedStartSeconds())) {
                report.accept(
                        VerificationCheck.LEG_BEFORE_PREVIOUS,
                        "batch " + b.id() + " starts at " + b.plannedStartSeconds() + "s, before its previous leg " + p
                                + " ends at " + previous.plannedEndSeconds() + "s");
            }
            if (b.source() != previous.destination()) {
                report.accept(
                        VerificationCheck.LEG_SOURCE,
                        "batch " + b.id() + " copies from "
                                + topology.site(b.source()).id()
                                + ", not from the staging copy of its previous leg " + p + " at "
                                + topology.site(previous.destination()).id());
            }
            if (!b.records().equals(previous.records()) || b.bytes() != previous.bytes()) {
                report.accept(
                        VerificationCheck.LEG_RECORDS,
                        "batch " + b.id() + " carries other records or bytes (" + b.bytes() + ") than its previous leg "
                                + p + " (" + previous.bytes() + ")");
            }
        }
        for (int k = 0; k < batches.size(); k++) {
            TransferBatch b = batches.get(k);
            if (b.staging() && continued[k] != 1) {
                report.accept(
                        VerificationCheck.STAGING_NOT_CONTINUED,
                        "batch " + b.id() + " makes a staging copy at "
                                + topology.site(b.destination()).id() + " that " + continued[k]
                                + " legs continue, not exactly one");
            }
        }
    }
}
