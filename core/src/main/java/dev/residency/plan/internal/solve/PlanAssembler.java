package dev.residency.plan.internal.solve;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.BlockReason;
import dev.residency.audit.Tally;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Classification;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PartTiming;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.RecordClass;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Route;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Turns streams into a {@link MigrationPlan}: assigns records to streams, cuts each stream into
 * batches of about the target size that run back to back at the stream's rate from its start,
 * schedules the deletions, lists the blocked records and tallies the classification.
 *
 * <p>Batch times: a stream starting at {@code t0} with rate {@code r} over a route of latency {@code L}
 * gives its {@code k}-th batch (from 0) the interval {@code [t0 + B_k / r + k L, t0 + B_{k+1} / r + (k+1)
 * L]}, where {@code B_k} is the bytes of the batches before it: each batch waits for the route's latency
 * before its first byte moves, as the executor runs it (the next batch of a stream starts once the last
 * byte of the one before has arrived), so the planned interval of a batch covers its latency and a
 * stream of {@code n} batches ends {@code n L} after its flow's interval; a stream of a later interval
 * that shares a link, ingest or egress with it starts after that ({@link LatencyLayout}). Where an
 * interval ends at a maintenance window of a link the stream crosses, the batches would end inside the
 * window and wait for it to close: {@link Assembled#windowOverrunSeconds()} says by how much, and {@link
 * FlowPlanner} re-solves with that much of the link's time reserved before the window ({@link
 * AggregatedProblem#withWindowReserves}). A hard deadline is treated the same way through {@link
 * Assembled#lateSeconds()}.
 */
final class PlanAssembler {

    private PlanAssembler() {}

    /**
     * A plan and how much later than the hard deadline its latest batch would have counted as moved
     * (0 if none was late); such batches are left out of the plan and their records deleted.
     */
    record Assembled(
            MigrationPlan plan,
            double lateSeconds,
            double[] windowOverrunSeconds,
            AggregatedProblem problem,
            long[] movedPerDemand) {

        /** Returns this assembly with its bounds computed on {@code base} (the problem without window reserves). */
        Assembled on(AggregatedProblem base) {
            return new Assembled(plan, lateSeconds, windowOverrunSeconds, base, movedPerDemand);
        }

        /**
         * Returns the plan with its lower bounds: the makespan's ({@link MakespanBound}), the
         * violation-time integral's and every part's ({@link ComplianceBounds}). Computed only for the
         * plan a planner keeps, since each takes a few dozen max-flows.
         */
        MigrationPlan bounded() {
            MigrationPlan p = plan;
            MakespanBound.Bound bound = MakespanBound.lowerBound(problem, movedPerDemand);
            String method = p.method()
                    + bound.lpFailure()
                            .map(why -> "; makespan bound from the relaxation only (the multi-commodity LP failed: "
                                    + why + ")")
                            .or(() -> bound.lpSkipped()
                                    .map(why -> "; makespan bound from the relaxation only (" + why + ")"))
                            .orElse("");
            return new MigrationPlan(
                    p.planner(),
                    p.classification(),
                    p.batches(),
                    p.deletions(),
                    p.blocked(),
                    p.makespanSeconds(),
                    bound.seconds(),
                    p.egressCostUsd(),
                    p.bytesToMove(),
                    p.bytesToDeleteByReason(),
                    p.violatingBytesAtDeadline(),
                    method,
                    p.areaByteSeconds(),
                    ComplianceBounds.areaLowerBound(problem, movedPerDemand),
                    partTimings(problem, p.batches(), movedPerDemand));
        }
    }

