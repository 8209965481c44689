package dev.residency.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.BlockReason;
import dev.residency.audit.Tally;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Classification;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.RecordClass;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Route;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A negative test for every check {@link PlanVerifier} makes: each of the 49 {@link VerificationCheck}s
 * has at least one hand-made plan that breaks it, and the verifier must report exactly the expected
 * checks. {@link #cases_coverEveryCheck()} fails when a check is added without a case.
 *
 * <p>The instance: sites sg (SG), jp (JP), us1 and us2 (US); links sg-us1, sg-jp, jp-us2 and us1-us2
 * at 100 B/s with no latency unless a case sets one (sg-us1 costs 1 USD/GiB, the jp links 2); ingest and egress far above the links, storage
 * ample. Rules: US messages must have 2 copies in the US, all other US data 1, public content is exempt.
 * Eleven records of 100 B each:
 *
 * <pre>
 *  r0  videos @sg              MOVE      batch 0 sg>us1 [0,1] s, then deleted at sg (AFTER_MOVE, t=1)
 *  r1  videos @sg, legal hold  BLOCKED   (legal hold)
 *  r2  frozen @sg              BLOCKED   (neither movable nor deletable)
 *  r3  derived @sg,jp          DELETE    UNMOVABLE at sg and at jp (t=0)
 *  r4  videos @us1             complies
 *  r5  videos @sg,us1          ENOUGH    EXCESS_REPLICA at sg (t=0)
 *  r6  public-content @sg      exempt
 *  r7  messages @sg            MOVE      batch 1 sg>us1 [1,2], batch 2 us1>us2 [2,3], deleted at sg (t=3)
 *  r8  messages @sg,us1,us2    ENOUGH    EXCESS_REPLICA at sg
 *  r9  videos @sg,us1,us2      ENOUGH    EXCESS_REPLICA at sg
 *  r10 messages @sg,us1        MOVE      batch 3 us1>us2 [3,4], deleted at sg (t=4)
 * </pre>
 *
 * <p>Where breaking one check necessarily breaks others, the case says why and expects them all: a
 * deletion waiting for an unknown batch cannot follow that batch's copy; a deletion before its batch
 * ends comes before the copy lands; the last copy removed leaves fewer compliant copies than any rule
 * needs; a violating record left alone is missing from the classes' sum.
 */
final class PlanVerifierChecksTest {

    private static final long R = 100;
    private static final int SG = 0;
    private static final int JP = 1;
    private static final int US1 = 2;
    private static final int US2 = 3;
    private static final Category FROZEN = new Category("frozen", false, false, false);

    /** One broken plan: the check it targets and every check it must fail. */
    record Case(String name, VerificationCheck target, Set<VerificationCheck> expected, Fixture fixture, Draft plan) {
        @Override
        public String toString() {
            return target + ": " + name;
        }
    }

    /** What differs from the default instance. */
    record Fixture(
            long us1Storage,
            double us1IngestBytesPerSecond,
            double sgEgressBytesPerSecond,
            boolean usTransitOnly,
            UnaryOperator<PlanOptions.Builder> options,
            long jpStorage,
            boolean jpStaging,
            Duration linkLatency) {

        Fixture(
                long us1Storage,
                double us1IngestBytesPerSecond,
                double sgEgressBytesPerSecond,
                boolean usTransitOnly,
                UnaryOperator<PlanOptions.Builder> options) {
            this(
                    us1Storage,
                    us1IngestBytesPerSecond,
                    sgEgressBytesPerSecond,
                    usTransitOnly,
                    options,
                    1L << 40,
                    false,
                    Duration.ZERO);
        }

        static Fixture standard() {
            return new Fixture(1L << 40, 1e12, 1e12, false, o -> o);
        }

        Fixture withOptions(UnaryOperator<PlanOptions.Builder> change) {
            return new Fixture(
                    us1Storage,
                    us1IngestBytesPerSecond,
                    sgEgressBytesPerSecond,
                    usTransitOnly,
                    change,
                    jpStorage,
                    jpStaging,
                    linkLatency);
        }

        /**
         * Returns this fixture with every link's latency {@code latency} (zero by default, so that the
         * hand-made batch intervals are the transfers' own: a batch's interval covers its route's latency).
         */
        Fixture withLinkLatency(Duration latency) {
            return new Fixture(
                    us1Storage,
                    us1IngestBytesPerSecond,
                    sgEgressBytesPerSecond,
                    usTransitOnly,
                    options,
                    jpStorage,
                    jpStaging,
                    latency);
        }

        /** Returns this fixture with jp's storage and whether the policy lists jp as a staging site. */
        Fixture withJp(long storage, boolean staging) {
            return new Fixture(
                    us1Storage,
                    us1IngestBytesPerSecond,
                    sgEgressBytesPerSecond,
                    usTransitOnly,
                    options,
                    storage,
                    staging,
                    linkLatency);
        }

        PlanningProblem problem() {
            Topology topology = topology(this);
            RecordStore.Builder store = RecordStore.builder(topology, 11);
            Jurisdiction us = Jurisdiction.US;
            store.add(0, us, Category.VIDEOS, R, false, SG);
            store.add(1, us, Category.VIDEOS, R, true, SG);
            store.add(2, us, FROZEN, R, false, SG);
            store.add(3, us, Category.DERIVED, R, false, SG, JP);
            store.add(4, us, Category.VIDEOS, R, false, US1);
            store.add(5, us, Category.VIDEOS, R, false, SG, US1);
            store.add(6, us, Category.PUBLIC_CONTENT, R, false, SG);
            store.add(7, us, Category.MESSAGES, R, false, SG);
            store.add(8, us, Category.MESSAGES, R, false, SG, US1, US2);
            store.add(9, us, Category.VIDEOS, R, false, SG, US1, US2);
            store.add(10, us, Category.MESSAGES, R, false, SG, US1);
            ResidencyPolicy policy = ResidencyPolicy.of(
                    "us-data-in-us",
                    Rule.move("us-messages", List.of(us), SiteConstraint.in(us))
                            .forCategories("messages")
                            .withMinCompliantReplicas(2),
                    Rule.move("us", List.of(us), SiteConstraint.in(us)).exemptingExceptable());
            if (usTransitOnly) {
                policy = policy.withTransit(SiteConstraint.in(us));
            }
            if (jpStaging) {
                policy = policy.withStaging(List.of("jp"));
            }
            return PlanningProblem.builder()
                    .store(store.build())
                    .policy(policy)
                    .options(options.apply(PlanOptions.builder()).build())
                    .build();
        }
    }

    private static Topology topology(Fixture f) {
        return Topology.of(
                List.of(
                        site("sg", "SG", 1L << 40, 1e12, f.sgEgressBytesPerSecond()),
                        site("jp", "JP", f.jpStorage(), 1e12, 1e12),
                        site("us1", "US", f.us1Storage(), f.us1IngestBytesPerSecond(), 1e12),
                        site("us2", "US", 1L << 40, 1e12, 1e12)),
                List.of(
                        link("sg", "us1", 1.0, f.linkLatency()),
                        link("sg", "jp", 2.0, f.linkLatency()),
                        link("jp", "us2", 2.0, f.linkLatency()),
                        link("us1", "us2", 0.0, f.linkLatency())));
    }

    private static DataCenter site(String id, String country, long storage, double ingest, double egress) {
        return new DataCenter(
                id,
                Jurisdiction.of(country),
                "op",
                DataSize.ofBytes(storage),
                new Bandwidth(ingest),
                new Bandwidth(egress));
    }

    private static Link link(String a, String b, double usdPerGiB, Duration latency) {
        return Link.symmetric(a, b, new Bandwidth(100), latency, usdPerGiB);
    }

    /** A plan under construction: batches, deletions, blocked groups and the classification, by hand. */
    static final class Draft {
        final Topology topology = topology(Fixture.standard());
        final List<TransferBatch> batches = new ArrayList<>();
        final List<Deletion> deletions = new ArrayList<>();
        final List<BlockedGroup> blocked = new ArrayList<>();
        final Map<RecordClass, Tally> byClass = new EnumMap<>(RecordClass.class);
        final Map<DeletionReason, Tally> byReason = new EnumMap<>(DeletionReason.class);
        final Map<BlockReason, Tally> byBlock = new EnumMap<>(BlockReason.class);
        Tally violating = new Tally(9, 9 * R);
        Long bytesToMove;
        Map<DeletionReason, Long> bytesToDelete;
        Double makespan;
        Double egress;
        double lowerBound = 1;

        /** Appends a batch of the given records along the sites {@code path}, id = its index. */
        Draft batch(double start, double end, int[] path, int... records) {
            batches.add(batch(batches.size(), route(path), start, end, R * records.length, records));
            return this;
        }

        TransferBatch batch(int id, Route route, double start, double end, long bytes, int... records) {
            return new TransferBatch(
                    id,
                    0,
                    route.source(),
                    route.destination(),
                    route,
                    ImmutableIntArray.copyOf(records),
                    bytes,
                    start,
                    end);
        }

        /** Returns a leg: a batch that continues {@code previousLeg}'s staging copy, or makes one if {@code staging}. */
        TransferBatch leg(
                int id,
                Route route,
                double start,
                double end,
                long bytes,
                int previousLeg,
                boolean staging,
                int... records) {
            return new TransferBatch(
                    id,
                    0,
                    route.source(),
                    route.destination(),
                    route,
                    ImmutableIntArray.copyOf(records),
                    bytes,
                    start,
                    end,
                    previousLeg,
                    staging);
        }

        Route route(int... path) {
            int[] arcs = new int[path.length - 1];
            for (int k = 0; k + 1 < path.length; k++) {
                arcs[k] = topology.arcBetween(path[k], path[k + 1]).getAsInt();
            }
            return Route.of(topology, ImmutableIntArray.copyOf(arcs));
        }

        Draft delete(int site, DeletionReason reason, int afterBatch, double at, int... records) {
            deletions.add(deletion(site, reason, afterBatch, at, records));
            return this;
        }

        static Deletion deletion(int site, DeletionReason reason, int afterBatch, double at, int... records) {
            return new Deletion(
                    site,
                    ImmutableIntArray.copyOf(records),
                    R * records.length,
                    reason,
                    afterBatch >= 0 ? OptionalInt.of(afterBatch) : OptionalInt.empty(),
                    at);
        }

        Draft block(BlockReason reason, String category, int record) {
            blocked.add(new BlockedGroup("us", reason, Jurisdiction.US, category, ImmutableIntArray.of(record), R));
            return this;
        }

        /** Moves one record of 100 B from class {@code from} to class {@code to} in the classification. */
        Draft reclass(RecordClass from, RecordClass to) {
            Tally left = byClass.get(from);
            if (left.records() == 1) {
                byClass.remove(from);
            } else {
                byClass.put(from, new Tally(left.records() - 1, left.bytes() - R));
            }
            byClass.merge(to, new Tally(1, R), Tally::plus);
            return this;
        }

        /** Removes batch {@code k}, renumbering the later batches and the deletions that wait for them. */
        Draft withoutBatch(int k) {
            batches.remove(k);
            for (int b = k; b < batches.size(); b++) {
                TransferBatch old = batches.get(b);
                batches.set(
                        b,
                        batch(
                                b,
                                old.route(),
                                old.plannedStartSeconds(),
                                old.plannedEndSeconds(),
                                old.bytes(),
                                old.records().toArray()));
            }
            deletions.replaceAll(
                    d -> d.afterBatch().isPresent() && d.afterBatch().getAsInt() > k
                            ? new Deletion(
                                    d.site(),
                                    d.records(),
                                    d.bytes(),
                                    d.reason(),
                                    OptionalInt.of(d.afterBatch().getAsInt() - 1),
                                    d.earliestSeconds())
                            : d);
            return this;
        }

        /** Returns this draft with every batch's and deletion's time mapped by {@code time}. */
        Draft retimed(java.util.function.DoubleUnaryOperator time) {
            List<TransferBatch> old = List.copyOf(batches);
            batches.clear();
            for (TransferBatch b : old) {
                batches.add(batch(
                        b.id(),
                        b.route(),
                        time.applyAsDouble(b.plannedStartSeconds()),
                        time.applyAsDouble(b.plannedEndSeconds()),
                        b.bytes(),
                        b.records().toArray()));
            }
            deletions.replaceAll(x -> new Deletion(
                    x.site(),
                    x.records(),
                    x.bytes(),
                    x.reason(),
                    x.afterBatch(),
                    time.applyAsDouble(x.earliestSeconds())));
            return this;
        }

        /** Builds the plan; totals not set by hand are the sums over its batches and deletions. */
        MigrationPlan build() {
            long moved = batches.stream()
                    .filter(b -> !b.staging())
                    .mapToLong(TransferBatch::bytes)
                    .sum();
            Map<DeletionReason, Long> deleted = new EnumMap<>(DeletionReason.class);
            deletions.forEach(d -> deleted.merge(d.reason(), d.bytes(), Long::sum));
            double last = batches.stream()
                    .mapToDouble(TransferBatch::plannedEndSeconds)
                    .max()
                    .orElse(0);
            double cost = batches.stream()
                    .mapToDouble(b -> b.bytes() * b.route().costPerByte(topology))
                    .sum();
            return new MigrationPlan(
                    "by-hand",
                    new Classification(
                            violating,
                            com.google.common.collect.ImmutableSortedMap.copyOf(byClass),
                            com.google.common.collect.ImmutableSortedMap.copyOf(byReason),
                            com.google.common.collect.ImmutableSortedMap.copyOf(byBlock)),
                    ImmutableList.copyOf(batches),
                    ImmutableList.copyOf(deletions),
                    ImmutableList.copyOf(blocked),
                    makespan != null ? makespan : last,
                    lowerBound,
                    egress != null ? egress : cost,
                    bytesToMove != null ? bytesToMove : moved,
                    com.google.common.collect.ImmutableSortedMap.copyOf(
                            bytesToDelete != null ? bytesToDelete : deleted),
                    0,
                    "by hand",
                    0,
                    0,
                    ImmutableList.of());
        }
    }

    /** The valid plan of the table in the class comment. */
    static Draft valid() {
        Draft d = new Draft()
                .batch(0, 1, new int[] {SG, US1}, 0)
                .batch(1, 2, new int[] {SG, US1}, 7)
                .batch(2, 3, new int[] {US1, US2}, 7)
                .batch(3, 4, new int[] {US1, US2}, 10)
                .delete(SG, DeletionReason.AFTER_MOVE, 0, 1, 0)
                .delete(SG, DeletionReason.AFTER_MOVE, 2, 3, 7)
                .delete(SG, DeletionReason.AFTER_MOVE, 3, 4, 10)
                .delete(SG, DeletionReason.UNMOVABLE, -1, 0, 3)
                .delete(JP, DeletionReason.UNMOVABLE, -1, 0, 3)
                .delete(SG, DeletionReason.EXCESS_REPLICA, -1, 0, 5)
                .delete(SG, DeletionReason.EXCESS_REPLICA, -1, 0, 8)
                .delete(SG, DeletionReason.EXCESS_REPLICA, -1, 0, 9)
                .block(BlockReason.LEGAL_HOLD, "videos", 1)
                .block(BlockReason.UNMOVABLE_UNDELETABLE, "frozen", 2);
        d.byClass.put(RecordClass.MOVE, new Tally(3, 3 * R));
        d.byClass.put(RecordClass.BLOCKED, new Tally(2, 2 * R));
        d.byClass.put(RecordClass.DELETE, new Tally(1, R));
        d.byClass.put(RecordClass.ENOUGH_REPLICAS, new Tally(3, 3 * R));
        d.byReason.put(DeletionReason.UNMOVABLE, new Tally(1, R));
        d.byBlock.put(BlockReason.LEGAL_HOLD, new Tally(1, R));
        d.byBlock.put(BlockReason.UNMOVABLE_UNDELETABLE, new Tally(1, R));
        return d;
    }

    private static int deletionOf(Draft d, int record, int site) {
        for (int k = 0; k < d.deletions.size(); k++) {
            Deletion x = d.deletions.get(k);
            if (x.site() == site && x.records().contains(record)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no deletion of record " + record + " at site " + site);
    }

    private static Case only(VerificationCheck check, String name, Draft plan) {
        return new Case(name, check, EnumSet.of(check), Fixture.standard(), plan);
    }

    private static Case only(VerificationCheck check, String name, Fixture fixture, Draft plan) {
        return new Case(name, check, EnumSet.of(check), fixture, plan);
    }

    private static Case with(VerificationCheck check, String name, Draft plan, VerificationCheck... alsoFailed) {
        Set<VerificationCheck> expected = EnumSet.of(check);
        expected.addAll(Arrays.asList(alsoFailed));
        return new Case(name, check, expected, Fixture.standard(), plan);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Draft d;

        // Batches.
        d = valid();
        d.batches.set(0, d.batch(5, d.route(SG, US1), 0, 1, R, 0));
        cases.add(only(VerificationCheck.BATCH_INDEX, "batch 0 says id 5", d));

        d = valid();
        Route broken = new Route(
                SG,
                US1,
                ImmutableIntArray.of(
                        d.topology.arcBetween(SG, JP).getAsInt(),
                        d.topology.arcBetween(US1, US2).getAsInt()));
        d.batches.set(0, d.batch(0, broken, 0, 1, R, 0));
        cases.add(only(VerificationCheck.BATCH_ROUTE, "arcs sg>jp then us1>us2 are not consecutive", d));

        d = valid();
        Route elsewhere = new Route(
                SG, US1, ImmutableIntArray.of(d.topology.arcBetween(US2, US1).getAsInt()));
        d.batches.set(0, d.batch(0, elsewhere, 0, 1, R, 0));
        cases.add(only(VerificationCheck.BATCH_ROUTE, "route sg>us1 whose one arc leaves us2", d));

        d = valid();
        d.batches.set(0, d.batch(0, d.route(SG, US1), 0, 1, 50, 0));
        cases.add(only(VerificationCheck.BATCH_BYTES, "batch 0 says 50 B of a 100 B record", d));

        cases.add(only(
                VerificationCheck.BATCH_BEFORE_READY,
                "us1 ready at 10 s, batches 0 and 1 start at 0 and 1 s",
                Fixture.standard().withOptions(o -> o.siteReadyAt("us1", Duration.ofSeconds(10))),
                valid()));

        cases.add(only(
                VerificationCheck.BATCH_AFTER_HARD_DEADLINE,
                "hard deadline 2.5 s, batches end at 3 and 4 s",
                Fixture.standard()
                        .withOptions(o -> o.deadline(Duration.ofMillis(2_500)).hardDeadline(true)),
                valid()));

        cases.add(only(
                VerificationCheck.BEFORE_APPROVAL,
                "US approved at 0.5 s, batch 0 starts at 0",
                Fixture.standard().withOptions(o -> o.approvalAt(Jurisdiction.US, Duration.ofMillis(500))),
                valid()));

        // Deletions.
        d = valid();
        int k = deletionOf(d, 3, SG);
        d.deletions.set(
                k, new Deletion(SG, ImmutableIntArray.of(3), 50, DeletionReason.UNMOVABLE, OptionalInt.empty(), 0));
        cases.add(only(VerificationCheck.DELETION_BYTES, "r3's deletion says 50 B", d));

        // The record-level check cannot find the unknown batch's copy either.
        d = valid();
        k = deletionOf(d, 0, SG);
        d.deletions.set(k, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 9, 1, 0));
        cases.add(with(
                VerificationCheck.DELETION_UNKNOWN_BATCH,
                "r0's deletion waits for batch 9",
                d,
                VerificationCheck.AFTER_MOVE_WITHOUT_COPY));

        // At 2.5 s batch 2 (ends 3 s) has not landed: the deletion comes before its copy, and leaves r7
        // one compliant copy (us1) of the two its rule needs.
        d = valid();
        k = deletionOf(d, 7, SG);
        d.deletions.set(k, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 2, 2.5, 7));
        cases.add(with(
                VerificationCheck.DELETION_BEFORE_BATCH,
                "r7's deletion at 2.5 s, its batch 2 ends at 3 s",
                d,
                VerificationCheck.AFTER_MOVE_WITHOUT_COPY,
                VerificationCheck.AFTER_MOVE_TOO_FEW_COPIES));

        d = valid();
        k = deletionOf(d, 7, SG);
        d.deletions.set(k, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 1, 2, 7));
        cases.add(only(
                VerificationCheck.AFTER_MOVE_TOO_FEW_COPIES,
                "r7's source deleted after its first copy (us1), before its second (us2)",
                d));

        d = valid();
        k = deletionOf(d, 0, SG);
        d.deletions.set(k, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 1, 2, 0));
        cases.add(only(VerificationCheck.AFTER_MOVE_WITHOUT_COPY, "r0's deletion waits for r7's batch 1", d));

        d = valid().withoutBatch(3).reclass(RecordClass.MOVE, RecordClass.ENOUGH_REPLICAS);
        k = deletionOf(d, 10, SG);
        d.deletions.set(k, Draft.deletion(SG, DeletionReason.EXCESS_REPLICA, -1, 0, 10));
        cases.add(only(
                VerificationCheck.EXCESS_REPLICA_TOO_FEW_COPIES,
                "r10 (messages, 1 compliant copy of 2) deleted at sg as an excess replica",
                d));

        // With no copy left, no rule's compliant copies can be enough.
        d = valid().withoutBatch(0).reclass(RecordClass.MOVE, RecordClass.ENOUGH_REPLICAS);
        k = deletionOf(d, 0, SG);
        d.deletions.set(k, Draft.deletion(SG, DeletionReason.EXCESS_REPLICA, -1, 0, 0));
        cases.add(with(
                VerificationCheck.LAST_COPY_REMOVED,
                "r0's only copy deleted as an excess replica",
                d,
                VerificationCheck.EXCESS_REPLICA_TOO_FEW_COPIES));

        d = valid().delete(US2, DeletionReason.UNMOVABLE, -1, 0, 3);
        cases.add(only(VerificationCheck.DELETION_NO_COPY, "r3 deleted at us2, where it has no copy", d));

        d = valid().batch(2, 3, new int[] {SG, US1}, 1).delete(SG, DeletionReason.AFTER_MOVE, 4, 3, 1);
        d.blocked.remove(0);
        d.byBlock.remove(BlockReason.LEGAL_HOLD);
        d.reclass(RecordClass.BLOCKED, RecordClass.MOVE);
        cases.add(only(VerificationCheck.DELETION_LEGAL_HOLD, "r1 (legal hold) moved and its source deleted", d));

        d = valid().delete(US2, DeletionReason.EXCESS_REPLICA, -1, 0, 9);
        cases.add(only(VerificationCheck.DELETION_COMPLIANT_COPY, "r9's compliant copy at us2 deleted", d));

        d = valid().delete(SG, DeletionReason.UNMOVABLE, -1, 0, 2);
        d.blocked.remove(1);
        d.byBlock.remove(BlockReason.UNMOVABLE_UNDELETABLE);
        d.byReason.put(DeletionReason.UNMOVABLE, new Tally(2, 2 * R));
        d.reclass(RecordClass.BLOCKED, RecordClass.DELETE);
        cases.add(only(VerificationCheck.CATEGORY_NOT_DELETABLE, "r2 (frozen) deleted as unmovable", d));

        // r3's deletions at sg (UNMOVABLE) and jp (NO_ROUTE) happen at t=0 in list order, so the
        // records' tally counts r3 under the last reason, NO_ROUTE, as the classification says.
        d = valid();
        k = deletionOf(d, 3, JP);
        d.deletions.set(k, Draft.deletion(JP, DeletionReason.NO_ROUTE, -1, 0, 3));
        d.byReason.clear();
        d.byReason.put(DeletionReason.NO_ROUTE, new Tally(1, R));
        cases.add(only(VerificationCheck.TWO_DESTROY_REASONS, "r3 deleted as UNMOVABLE at sg, NO_ROUTE at jp", d));

        // Records.
        d = valid().batch(0, 1, new int[] {US1, US2}, 4);
        cases.add(only(VerificationCheck.COMPLIANT_RECORD_TOUCHED, "r4 (compliant) copied to us2", d));

        d = valid().delete(SG, DeletionReason.POLICY_DELETE, -1, 0, 6);
        cases.add(only(VerificationCheck.COMPLIANT_RECORD_TOUCHED, "r6 (exempt) deleted", d));

        d = valid().batch(0, 1, new int[] {SG, JP}, 0).delete(JP, DeletionReason.AFTER_MOVE, 0, 1, 0);
        cases.add(only(
                VerificationCheck.DESTINATION_NOT_ALLOWED,
                "r0 also copied to jp (then deleted there after its us1 copy)",
                d));

        d = valid();
        d.batches.set(0, d.batch(0, d.route(SG, JP, US2), 0, 1, R, 0));
        cases.add(only(
                VerificationCheck.TRANSIT_FORBIDDEN,
                "r0 through jp under a US-only transit policy",
                new Fixture(1L << 40, 1e12, 1e12, true, o -> o),
                d));

        d = valid();
        d.batches.set(0, d.batch(0, d.route(JP, US2), 0, 1, R, 0));
        cases.add(only(VerificationCheck.SOURCE_NOT_HELD, "r0 copied from jp, which never held it", d));

        d = valid().batch(2, 3, new int[] {SG, US1}, 7);
        cases.add(only(VerificationCheck.DESTINATION_ALREADY_HOLDS, "r7 copied to us1 a second time", d));

        d = valid().withoutBatch(0).block(BlockReason.UNMOVABLE_UNDELETABLE, "videos", 0);
        d.deletions.remove(deletionOf(d, 0, SG));
        d.byBlock.put(BlockReason.UNMOVABLE_UNDELETABLE, new Tally(2, 2 * R));
        d.reclass(RecordClass.MOVE, RecordClass.BLOCKED);
        cases.add(only(VerificationCheck.BLOCKED_BUT_DELETABLE, "r0 (deletable videos) listed as blocked", d));

        d = valid().batch(2, 3, new int[] {SG, US1}, 1);
        cases.add(only(VerificationCheck.BLOCKED_BUT_HANDLED, "r1 (blocked) copied to us1", d));

        d = valid().batch(4, 5, new int[] {US1, US2}, 5).reclass(RecordClass.ENOUGH_REPLICAS, RecordClass.MOVE);
        cases.add(only(VerificationCheck.MOVED_AND_DELETED, "r5 copied to us2 and deleted at sg as excess", d));

        // A record in no class is missing from the classes' sum, which the audit checks.
        d = valid();
        d.deletions.remove(deletionOf(d, 3, JP));
        d.deletions.remove(deletionOf(d, 3, SG));
        d.byClass.remove(RecordClass.DELETE);
        d.byReason.clear();
        cases.add(with(
                VerificationCheck.VIOLATING_UNHANDLED,
                "r3's deletions left out",
                d,
                VerificationCheck.VIOLATING_TOTAL));

        d = valid();
        d.deletions.remove(deletionOf(d, 0, SG));
        cases.add(only(VerificationCheck.VIOLATING_AT_END, "r0 copied but its source never deleted", d));

        // Totals.
        d = valid();
        d.byClass.put(RecordClass.MOVE, new Tally(2, 2 * R));
        d.byClass.put(RecordClass.ENOUGH_REPLICAS, new Tally(4, 4 * R));
        cases.add(only(VerificationCheck.CLASS_TALLY, "one MOVE record counted as ENOUGH_REPLICAS", d));

        d = valid();
        d.byReason.clear();
        d.byReason.put(DeletionReason.NO_ROUTE, new Tally(1, R));
        cases.add(only(VerificationCheck.DELETION_REASON_TALLY, "r3 tallied as NO_ROUTE", d));

        d = valid();
        d.byBlock.clear();
        d.byBlock.put(BlockReason.LEGAL_HOLD, new Tally(2, 2 * R));
        cases.add(only(VerificationCheck.BLOCKED_REASON_TALLY, "r2 tallied as legal hold", d));

        d = valid();
        d.violating = new Tally(10, 10 * R);
        cases.add(only(VerificationCheck.VIOLATING_TOTAL, "10 violating records stated, 9 exist", d));

        d = valid();
        d.bytesToMove = 3 * R;
        cases.add(only(VerificationCheck.BYTES_TO_MOVE, "300 B to move stated, the batches move 400", d));

        d = valid();
        d.bytesToDelete = Map.of(
                DeletionReason.AFTER_MOVE,
                3 * R,
                DeletionReason.UNMOVABLE,
                2 * R,
                DeletionReason.EXCESS_REPLICA,
                2 * R);
        cases.add(only(VerificationCheck.BYTES_TO_DELETE, "200 B of excess replicas stated, 300 deleted", d));

        d = valid();
        d.makespan = 5.0;
        cases.add(only(VerificationCheck.MAKESPAN, "makespan 5 s, the last batch ends at 4 s", d));

        d = valid();
        d.lowerBound = 4.5;
        cases.add(only(VerificationCheck.LOWER_BOUND, "lower bound 4.5 s above the makespan 4 s", d));

        d = valid();
        d.egress = 1.0;
        cases.add(only(
                VerificationCheck.EGRESS_COST,
                "1 USD stated, the batches cost 200 B x 1 USD/GiB = 1.9e-7 USD (the check allows 1e-6 USD)",
                d));

        // Capacities.
        d = valid();
        d.batches.set(0, d.batch(0, d.route(SG, US1), 0, 0, R, 0));
        cases.add(only(VerificationCheck.BATCH_NO_TIME, "batch 0 copies 100 B in 0 s", d));

        cases.add(only(
                VerificationCheck.MAINTENANCE,
                "sg-us1 down from 0.2 to 0.8 s, batch 0 uses it from 0 to 1 s",
                Fixture.standard()
                        .withOptions(o -> o.maintenance(
                                new LinkWindow("sg", "us1", Duration.ofMillis(200), Duration.ofMillis(800)))),
                valid()));

        d = valid();
        d.batches.set(0, d.batch(0, d.route(SG, US1), 0, 0.5, R, 0));
        cases.add(only(VerificationCheck.LINK_BANDWIDTH, "batch 0 at 200 B/s on a 100 B/s link", d));

        cases.add(only(
                VerificationCheck.SITE_INGEST,
                "us1 ingests 50 B/s, batches 0 and 1 arrive at 100 B/s",
                new Fixture(1L << 40, 50, 1e12, false, o -> o),
                valid()));

        cases.add(only(
                VerificationCheck.SITE_EGRESS,
                "sg sends 50 B/s, batches 0 and 1 leave at 100 B/s",
                new Fixture(1L << 40, 1e12, 50, false, o -> o),
                valid()));

        // us1 holds r4, r5, r8, r9, r10 (500 B); batch 0 reserves 100 B at 0 s (600), batch 1 at 1 s (700).
        cases.add(only(
                VerificationCheck.STORAGE,
                "us1 stores 650 B, the plan needs 700 at 1 s",
                new Fixture(650, 1e12, 1e12, false, o -> o),
                valid()));

        legCases(cases);
        return cases.stream();
    }

    /**
     * The plan of the class comment with r0 waiting at jp, a staging site: batch 0 sg>jp [0,1] to a
     * staging copy, batch 4 jp>us2 [1,2] continuing it, r0 deleted at sg after batch 4 (t=2). The jp copy
     * goes when batch 4 lands.
     */
    static Draft legs() {
        Draft d = valid();
        d.batches.set(0, d.leg(0, d.route(SG, JP), 0, 1, R, -1, true, 0));
        d.batches.add(d.leg(4, d.route(JP, US2), 1, 2, R, 0, false, 0));
        d.deletions.set(deletionOf(d, 0, SG), Draft.deletion(SG, DeletionReason.AFTER_MOVE, 4, 2, 0));
        return d;
    }

    private static void legCases(List<Case> cases) {
        Fixture staging = Fixture.standard().withJp(1L << 40, true);
        Draft d = legs();
        d.batches.set(4, d.leg(4, d.route(JP, US2), 1, 2, R, 1, false, 0));
        cases.add(new Case(
                "batch 4 continues batch 1, which makes no staging copy: batch 0's copy at jp is never continued"
                        + " nor deleted, so r0 still violates at the end",
                VerificationCheck.LEG_PREVIOUS_UNKNOWN,
                EnumSet.of(
                        VerificationCheck.LEG_PREVIOUS_UNKNOWN,
                        VerificationCheck.STAGING_NOT_CONTINUED,
                        VerificationCheck.VIOLATING_AT_END),
                staging,
                d));

        d = legs();
        d.batches.set(4, d.leg(4, d.route(JP, US2), 0.5, 2, R, 0, false, 0));
        cases.add(only(
                VerificationCheck.LEG_BEFORE_PREVIOUS, "batch 4 starts at 0.5 s, batch 0 ends at 1 s", staging, d));

        // sg-us1 is free from 4 s (batch 3 is us1>us2 [3,4]); sg holds r0 until its deletion at 5 s.
        d = legs();
        d.batches.set(4, d.leg(4, d.route(SG, US1), 4, 5, R, 0, false, 0));
        d.deletions.set(deletionOf(d, 0, SG), Draft.deletion(SG, DeletionReason.AFTER_MOVE, 4, 5, 0));
        cases.add(only(VerificationCheck.LEG_SOURCE, "batch 4 copies r0 from sg, not from jp", staging, d));

        d = legs();
        d.batches.set(4, d.leg(4, d.route(JP, US2), 1, 3, 2 * R, 0, false, 0));
        d.deletions.set(deletionOf(d, 0, SG), Draft.deletion(SG, DeletionReason.AFTER_MOVE, 4, 3, 0));
        cases.add(new Case(
                "batch 4 says 200 B for r0 (100 B), batch 0 100 B: its stated bytes are wrong too",
                VerificationCheck.LEG_RECORDS,
                EnumSet.of(VerificationCheck.LEG_RECORDS, VerificationCheck.BATCH_BYTES),
                staging,
                d));

        d = valid();
        d.batches.add(d.leg(4, d.route(SG, JP), 0, 1, R, -1, true, 0));
        cases.add(new Case(
                "batch 4 stages r0 at jp and no leg continues it: the jp copy stays, so r0 violates at the end",
                VerificationCheck.STAGING_NOT_CONTINUED,
                EnumSet.of(VerificationCheck.STAGING_NOT_CONTINUED, VerificationCheck.VIOLATING_AT_END),
                staging,
                d));

        cases.add(only(
                VerificationCheck.STAGING_NOT_ALLOWED,
                "r0 waits at jp, which the policy does not list as a staging site",
                Fixture.standard(),
                legs()));

        // jp holds r3 (100 B), deleted at 0 s (frees first); the staging copy of r0 reserves 100 B at 0 s.
        cases.add(only(
                VerificationCheck.STORAGE,
                "jp stores 50 B, r0's staging copy needs 100 at 0 s",
                Fixture.standard().withJp(50, true),
                legs()));
    }

    @Test
    void verify_handMadePlanWithLegs_isValid() {
        VerificationResult result = PlanVerifier.verify(
                legs().build(), Fixture.standard().withJp(100, true).problem());

        assertThat(result.isValid()).as("%s", result).isTrue();
    }

    @Test
    void verify_handMadePlan_isValid() {
        VerificationResult result =
                PlanVerifier.verify(valid().build(), Fixture.standard().problem());

        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(result.failedChecks()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verify_planBreakingOneCheck_failsExactlyTheExpectedChecks(Case c) {
        VerificationResult result =
                PlanVerifier.verify(c.plan().build(), c.fixture().problem());

        assertThat(result.failedChecks()).as("%s: %s", c, result).containsExactlyInAnyOrderElementsOf(c.expected());
        assertThat(result.violations()).as("%s", c).isNotEmpty();
    }

    @Test
    void cases_coverEveryCheck() {
        Set<VerificationCheck> targeted = cases().map(Case::target)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VerificationCheck.class)));

        assertThat(targeted).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(VerificationCheck.class));
        assertThat(VerificationCheck.values()).hasSize(49);
    }
}
