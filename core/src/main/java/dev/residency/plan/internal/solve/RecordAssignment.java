package dev.residency.plan.internal.solve;

import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import java.util.Arrays;
import java.util.List;

/**
 * Splits each demand's records over its streams, priority class by priority class (highest keep
 * priority first; within a class by demand index, so never by the order of rows or groups in the
 * store), in two passes per class:
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
 * </ol>
 *
 * <p>A record needing several copies gets one stream of each of its demand's parts (whose
 * destinations are disjoint), or none. Records that fit nowhere stay unassigned (deleted or blocked
 * later).
 */
final class RecordAssignment {

    final int[] streamOffsets;
    final int[] streamRecords;
    final long[] streamBytes;
    final boolean[] assigned;
    private final int[][] lists;
    private final int[] sizes;

    private RecordAssignment(AggregatedProblem p, List<RouteFlow> streams, double deadline) {
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
        streamBytes = new long[s];
        lists = new int[s][];
        sizes = new int[s];
        assigned = new boolean[n];
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
            for (int pass = 0; pass < 2; pass++) {
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
        streamOffsets = new int[s + 1];
        for (int k = 0; k < s; k++) {
            streamOffsets[k + 1] = streamOffsets[k] + sizes[k];
        }
        streamRecords = new int[streamOffsets[s]];
        for (int k = 0; k < s; k++) {
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
            if (lists[k] == null) {
                lists[k] = new int[16];
            } else if (sizes[k] == lists[k].length) {
                lists[k] = Arrays.copyOf(lists[k], sizes[k] * 2);
            }
            lists[k][sizes[k]++] = record;
        }
    }

    /** Assigns the records; a stream may run past its quota only while it ends by {@code copyDeadlineSeconds}. */
    static RecordAssignment of(AggregatedProblem p, List<RouteFlow> streams, double copyDeadlineSeconds) {
        return new RecordAssignment(p, streams, copyDeadlineSeconds);
    }
}