    static Assembled assemble(
            AggregatedProblem p,
            List<RouteFlow> unsorted,
            DeletionReason[] shortfall,
            String planner,
            String method,
            boolean rebalanceLastWave,
            double copyDeadlineSeconds) {
        List<RouteFlow> streams = new ArrayList<>(unsorted);
        streams.sort(Comparator.comparingInt(RouteFlow::wave).thenComparingDouble(RouteFlow::startSeconds));
        RecordStore store = p.problem.store();
        Topology topology = p.topology;
        RecordGroups groups = p.triage.groups;
        Triage triage = p.triage;
        RecordAssignment assignment = RecordAssignment.of(p, streams, copyDeadlineSeconds, rebalanceLastWave);
        streams = assignment.streams;

        int[] waveIds = waveIds(streams, assignment);
        double[] rates = rebalanceLastWave
                ? rebalancedRates(p, streams, assignment)
                : streams.stream().mapToDouble(RouteFlow::bytesPerSecond).toArray();
        PlanOptions options = p.problem.options();
        double deadline = options.deadline().map(Durations::seconds).orElse(Double.NaN);
        boolean[] dropped = new boolean[store.size()];
        Built built = build(p, streams, assignment, rates, waveIds, dropped);
        double[] done = completionSeconds(p, built);
        double late = 0;
        if (options.hardDeadline()) {
            // A batch that cannot be verified and cut over by the deadline would be aborted there: its
            // records are deleted now for DEADLINE instead, so the plan promises only what it keeps.
            boolean any = false;
            for (TransferBatch batch : built.batches) {
                if (!batch.staging() && done[batch.id()] > deadline) {
                    late = Math.max(late, done[batch.id()] - deadline);
                    any = true;
                    for (int i = 0; i < batch.records().length(); i++) {
                        dropped[batch.records().get(i)] = true;
                    }
                }
            }
            if (any) {
                built = build(p, streams, assignment, rates, waveIds, dropped);
                done = completionSeconds(p, built);
            }
        }
        List<TransferBatch> batches = built.batches;
        double[] overrun = windowOverruns(p, batches);
        int[] lastBatch = built.lastBatch;
        long[] movedPerDemand = built.movedPerDemand;
        double egress = built.egress;
        long bytesToMove = built.bytesToMove;

        Map<DeletionReason, Map<Integer, ImmutableIntArray.Builder>> atOnce = new EnumMap<>(DeletionReason.class);
        Map<Integer, Map<Integer, ImmutableIntArray.Builder>> afterMove = new TreeMap<>();
        Map<List<Object>, ImmutableIntArray.Builder> blocked = new TreeMap<>(PlanAssembler::compareKeys);
        Map<RecordClass, Tally> byClass = new EnumMap<>(RecordClass.class);
        Map<DeletionReason, Tally> deletedByReason = new EnumMap<>(DeletionReason.class);
        Map<BlockReason, Tally> blockedByReason = new EnumMap<>(BlockReason.class);
        Tally violating = Tally.ZERO;
        int[][] violatingSites = new int[groups.count()][];
        long violatingAtDeadline = 0;
        for (int i = 0; i < store.size(); i++) {
            int g = groups.groupOf(i);
            byte fate = triage.fate[g];
            if (fate == Triage.UNTOUCHED) {
                continue;
            }
            long bytes = store.bytes(i);
            violating = violating.plus(1, bytes);
            if (violatingSites[g] == null) {
                violatingSites[g] = triage.violatingSites(g);
            }
            RecordClass recordClass;
            DeletionReason reason = null;
            BlockReason block = null;
            if (fate == Triage.MOVE && lastBatch[i] >= 0) {
                recordClass = RecordClass.MOVE;
                TransferBatch batch = batches.get(lastBatch[i]);
                for (int site : violatingSites[g]) {
                    afterMove
                            .computeIfAbsent(lastBatch[i], b -> new TreeMap<>())
                            .computeIfAbsent(site, s -> ImmutableIntArray.builder())
                            .add(i);
                }
                if (done[batch.id()] > deadline) {
                    violatingAtDeadline += bytes;
                }
            } else if (fate == Triage.BLOCKED) {
                recordClass = RecordClass.BLOCKED;
                block = triage.blockReason[g];
            } else if (fate == Triage.MOVE) {
                reason = p.problem.options().hardDeadline() ? DeletionReason.DEADLINE : DeletionReason.NO_STORAGE;
                for (int part : p.partsOfDemand[p.demandOfGroup[g]]) {
                    if (shortfall[part] != null) {
                        reason = shortfall[part];
                        break;
                    }
                }
                recordClass = RecordClass.DELETE;
                if (!triage.deletable(g)) {
                    recordClass = RecordClass.BLOCKED;
                    block = BlockReason.UNMOVABLE_UNDELETABLE;
                    reason = null;
                }
            } else {
                recordClass = fate == Triage.ENOUGH ? RecordClass.ENOUGH_REPLICAS : RecordClass.DELETE;
                reason = triage.deleteReason[g];
            }
            byClass.merge(recordClass, new Tally(1, bytes), Tally::plus);
            if (recordClass == RecordClass.BLOCKED) {
                blockedByReason.merge(block, new Tally(1, bytes), Tally::plus);
                String rule = p.triage.index.rule(triage.rule[g]).name();
                blocked.computeIfAbsent(
                                List.of(
                                        rule,
                                        block,
                                        store.jurisdictions()
                                                .get(groups.home(g))
                                                .code(),
                                        store.categories()
                                                .get(groups.category(g))
                                                .name()),
                                key -> ImmutableIntArray.builder())
                        .add(i);
                if (!Double.isNaN(deadline)) {
                    violatingAtDeadline += bytes;
                }
            } else if (reason != null) {
                if (recordClass == RecordClass.DELETE) {
                    deletedByReason.merge(reason, new Tally(1, bytes), Tally::plus);
                }
                Map<Integer, ImmutableIntArray.Builder> bySite = atOnce.computeIfAbsent(reason, x -> new TreeMap<>());
                for (int site : violatingSites[g]) {
                    bySite.computeIfAbsent(site, s -> ImmutableIntArray.builder())
                            .add(i);
                }
            }
        }

        List<Deletion> deletions = new ArrayList<>();
        Map<DeletionReason, Long> bytesByReason = new EnumMap<>(DeletionReason.class);
        atOnce.forEach((reason, bySite) -> bySite.forEach((site, builder) -> {
            ImmutableIntArray records = builder.build();
            long bytes = sum(store, records);
            deletions.add(new Deletion(site, records, bytes, reason, OptionalInt.empty(), 0));
            bytesByReason.merge(reason, bytes, Long::sum);
        }));
        afterMove.forEach((batch, bySite) -> bySite.forEach((site, builder) -> {
            ImmutableIntArray records = builder.build();
            long bytes = sum(store, records);
            deletions.add(new Deletion(
                    site,
                    records,
                    bytes,
                    DeletionReason.AFTER_MOVE,
                    OptionalInt.of(batch),
                    batches.get(batch).plannedEndSeconds()));
            bytesByReason.merge(DeletionReason.AFTER_MOVE, bytes, Long::sum);
        }));
        List<BlockedGroup> blockedGroups = new ArrayList<>();
        blocked.forEach((key, builder) -> {
            ImmutableIntArray records = builder.build();
            blockedGroups.add(new BlockedGroup(
                    (String) key.get(0),
                    (BlockReason) key.get(1),
                    dev.residency.geo.Jurisdiction.of((String) key.get(2)),
                    (String) key.get(3),
                    records,
                    sum(store, records)));
        });
        double makespan = batches.stream()
                .mapToDouble(TransferBatch::plannedEndSeconds)
                .max()
                .orElse(0);
        double area = 0;
        for (TransferBatch batch : batches) {
            if (!batch.staging()) {
                area += batch.bytes() * batch.plannedEndSeconds();
            }
        }
        return new Assembled(
                new MigrationPlan(
                        planner,
                        new Classification(
                                violating,
                                com.google.common.collect.ImmutableSortedMap.copyOf(byClass),
                                com.google.common.collect.ImmutableSortedMap.copyOf(deletedByReason),
                                com.google.common.collect.ImmutableSortedMap.copyOf(blockedByReason)),
                        ImmutableList.copyOf(batches),
                        ImmutableList.copyOf(deletions),
                        ImmutableList.copyOf(blockedGroups),
                        makespan,
                        0,
                        egress,
                        bytesToMove,
                        com.google.common.collect.ImmutableSortedMap.copyOf(bytesByReason),
                        violatingAtDeadline,
                        method,
                        area,
                        0,
                        ImmutableList.of()),
                late,
                overrun,
                p,
                movedPerDemand);
    }

