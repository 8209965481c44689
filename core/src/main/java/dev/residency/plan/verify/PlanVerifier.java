package dev.residency.plan.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.residency.audit.AuditReport;
import dev.residency.audit.BlockReason;
import dev.residency.audit.ComplianceAudit;
import dev.residency.audit.Tally;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Classification;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.RecordClass;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.PolicyIndex;
import dev.residency.topology.Route;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a plan symbolically to its problem and checks it, independently of how it was made (it
 * uses only the store, the policy and the plan): every batch is well formed, follows the policy's
 * pass-through sites, starts after its destination is ready and its records' approval, and copies
 * from a site that holds the record; no copy is deleted that is not there, compliant, or under legal
 * hold; an {@code AFTER_MOVE} or {@code EXCESS_REPLICA} deletion leaves the rule's number of verified
 * compliant copies and never the last copy; only the other reasons destroy records; the end state is
 * compliant except the listed blocked records; every violating record has exactly one class and the
 * tallies match; bytes are conserved; bandwidth, ingest, egress, maintenance windows and storage are
 * respected; a hard deadline holds; the makespan is the last batch's end and not below the lower
 * bound. Each check is a {@link VerificationCheck}; the result names the checks that failed. Stateless
 * and thread-safe.
 */
public final class PlanVerifier {

    /** The most violation messages a result keeps. */
    public static final int MAX_MESSAGES = 50;

    private static final double EPSILON = 1e-6;

    private PlanVerifier() {}

    /** Verifies {@code plan} against {@code problem}. */
    public static VerificationResult verify(MigrationPlan plan, PlanningProblem problem) {
        checkNotNull(plan, "plan");
        checkNotNull(problem, "problem");
        return new Check(plan, problem).run();
    }

    private static final class Check {
        final MigrationPlan plan;
        final PlanningProblem problem;
        final RecordStore store;
        final Topology topology;
        final PolicyIndex index;
        final List<String> messages = new ArrayList<>();
        final Set<VerificationCheck> failed = EnumSet.noneOf(VerificationCheck.class);
        int count;

        Check(MigrationPlan plan, PlanningProblem problem) {
            this.plan = plan;
            this.problem = problem;
            this.store = problem.store();
            this.topology = problem.topology();
            this.index = PolicyIndex.of(problem.policy(), store);
        }

        void report(VerificationCheck check, String message) {
            count++;
            failed.add(check);
            if (messages.size() < MAX_MESSAGES) {
                messages.add(message);
            }
        }

        VerificationResult run() {
            int n = store.size();
            int[] eventCount = new int[n + 1];
            for (TransferBatch b : plan.batches()) {
                b.records().forEach(i -> eventCount[i + 1]++);
            }
            for (Deletion d : plan.deletions()) {
                d.records().forEach(i -> eventCount[i + 1]++);
            }
            for (int i = 0; i < n; i++) {
                eventCount[i + 1] += eventCount[i];
            }
            // Per record, its events: batch b as b, deletion k as -(k+1).
            int[] events = new int[eventCount[n]];
            int[] fill = Arrays.copyOf(eventCount, n);
            // Events name a batch by its index, not its id: a wrong id is reported, never followed.
            for (int k = 0; k < plan.batches().size(); k++) {
                TransferBatch b = plan.batches().get(k);
                checkBatch(k, b);
                int code = k;
                b.records().forEach(i -> events[fill[i]++] = code);
            }
            for (int k = 0; k < plan.deletions().size(); k++) {
                Deletion d = plan.deletions().get(k);
                checkDeletion(d);
                int code = -(k + 1);
                d.records().forEach(i -> events[fill[i]++] = code);
            }
            byte[] blockedMark = new byte[n];
            for (BlockedGroup group : plan.blocked()) {
                group.records().forEach(i -> blockedMark[i] = 1);
            }
            Map<RecordClass, Tally> byClass = new EnumMap<>(RecordClass.class);
            Map<DeletionReason, Tally> byReason = new EnumMap<>(DeletionReason.class);
            Map<BlockReason, Tally> byBlock = new EnumMap<>(BlockReason.class);
            for (int i = 0; i < n; i++) {
                checkRecord(
                        i, events, eventCount[i], eventCount[i + 1], blockedMark[i] == 1, byClass, byReason, byBlock);
            }
            checkTotals(byClass, byReason, byBlock);
            LegCheck.check(plan, topology, this::report);
            CapacityCheck.check(plan, problem, this::report);
            return new VerificationResult(ImmutableList.copyOf(messages), count, ImmutableSet.copyOf(failed));
        }

