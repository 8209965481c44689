package dev.residency.plan.internal.solve;

import com.google.common.collect.ImmutableList;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits each demand's records over its streams, priority class by priority class (highest keep
 * priority first; within a class by demand index, so never by the order of rows or groups in the
 * store), in up to three passes per class:
 *
 * <ol>
 *   <li>Within quota: records in store order, each to the first stream (in wave order) whose quota
 *       still holds it whole and whose destination has exact free storage left for it. The quotas are
 *       the solver's flow, which respects every destination's storage, so this pass never takes room
 *       another demand's quota counts on.
 *   <li>Rounding: records are whole, so quotas are rarely filled exactly and a few records are left. A
 *       stream whose capacities stay constant after it (the last wave, not {@code strict}) whose quota
 *       is not yet full takes one more, so it exceeds its quota by less than one record and runs a little
 *       longer (under a hard deadline only while it still ends by the deadline). Strict streams never
 *       exceed their quota. As the demand's quotas sum to at least its bytes, some stream always has
 *       room unless a deadline or storage forbids it.
 *   <li>Spill (only where the caller re-times the last wave and there is no hard deadline): whole
 *       records can still miss every stream of their demand when the strict streams' quotas are each
 *       smaller than a record or do not pack (quotas 2,320 and 2,175 B cannot hold records of 1,833,
 *       1,668 and 994 B, though they sum to them). Such a record goes to a spill stream of its part,
 *       on the route of the part's largest stream, starting once every strict stream has ended and
 *       capacities are constant (the last interval), so it collides with nothing but the last wave,
 *       which the assembler re-times together with it. A part spills only while its records stay
 *       within the sum of its quotas: the solver reserved destination storage for exactly that, so a
 *       spill never takes room another demand's quota counts on, and a lower priority class (whose
 *       passes come later) can no longer take the room of a higher one's record that did not pack.
 * </ol>
 *
 * <p>A record needing several copies gets one stream of each of its demand's parts (whose
 * destinations are disjoint), or none. Records that fit nowhere stay unassigned (deleted or blocked
 * later).
 */
final class RecordAssignment {

    /** The streams given, then the spill streams the assignment added (their quota is what they carry). */
    final ImmutableList<RouteFlow> streams;

    final int[] streamOffsets;
    final int[] streamRecords;
    final long[] streamBytes;
    final boolean[] assigned;
    private final int[][] lists;
    private final int[] sizes;
    private final long[] partBytes;