    /**
     * Returns per home jurisdiction and per rule with moved data, when its last batch ends and the lower
     * bound of its demand alone ({@link ComplianceBounds#partLowerBoundSeconds}).
     */
    private static ImmutableList<PartTiming> partTimings(
            AggregatedProblem p, List<TransferBatch> batches, long[] movedPerDemand) {
        RecordStore store = p.problem.store();
        RecordGroups groups = p.triage.groups;
        int homes = store.jurisdictions().size();
        int rules = p.triage.index.policy().rules().size();
        double[] homeEnd = new double[homes];
        double[] ruleEnd = new double[rules];
        long[] homeBytes = new long[homes];
        long[] ruleBytes = new long[rules];
        for (TransferBatch batch : batches) {
            if (batch.staging()) {
                continue;
            }
            for (int k = 0; k < batch.records().length(); k++) {
                int i = batch.records().get(k);
                int g = groups.groupOf(i);
                int h = groups.home(g);
                int r = p.triage.rule[g];
                homeEnd[h] = Math.max(homeEnd[h], batch.plannedEndSeconds());
                ruleEnd[r] = Math.max(ruleEnd[r], batch.plannedEndSeconds());
                homeBytes[h] += store.bytes(i);
                ruleBytes[r] += store.bytes(i);
            }
        }
        ImmutableList.Builder<PartTiming> parts = ImmutableList.builder();
        for (int h = 0; h < homes; h++) {
            if (homeBytes[h] > 0) {
                boolean[] mask = new boolean[p.demandCount()];
                for (int d = 0; d < mask.length; d++) {
                    mask[d] = p.demandHome[d] == h;
                }
                double partBound = ComplianceBounds.partLowerBoundSeconds(p, movedPerDemand, mask);
                parts.add(new PartTiming(
                        PartTiming.HOME, store.jurisdictions().get(h).code(), homeBytes[h], homeEnd[h], partBound));
            }
        }
        for (int r = 0; r < rules; r++) {
            if (ruleBytes[r] > 0) {
                boolean[] mask = new boolean[p.demandCount()];
                for (int d = 0; d < mask.length; d++) {
                    mask[d] = p.demandRule[d] == r;
                }
                double partBound = ComplianceBounds.partLowerBoundSeconds(p, movedPerDemand, mask);
                parts.add(new PartTiming(
                        PartTiming.RULE, p.triage.index.rule(r).name(), ruleBytes[r], ruleEnd[r], partBound));
            }
        }
        return parts.build();
    }