        private void checkBatch(int index, TransferBatch b) {
            if (b.id() != index) {
                report(VerificationCheck.BATCH_INDEX, "batch " + b.id() + " is at index " + index + " in the plan");
            }
            try {
                Route route = Route.of(topology, b.route().arcs());
                if (route.source() != b.source() || route.destination() != b.destination()) {
                    report(
                            VerificationCheck.BATCH_ROUTE,
                            "batch " + b.id() + " has a route whose arcs lead from "
                                    + topology.site(route.source()).id() + " to "
                                    + topology.site(route.destination()).id() + ", not from its source "
                                    + topology.site(b.source()).id() + " to its destination "
                                    + topology.site(b.destination()).id());
                }
            } catch (IllegalArgumentException e) {
                report(VerificationCheck.BATCH_ROUTE, "batch " + b.id() + " has a broken route: " + e.getMessage());
            }
            long bytes = 0;
            for (int k = 0; k < b.records().length(); k++) {
                bytes += store.bytes(b.records().get(k));
            }
            if (bytes != b.bytes()) {
                report(
                        VerificationCheck.BATCH_BYTES,
                        "batch " + b.id() + " says " + b.bytes() + " bytes but its records hold " + bytes);
            }
            double ready = seconds(problem.options()
                    .siteReadyAt()
                    .get(topology.site(b.destination()).id()));
            for (int k = 0; k < b.route().hops(); k++) {
                int site = topology.arcTo(b.route().arcs().get(k));
                ready = Math.max(
                        ready,
                        seconds(problem.options()
                                .siteReadyAt()
                                .get(topology.site(site).id())));
            }
            if (b.plannedStartSeconds() < ready - EPSILON && b.bytes() > 0) {
                report(
                        VerificationCheck.BATCH_BEFORE_READY,
                        "batch " + b.id() + " starts at " + b.plannedStartSeconds() + "s, before a site on its route is"
                                + " ready at " + ready + "s");
            }
            if (problem.options().hardDeadline()) {
                double deadline = seconds(problem.options().deadline().orElseThrow());
                if (b.plannedEndSeconds() > deadline * (1 + EPSILON)) {
                    report(
                            VerificationCheck.BATCH_AFTER_HARD_DEADLINE,
                            "batch " + b.id() + " ends at " + b.plannedEndSeconds() + "s, after the hard deadline");
                }
            }
        }

        private void checkDeletion(Deletion d) {
            long bytes = 0;
            for (int k = 0; k < d.records().length(); k++) {
                bytes += store.bytes(d.records().get(k));
            }
            if (bytes != d.bytes()) {
                report(
                        VerificationCheck.DELETION_BYTES,
                        "deletion at site " + d.site() + " says " + d.bytes() + " bytes but its records hold " + bytes);
            }
            if (d.afterBatch().isPresent()) {
                int b = d.afterBatch().getAsInt();
                if (b < 0 || b >= plan.batches().size()) {
                    report(
                            VerificationCheck.DELETION_UNKNOWN_BATCH,
                            "deletion at site " + d.site() + " waits for unknown batch " + b);
                } else if (d.earliestSeconds() < plan.batches().get(b).plannedEndSeconds() - EPSILON) {
                    report(
                            VerificationCheck.DELETION_BEFORE_BATCH,
                            "deletion at site " + d.site() + " comes before its batch " + b + " completes");
                }
            }
        }

