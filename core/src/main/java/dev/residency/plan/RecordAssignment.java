package dev.residency.plan;

import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import java.util.Arrays;
import java.util.List;

/**
 * Splits each demand's records over its streams: records in store order, each to the first stream (in
 * wave order) whose quota it fits and whose destination has exact free storage left for it; a record
 * needing several copies gets one stream of each of its demand's parts (whose destinations are
 * disjoint), or none. Records are whole, so a stream's
 * quota is rarely filled exactly: a stream whose capacities stay constant after it (the last wave)
 * may take a record beyond its quota, running a little longer; under a hard deadline only as long as
 * it still ends by the deadline. Records that fit nowhere stay unassigned (deleted or blocked later).
 */
final class RecordAssignment {

    final int[] streamOffsets;
    final int[] streamRecords;
    final long[] streamBytes;
    final boolean[] assigned;

    private RecordAssignment(AggregatedProblem p, List<Stream> streams) {
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
        for (Stream stream : streams) {
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
        double deadline = p.problem.options().hardDeadline()
                ? p.problem.options().deadline().orElseThrow().toNanos() / 1e9
                : Double.POSITIVE_INFINITY;
        for (int k = 0; k < s; k++) {
            Stream stream = streams.get(k);
            double byDeadline = (deadline - stream.startSeconds()) * stream.bytesPerSecond();
            limit[k] = stream.strict()
                    ? stream.quotaBytes()
                    : (long) Math.min(Long.MAX_VALUE / 2.0, Math.floor(byDeadline * (1 - 1e-12)));
        }
        long[] free = p.freeStorage.clone();
        streamBytes = new long[s];
        int[][] lists = new int[s][];
        int[] sizes = new int[s];
        assigned = new boolean[n];
        for (int d = 0; d < demands; d++) {
            int[] partIds = p.partsOfDemand[d];
            int copies = partIds.length;
            int[] chosen = new int[copies];
            for (int r = demandStart[d]; r < demandStart[d + 1]; r++) {
                int record = byDemand[r];
                long bytes = store.bytes(record);
                int found = 0;
                for (int part : partIds) {
                    int pick = -1;
                    for (int pass = 0; pass < 2 && pick < 0; pass++) {
                        for (int k : streamsOf[part]) {
                            Stream stream = streams.get(k);
                            long cap = pass == 0 ? Math.min(stream.quotaBytes(), limit[k]) : limit[k];
                            if (streamBytes[k] + bytes <= cap && free[stream.destination()] >= bytes) {
                                pick = k;
                                break;
                            }
                        }
                    }
                    if (pick < 0) {
                        break;
                    }
                    chosen[found++] = pick;
                }
                if (found < copies) {
                    continue;
                }
                assigned[record] = true;
                for (int c = 0; c < copies; c++) {
                    int k = chosen[c];
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

    static RecordAssignment of(AggregatedProblem p, List<Stream> streams) {
        return new RecordAssignment(p, streams);
    }
}