    /** The batches cut from the streams, with what they move. */
    private static final class Built {
        final List<TransferBatch> batches = new ArrayList<>();

        int[] lastBatch;
        long[] movedPerDemand;
        double egress;
        long bytesToMove;
    }

    /**
     * Cuts each stream's records, except the {@code dropped} ones, into batches of about the target size
     * that run back to back at the stream's rate, each batch's interval covering its route's latency
     * before its first byte (see the class comment), each stream from its start in {@link LatencyLayout}.
     */
    private static Built build(
            AggregatedProblem p,
            List<RouteFlow> streams,
            RecordAssignment assignment,
            double[] rates,
            int[] waveIds,
            boolean[] dropped) {
        RecordStore store = p.problem.store();
        Topology topology = p.topology;
        long target = p.problem.options().targetBatchBytes();
        Built built = new Built();
        built.lastBatch = new int[store.size()];
        Arrays.fill(built.lastBatch, -1);
        built.movedPerDemand = new long[p.demandCount()];
        List<TransferBatch> batches = built.batches;
        int[][] kept = new int[streams.size()][];
        int[] batchCounts = new int[streams.size()];
        long[] streamBytes = new long[streams.size()];
        for (int k = 0; k < streams.size(); k++) {
            kept[k] = Arrays.stream(
                            assignment.streamRecords, assignment.streamOffsets[k], assignment.streamOffsets[k + 1])
                    .filter(i -> !dropped[i])
                    .toArray();
            long chunk = 0;
            for (int r = 0; r <= kept[k].length; r++) {
                long bytes = r < kept[k].length ? store.bytes(kept[k][r]) : 0;
                // The same cuts as the loop below makes.
                if (r == kept[k].length ? r > 0 : chunk > 0 && chunk + bytes > target) {
                    batchCounts[k]++;
                    chunk = 0;
                }
                chunk += bytes;
                streamBytes[k] += bytes;
            }
        }
        double[][] starts = LatencyLayout.starts(topology, streams, rates, batchCounts, streamBytes);
        for (int k = 0; k < streams.size(); k++) {
            RouteFlow stream = streams.get(k);
            int[] records = kept[k];
            if (records.length == 0) {
                continue;
            }
            Route route = Route.of(topology, ImmutableIntArray.copyOf(stream.arcs()));
            double costPerByte = route.costPerByte(topology);
            double latency = route.latencySeconds(topology);
            long before = 0;
            int start = 0;
            long chunk = 0;
            int position = 0;
            for (int r = 0; r <= records.length; r++) {
                long bytes = r < records.length ? store.bytes(records[r]) : 0;
                if (r == records.length || (chunk > 0 && chunk + bytes > target)) {
                    ImmutableIntArray batchRecords = ImmutableIntArray.copyOf(Arrays.copyOfRange(records, start, r));
                    ++position;
                    // The legs through staging copies first, each at its own interval's rate. The k-th
                    // batch of a stream (position k + 1) has waited k latencies before its start and one
                    // more before its first byte; both ends are computed by one expression, so that a
                    // batch ends exactly where the next one of its stream starts.
                    int previous = -1;
                    for (int j = 0; j < stream.earlier().size(); j++) {
                        RouteFlow.Leg leg = stream.earlier().get(j);
                        Route legRoute = Route.of(topology, ImmutableIntArray.copyOf(leg.arcs()));
                        double legLatency = legRoute.latencySeconds(topology);
                        int legId = batches.size();
                        batches.add(new TransferBatch(
                                legId,
                                waveIds[leg.wave()],
                                leg.source(),
                                leg.destination(),
                                legRoute,
                                batchRecords,
                                chunk,
                                at(starts[k][j], before, leg.bytesPerSecond(), position - 1, legLatency),
                                at(starts[k][j], before + chunk, leg.bytesPerSecond(), position, legLatency),
                                previous,
                                true));
                        built.egress += chunk * legRoute.costPerByte(topology);
                        previous = legId;
                    }
                    int id = batches.size();
                    double first = starts[k][stream.earlier().size()];
                    double begin = at(first, before, rates[k], position - 1, latency);
                    double end = at(first, before + chunk, rates[k], position, latency);
                    batches.add(new TransferBatch(
                            id,
                            waveIds[stream.wave()],
                            stream.source(),
                            stream.destination(),
                            route,
                            batchRecords,
                            chunk,
                            begin,
                            end,
                            previous,
                            false));
                    for (int i = 0; i < batchRecords.length(); i++) {
                        int record = batchRecords.get(i);
                        if (built.lastBatch[record] < 0
                                || batches.get(built.lastBatch[record]).plannedEndSeconds() <= end) {
                            built.lastBatch[record] = id;
                        }
                    }
                    built.egress += chunk * costPerByte;
                    built.bytesToMove += chunk;
                    built.movedPerDemand[stream.demand()] += chunk;
                    before += chunk;
                    start = r;
                    chunk = 0;
                }
                chunk += bytes;
            }
        }
        return built;
    }