        private void checkRecord(
                int i,
                int[] events,
                int from,
                int to,
                boolean blocked,
                Map<RecordClass, Tally> byClass,
                Map<DeletionReason, Tally> byReason,
                Map<BlockReason, Tally> byBlock) {
            int h = store.homeIndex(i);
            int c = store.categoryIndex(i);
            int rs = store.replicaSet(i);
            boolean violates = index.violates(h, c, rs);
            if (!violates) {
                if (from < to || blocked) {
                    report(
                            VerificationCheck.COMPLIANT_RECORD_TOUCHED,
                            "record " + i + " complies but the plan touches it");
                }
                return;
            }
            int rule = index.ruleOf(h, c);
            Category category = store.categories().get(c);
            long bytes = store.bytes(i);
            int need = index.rule(rule).minCompliantReplicas();
            // Order the record's events by time: copies land at batch end, deletions at their time;
            // at the same instant a copy lands first.
            Integer[] order = new Integer[to - from];
            for (int k = 0; k < order.length; k++) {
                order[k] = events[from + k];
            }
            Arrays.sort(order, (x, y) -> {
                int cmp = Double.compare(time(x), time(y));
                return cmp != 0 ? cmp : Boolean.compare(x < 0, y < 0);
            });
            List<Integer> copies = new ArrayList<>();
            store.replicaSets().sites(rs).forEach(copies::add);
            List<Integer> landed = new ArrayList<>();
            boolean moved = false;
            DeletionReason destroyReason = null;
            boolean excess = false;
            for (int e : order) {
                if (e >= 0) {
                    TransferBatch b = plan.batches().get(e);
                    moved = true;
                    if (b.staging()) {
                        if (!index.stagingAllowed(rule, b.destination())) {
                            report(
                                    VerificationCheck.STAGING_NOT_ALLOWED,
                                    "batch " + e + " stages record " + i + " at "
                                            + topology.site(b.destination()).id()
                                            + ", where the policy does not allow it to wait");
                        }
                    } else if (!index.allows(rule, b.destination())) {
                        report(
                                VerificationCheck.DESTINATION_NOT_ALLOWED,
                                "batch " + e + " copies record " + i + " to "
                                        + topology.site(b.destination()).id() + ", which its rule does not allow");
                    }
                    for (int k = 0; k + 1 < b.route().hops(); k++) {
                        int site = topology.arcTo(b.route().arcs().get(k));
                        if (!index.transitAllowed(rule, site)) {
                            report(
                                    VerificationCheck.TRANSIT_FORBIDDEN,
                                    "batch " + e + " passes record " + i + " through "
                                            + topology.site(site).id() + ", which the policy forbids");
                        }
                    }
                    double approval = seconds(problem.options()
                            .approvalAt()
                            .get(store.jurisdictions().get(h)));
                    if (b.plannedStartSeconds() < approval - EPSILON) {
                        report(
                                VerificationCheck.BEFORE_APPROVAL,
                                "batch " + e + " moves record " + i + " before its jurisdiction's approval");
                    }
                    if (!copies.contains(b.source()) || !sourceHeld(b, i, order)) {
                        report(
                                VerificationCheck.SOURCE_NOT_HELD,
                                "batch " + e + " copies record " + i + " from "
                                        + topology.site(b.source()).id()
                                        + ", which does not hold it for the whole copy");
                    }
                    if (copies.contains(b.destination())) {
                        report(
                                VerificationCheck.DESTINATION_ALREADY_HOLDS,
                                "batch " + e + " copies record " + i + " to a site that already holds it");
                    } else {
                        copies.add(b.destination());
                        landed.add(e);
                    }
                    if (!b.staging()) {
                        removeStagingCopies(b, copies);
                    }
                    continue;
                }
                Deletion d = plan.deletions().get(-e - 1);
                String what = "deletion (" + d.reason() + ") of record " + i + " at "
                        + topology.site(d.site()).id();
                if (!copies.contains(d.site())) {
                    report(VerificationCheck.DELETION_NO_COPY, what + ": no copy is there");
                    continue;
                }
                if (store.legalHold(i)) {
                    report(VerificationCheck.DELETION_LEGAL_HOLD, what + ": the record is under legal hold");
                }
                if (index.allows(rule, d.site())) {
                    report(VerificationCheck.DELETION_COMPLIANT_COPY, what + ": that copy is compliant");
                }
                copies.remove(Integer.valueOf(d.site()));
                int compliant =
                        (int) copies.stream().filter(s -> index.allows(rule, s)).count();
                if (d.reason() == DeletionReason.AFTER_MOVE) {
                    int b = d.afterBatch().orElse(-1);
                    if (!landed.contains(b)) {
                        report(
                                VerificationCheck.AFTER_MOVE_WITHOUT_COPY,
                                what + ": its batch " + b + " did not copy the record before");
                    }
                    if (compliant < need) {
                        report(
                                VerificationCheck.AFTER_MOVE_TOO_FEW_COPIES,
                                what + ": leaves " + compliant + " compliant copies, the rule needs " + need);
                    }
                } else if (d.reason() == DeletionReason.EXCESS_REPLICA) {
                    excess = true;
                    if (compliant < need) {
                        report(
                                VerificationCheck.EXCESS_REPLICA_TOO_FEW_COPIES,
                                what + ": leaves " + compliant + " compliant copies, the rule needs " + need);
                    }
                } else {
                    if (!category.deletable()) {
                        report(VerificationCheck.CATEGORY_NOT_DELETABLE, what + ": the category may not be deleted");
                    }
                    if (destroyReason != null && destroyReason != d.reason()) {
                        report(
                                VerificationCheck.TWO_DESTROY_REASONS,
                                "record " + i + " is deleted for two reasons, " + destroyReason + " and " + d.reason());
                    }
                    destroyReason = d.reason();
                }
                if (copies.isEmpty() && !d.reason().mayDestroy()) {
                    report(VerificationCheck.LAST_COPY_REMOVED, what + ": it removes the record's last copy");
                }
            }
            boolean compliantAtEnd = copies.stream().allMatch(s -> index.allows(rule, s));
            RecordClass recordClass;
            if (blocked) {
                recordClass = RecordClass.BLOCKED;
                Optional<BlockReason> reason =
                        ComplianceAudit.blockReason(store.legalHold(i), category, index.actionOf(h, c));
                BlockReason block = reason.orElse(BlockReason.UNMOVABLE_UNDELETABLE);
                if (reason.isEmpty() && category.deletable()) {
                    report(
                            VerificationCheck.BLOCKED_BUT_DELETABLE,
                            "record " + i + " is listed as blocked but may be deleted");
                }
                if (from < to) {
                    report(
                            VerificationCheck.BLOCKED_BUT_HANDLED,
                            "record " + i + " is listed as blocked but the plan moves or deletes it");
                }
                byBlock.merge(block, new Tally(1, bytes), Tally::plus);
            } else if (moved) {
                recordClass = RecordClass.MOVE;
                if (destroyReason != null || excess) {
                    report(
                            VerificationCheck.MOVED_AND_DELETED,
                            "record " + i + " is moved and deleted for " + destroyReason);
                }
            } else if (destroyReason != null) {
                recordClass = RecordClass.DELETE;
                byReason.merge(destroyReason, new Tally(1, bytes), Tally::plus);
            } else if (excess) {
                recordClass = RecordClass.ENOUGH_REPLICAS;
            } else {
                report(
                        VerificationCheck.VIOLATING_UNHANDLED,
                        "record " + i + " violates the policy but is neither moved, deleted nor blocked");
                return;
            }
            if (!blocked && !compliantAtEnd) {
                report(
                        VerificationCheck.VIOLATING_AT_END,
                        "record " + i + " still violates the policy at the end and is not listed as blocked");
            }
            byClass.merge(recordClass, new Tally(1, bytes), Tally::plus);
        }