    private RecordAssignment(AggregatedProblem p, List<RouteFlow> given, double deadline, boolean spill) {
        List<RouteFlow> streams = new ArrayList<>(given);
        RecordStore store = p.problem.store();
        RecordGroups groups = p.triage.groups;
        int n = store.size();
        int demands = p.partsOfDemand.length;
        int[] demandStart = new int[demands + 1];
        int[] demandOfRecord = new int[n];
        for (int i = 0; i < n; i++) {
            int d = p.demandOfGroup[groups.groupOf(i)];
            demandOfRecord[i] = d;
            if (d >= 0) {
                demandStart[d + 1]++;
            }
        }
        for (int d = 0; d < demands; d++) {
            demandStart[d + 1] += demandStart[d];
        }
        int[] fill = Arrays.copyOf(demandStart, demands);
        int[] byDemand = new int[demandStart[demands]];
        for (int i = 0; i < n; i++) {
            if (demandOfRecord[i] >= 0) {
                byDemand[fill[demandOfRecord[i]]++] = i;
            }
        }
        int s = streams.size();
        int parts = p.demandCount();
        int[][] streamsOf = new int[parts][];
        int[] perPart = new int[parts];
        for (RouteFlow stream : streams) {
            perPart[stream.demand()]++;
        }
        for (int d = 0; d < parts; d++) {
            streamsOf[d] = new int[perPart[d]];
            perPart[d] = 0;
        }
        for (int k = 0; k < s; k++) {
            int d = streams.get(k).demand();
            streamsOf[d][perPart[d]++] = k;
        }
        long[] limit = new long[s];
        for (int k = 0; k < s; k++) {
            RouteFlow stream = streams.get(k);
            double byDeadline = (deadline - stream.startSeconds()) * stream.bytesPerSecond();
            limit[k] = stream.strict()
                    ? stream.quotaBytes()
                    : (long) Math.min(Long.MAX_VALUE / 2.0, Math.floor(byDeadline * (1 - 1e-12)));
        }
        long[] free = p.freeStorage.clone();
        // Room for one spill stream per part.
        streamBytes = new long[s + parts];
        lists = new int[s + parts][];
        sizes = new int[s + parts];
        partBytes = new long[parts];
        assigned = new boolean[n];
        long[] partQuota = new long[parts];
        for (RouteFlow stream : given) {
            partQuota[stream.demand()] += stream.quotaBytes();
        }
        Spill spills = spill && Double.isInfinite(deadline) ? new Spill(p, given) : null;
        // Demands by keep priority, highest first, then by index: the overshoot pass below may take
        // storage that no quota reserved, and the higher priority must get it first whatever the order
        // of rows and groups in the store.
        Integer[] byPriority = new Integer[demands];
        for (int d = 0; d < demands; d++) {
            byPriority[d] = d;
        }
        Arrays.sort(byPriority, (a, b) -> {
            int c = Integer.compare(p.demandPriority[p.partsOfDemand[b][0]], p.demandPriority[p.partsOfDemand[a][0]]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int from = 0; from < demands; ) {
            int priority = p.demandPriority[p.partsOfDemand[byPriority[from]][0]];
            int to = from;
            while (to < demands && p.demandPriority[p.partsOfDemand[byPriority[to]][0]] == priority) {
                to++;
            }
            for (int pass = 0; pass < (spills == null ? 2 : 3); pass++) {
                for (int x = from; x < to; x++) {
                    int d = byPriority[x];
                    int[] partIds = p.partsOfDemand[d];
                    int copies = partIds.length;
                    int[] chosen = new int[copies];
                    for (int r = demandStart[d]; r < demandStart[d + 1]; r++) {
                        int record = byDemand[r];
                        if (assigned[record]) {
                            continue;
                        }
                        long bytes = store.bytes(record);
                        int found = 0;
                        for (int part : partIds) {
                            int pick = -1;
                            if (pass == 2) {
                                if (partBytes[part] + bytes <= partQuota[part]) {
                                    int k = spills.streamOf(part, streamsOf[part], streams);
                                    if (k >= 0 && free[streams.get(k).destination()] >= bytes) {
                                        pick = k;
                                    }
                                }
                                if (pick < 0) {
                                    break;
                                }
                                chosen[found++] = pick;
                                continue;
                            }
                            for (int k : streamsOf[part]) {
                                RouteFlow stream = streams.get(k);
                                boolean fits = pass == 0
                                        ? streamBytes[k] + bytes <= Math.min(stream.quotaBytes(), limit[k])
                                        : streamBytes[k] < stream.quotaBytes() && streamBytes[k] + bytes <= limit[k];
                                if (fits && free[stream.destination()] >= bytes) {
                                    pick = k;
                                    break;
                                }
                            }
                            if (pick < 0) {
                                break;
                            }
                            chosen[found++] = pick;
                        }
                        if (found == copies) {
                            assign(record, bytes, chosen, streams, free);
                        }
                    }
                }
            }
            from = to;
        }
        // A spill stream's quota is what it carries.
        for (int k = s; k < streams.size(); k++) {
            RouteFlow t = streams.get(k);
            streams.set(
                    k,
                    new RouteFlow(
                            t.demand(),
                            t.wave(),
                            t.startSeconds(),
                            t.source(),
                            t.destination(),
                            t.arcs(),
                            streamBytes[k],
                            t.bytesPerSecond(),
                            false));
        }
        this.streams = ImmutableList.copyOf(streams);
        int all = streams.size();
        streamOffsets = new int[all + 1];
        for (int k = 0; k < all; k++) {
            streamOffsets[k + 1] = streamOffsets[k] + sizes[k];
        }
        streamRecords = new int[streamOffsets[all]];
        for (int k = 0; k < all; k++) {
            if (sizes[k] > 0) {
                System.arraycopy(lists[k], 0, streamRecords, streamOffsets[k], sizes[k]);
            }
        }
    }

    private void assign(int record, long bytes, int[] chosen, List<RouteFlow> streams, long[] free) {
        assigned[record] = true;
        for (int k : chosen) {
            free[streams.get(k).destination()] -= bytes;
            streamBytes[k] += bytes;
            partBytes[streams.get(k).demand()] += bytes;
            if (lists[k] == null) {
                lists[k] = new int[16];
            } else if (sizes[k] == lists[k].length) {
                lists[k] = Arrays.copyOf(lists[k], sizes[k] * 2);
            }
            lists[k][sizes[k]++] = record;
        }
    }

    /**
     * Assigns the records; a stream may run past its quota only while it ends by {@code
     * copyDeadlineSeconds}; records that miss every stream go to spill streams if {@code spill} (the
     * caller re-times the last wave) and the copy deadline is infinite.
     */
    static RecordAssignment of(
            AggregatedProblem p, List<RouteFlow> streams, double copyDeadlineSeconds, boolean spill) {
        return new RecordAssignment(p, streams, copyDeadlineSeconds, spill);
    }

    /**
     * Where spill streams start: at the latest of the timeline's last interval start, every strict
     * stream's end and every last-wave stream's start, so that capacities are constant from then on
     * and only the last wave runs beside them; in the last wave if there is one, else in a new wave
     * after every other.
     */
    private static final class Spill {
        final double start;
        final int wave;
        final int[] streamOfPart;

        Spill(AggregatedProblem p, List<RouteFlow> streams) {
            double at = p.timeline.start(p.timeline.intervalCount() - 1);
            int lastWave = -1;
            int maxWave = -1;
            for (RouteFlow stream : streams) {
                maxWave = Math.max(maxWave, stream.wave());
                if (stream.strict()) {
                    at = Math.max(at, stream.startSeconds() + stream.quotaBytes() / stream.bytesPerSecond());
                } else {
                    at = Math.max(at, stream.startSeconds());
                    lastWave = stream.wave();
                }
            }
            start = at;
            wave = lastWave >= 0 ? lastWave : maxWave + 1;
            streamOfPart = new int[p.demandCount()];
            Arrays.fill(streamOfPart, -1);
        }

        /**
         * Returns the index of {@code part}'s spill stream, added to {@code streams} on the route of the
         * part's largest one-leg stream (the first of them on ties) the first time; -1 if the part has
         * none.
         */
        int streamOf(int part, int[] partStreams, List<RouteFlow> streams) {
            if (streamOfPart[part] >= 0) {
                return streamOfPart[part];
            }
            RouteFlow largest = null;
            for (int k : partStreams) {
                // A spill runs from the part's source: never on a flow with legs through a staging copy.
                RouteFlow stream = streams.get(k);
                if (stream.earlier().isEmpty() && (largest == null || stream.quotaBytes() > largest.quotaBytes())) {
                    largest = stream;
                }
            }
            if (largest != null) {
                streamOfPart[part] = streams.size();
                streams.add(new RouteFlow(
                        part,
                        wave,
                        start,
                        largest.source(),
                        largest.destination(),
                        largest.arcs(),
                        0,
                        largest.bytesPerSecond(),
                        false));
            }
            return streamOfPart[part];
        }
    }
}