    /**
     * Returns when a batch of a stream starting at {@code startSeconds} with rate {@code bytesPerSecond}
     * starts or ends: after {@code bytesBefore} bytes of the stream and {@code latencies} route latencies.
     */
    private static double at(
            double startSeconds, long bytesBefore, double bytesPerSecond, int latencies, double latencySeconds) {
        return startSeconds + bytesBefore / bytesPerSecond + latencies * latencySeconds;
    }

    /**
     * Returns per maintenance window of the options, how long after the window opens the last batch on
     * its link that overlaps it ends (0 if none does): the time to reserve before the window so that the
     * batches, whose latency the solve leaves out, end before it opens.
     */
    private static double[] windowOverruns(AggregatedProblem p, List<TransferBatch> batches) {
        Topology topology = p.topology;
        List<dev.residency.plan.LinkWindow> windows = p.problem.options().maintenance();
        double[] overrun = new double[windows.size()];
        for (int w = 0; w < windows.size(); w++) {
            dev.residency.plan.LinkWindow window = windows.get(w);
            int link = topology.arcBetween(topology.siteIndex(window.from()), topology.siteIndex(window.to()))
                            .getAsInt()
                    >>> 1;
            double open = Durations.seconds(window.start());
            double close = Durations.seconds(window.end());
            for (TransferBatch batch : batches) {
                if (batch.bytes() == 0 || batch.plannedStartSeconds() >= close || batch.plannedEndSeconds() <= open) {
                    continue;
                }
                for (int h = 0; h < batch.route().hops(); h++) {
                    if (batch.route().arcs().get(h) >>> 1 == link) {
                        overrun[w] = Math.max(overrun[w], batch.plannedEndSeconds() - open);
                    }
                }
            }
        }
        return overrun;
    }