        /**
         * Removes the staging copies of the legs before {@code last} (deleted once it lands); a chain
         * that does not lead to staging copies of the plan is left alone (LegCheck reports it).
         */
        private void removeStagingCopies(TransferBatch last, List<Integer> copies) {
            for (TransferBatch previous : plan.legsBefore(last)) {
                copies.remove(Integer.valueOf(previous.destination()));
            }
        }

        private boolean sourceHeld(TransferBatch b, int record, Integer[] order) {
            for (int e : order) {
                if (e < 0) {
                    Deletion d = plan.deletions().get(-e - 1);
                    if (d.site() == b.source() && d.earliestSeconds() < b.plannedEndSeconds() - EPSILON) {
                        return false;
                    }
                }
            }
            return true;
        }

        private double time(int event) {
            return event >= 0
                    ? plan.batches().get(event).plannedEndSeconds()
                    : plan.deletions().get(-event - 1).earliestSeconds();
        }

        private void checkTotals(
                Map<RecordClass, Tally> byClass, Map<DeletionReason, Tally> byReason, Map<BlockReason, Tally> byBlock) {
            Classification cls = plan.classification();
            if (!cls.byClass().equals(Map.copyOf(byClass))) {
                report(
                        VerificationCheck.CLASS_TALLY,
                        "classification by class " + cls.byClass() + " differs from the records' " + byClass);
            }
            if (!cls.deletedByReason().equals(Map.copyOf(byReason))) {
                report(
                        VerificationCheck.DELETION_REASON_TALLY,
                        "deletions by reason " + cls.deletedByReason() + " differ from the records' " + byReason);
            }
            if (!cls.blockedByReason().equals(Map.copyOf(byBlock))) {
                report(
                        VerificationCheck.BLOCKED_REASON_TALLY,
                        "blocked by reason " + cls.blockedByReason() + " differ from the records' " + byBlock);
            }
            AuditReport audit = ComplianceAudit.run(store, problem.policy());
            Tally sum = byClass.values().stream().reduce(Tally.ZERO, Tally::plus);
            if (!sum.equals(audit.violating()) || !cls.violating().equals(audit.violating())) {
                report(
                        VerificationCheck.VIOLATING_TOTAL,
                        "classes sum to " + sum + " and the plan states " + cls.violating() + ", but the audit finds "
                                + audit.violating() + " violating");
            }
            long moved = plan.batches().stream()
                    .filter(b -> !b.staging())
                    .mapToLong(TransferBatch::bytes)
                    .sum();
            if (moved != plan.bytesToMove()) {
                report(
                        VerificationCheck.BYTES_TO_MOVE,
                        "bytesToMove " + plan.bytesToMove() + " differs from the batches' " + moved);
            }
            Map<DeletionReason, Long> deleted = new EnumMap<>(DeletionReason.class);
            plan.deletions().forEach(d -> deleted.merge(d.reason(), d.bytes(), Long::sum));
            if (!plan.bytesToDeleteByReason().equals(Map.copyOf(deleted))) {
                report(
                        VerificationCheck.BYTES_TO_DELETE,
                        "bytesToDeleteByReason " + plan.bytesToDeleteByReason() + " differs from the deletions' "
                                + deleted);
            }
            double last = plan.batches().stream()
                    .mapToDouble(TransferBatch::plannedEndSeconds)
                    .max()
                    .orElse(0);
            if (Math.abs(last - plan.makespanSeconds()) > EPSILON * Math.max(1, last)) {
                report(
                        VerificationCheck.MAKESPAN,
                        "makespan " + plan.makespanSeconds() + "s is not the last batch's end " + last + "s");
            }
            if (plan.lowerBoundSeconds() > plan.makespanSeconds() * (1 + EPSILON) + EPSILON) {
                report(
                        VerificationCheck.LOWER_BOUND,
                        "lower bound " + plan.lowerBoundSeconds() + "s exceeds the makespan " + plan.makespanSeconds()
                                + "s");
            }
            double cost = 0;
            for (TransferBatch b : plan.batches()) {
                cost += b.bytes() * b.route().costPerByte(topology);
            }
            if (Math.abs(cost - plan.egressCostUsd()) > EPSILON * Math.max(1, cost)) {
                report(
                        VerificationCheck.EGRESS_COST,
                        "egress cost " + plan.egressCostUsd() + " differs from the batches' " + cost);
            }
        }

        private static double seconds(Duration duration) {
            return duration == null ? 0 : Durations.seconds(duration);
        }
    }
}