    /**
     * Returns per batch when it counts as moved, as the executor runs a fault-free plan: its copy ends
     * at the planned end (which covers the route's latency before the first byte, one per batch of its
     * stream so far); each destination then verifies the batches one at a time, in the order their
     * copies end, at {@link PlanOptions#verificationRate()}; the cut-over follows
     * after {@link PlanOptions#cutOverTime()}. A leg that continues a staging copy starts no earlier than
     * that copy's verification (its copy then ends its planned duration later); a staging copy is
     * verified, never cut over.
     */
    private static double[] completionSeconds(AggregatedProblem p, Built built) {
        PlanOptions options = p.problem.options();
        List<TransferBatch> batches = built.batches;
        int n = batches.size();
        double[] copied = new double[n];
        for (int b = 0; b < n; b++) {
            copied[b] = batches.get(b).plannedEndSeconds();
        }
        Integer[] order = new Integer[n];
        for (int b = 0; b < n; b++) {
            order[b] = b;
        }
        Arrays.sort(
                order, (a, b) -> copied[a] != copied[b] ? Double.compare(copied[a], copied[b]) : Integer.compare(a, b));
        double[] verifierFreeAt = new double[p.topology.siteCount()];
        double cutOver = Durations.seconds(options.cutOverTime());
        double[] done = new double[n];
        double[] verifiedAt = new double[n];
        for (int b : order) {
            TransferBatch batch = batches.get(b);
            if (batch.continuesLeg()) {
                // A leg starts only once its previous leg's staging copy is verified (that leg's copy
                // ended earlier, so it came first in this order); its duration covers its latency.
                double duration = batch.plannedEndSeconds() - batch.plannedStartSeconds();
                copied[b] = Math.max(copied[b], verifiedAt[batch.previousLeg()] + duration);
            }
            double verified = copied[b];
            if (options.verificationRate().isPresent()) {
                int site = batch.destination();
                double start = Math.max(copied[b], verifierFreeAt[site]);
                verifierFreeAt[site] =
                        start + batch.bytes() / options.verificationRate().get().bytesPerSecond();
                verified = verifierFreeAt[site];
            }
            verifiedAt[b] = verified;
            // A staging copy is verified but not cut over; its leg's done time is its verification.
            done[b] = batch.staging() ? verified : verified + cutOver;
        }
        return done;
    }

    /**
     * Returns each stream's rate, re-solving the last wave for the bytes actually assigned: whole
     * records rarely fill a stream's quota exactly, so the last wave's streams (all starting together,
     * capacities constant from then on) get the rates that end them all at the same instant {@code
     * t0 + max over resources of (bytes through it / its capacity)}, link arcs, ingest and egress
     * alike. That sum never exceeds a capacity and is optimal for the paths and bytes given. The last legs
     * of flows that waited at a staging site are strict (an earlier leg cannot carry overshoot) but run in
     * that wave too, so they are re-timed with the others (their bytes, their quota, are unchanged).
     */
    private static double[] rebalancedRates(AggregatedProblem p, List<RouteFlow> streams, RecordAssignment assignment) {
        double[] rates = streams.stream().mapToDouble(RouteFlow::bytesPerSecond).toArray();
        Topology topology = p.topology;
        int arcs = topology.arcCount();
        int sites = topology.siteCount();
        double[] load = new double[arcs + 2 * sites];
        // The last wave's start: the earliest non-strict stream (spill streams start later, once every
        // strict stream has ended).
        double start = Double.NaN;
        for (RouteFlow stream : streams) {
            if (!stream.strict() && !(stream.startSeconds() >= start)) {
                start = stream.startSeconds();
            }
        }
        boolean[] lastWave = new boolean[streams.size()];
        for (int k = 0; k < streams.size(); k++) {
            RouteFlow stream = streams.get(k);
            lastWave[k] = !stream.strict() || (!stream.earlier().isEmpty() && stream.startSeconds() >= start);
            if (!lastWave[k]) {
                continue;
            }
            long bytes = assignment.streamBytes[k];
            for (int a : stream.arcs()) {
                load[a] += bytes;
                load[arcs + topology.arcTo(a)] += bytes;
                load[arcs + sites + topology.arcFrom(a)] += bytes;
            }
        }
        if (Double.isNaN(start)) {
            return rates;
        }
        double duration = 0;
        for (int a = 0; a < arcs; a++) {
            duration = Math.max(duration, load[a] / topology.arcBytesPerSecond(a));
        }
        for (int v = 0; v < sites; v++) {
            duration = Math.max(
                    duration, load[arcs + v] / topology.site(v).ingest().bytesPerSecond());
            duration = Math.max(
                    duration, load[arcs + sites + v] / topology.site(v).egress().bytesPerSecond());
        }
        for (int k = 0; k < streams.size(); k++) {
            if (lastWave[k] && assignment.streamBytes[k] > 0 && duration > 0) {
                rates[k] = assignment.streamBytes[k] / duration;
            }
        }
        return rates;
    }

    private static int[] waveIds(List<RouteFlow> streams, RecordAssignment assignment) {
        int max = streams.stream()
                .mapToInt(
                        t -> t.earlier().stream().mapToInt(RouteFlow.Leg::wave).reduce(t.wave(), Math::max))
                .max()
                .orElse(-1);
        int[] ids = new int[max + 1];
        boolean[] used = new boolean[max + 1];
        for (int k = 0; k < streams.size(); k++) {
            if (assignment.streamOffsets[k + 1] > assignment.streamOffsets[k]) {
                used[streams.get(k).wave()] = true;
                for (RouteFlow.Leg leg : streams.get(k).earlier()) {
                    used[leg.wave()] = true;
                }
            }
        }
        int next = 0;
        for (int w = 0; w <= max; w++) {
            ids[w] = used[w] ? next++ : -1;
        }
        return ids;
    }

    private static long sum(RecordStore store, ImmutableIntArray records) {
        long sum = 0;
        for (int i = 0; i < records.length(); i++) {
            sum += store.bytes(records.get(i));
        }
        return sum;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
