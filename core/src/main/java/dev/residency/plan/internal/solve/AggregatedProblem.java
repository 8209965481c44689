package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.plan.PlanningProblem;
import dev.residency.policy.PolicyIndex;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The movable demand of a planning problem, aggregated for the flow solver. A <em>commodity</em> is a
 * pair (allowed destination sites, sites the data may pass through); a <em>demand</em> is the bytes
 * of the groups that share a replica set, rule, keep priority, release date and number of copies
 * needed, to be sent from any of their violating copies to any allowed site of their commodity. A
 * record that needs {@code k > 1} new compliant copies gives {@code k} demands (parts) whose allowed
 * sites are disjoint slices of the rule's, so the copies land on distinct sites.
 *
 * <p>Building one makes one pass over the records ({@link RecordGroups} with the record mapping) and
 * then works per group. Immutable once built; thread-safe.
 */
final class AggregatedProblem {

    /** The largest number of flow units the solver lets a problem have, 2^40, so sums never overflow. */
    static final long MAX_UNITS = 1L << 40;

    final PlanningProblem problem;
    final Topology topology;
    final Triage triage;
    final Timeline timeline;
    final boolean[][] commodityDest;
    final boolean[][] commodityPass;
    /**
     * Per commodity and site, whether its data may wait there between intervals (holdover): a site it
     * may pass through and not one of its destinations, where the policy allows every demand of the
     * commodity to be staged ({@link PolicyIndex#stagingAllowed}, intersected over its demands' rules,
     * so a staging copy is never a residency violation) and whose rules do not allow the data to stay.
     * A site holding a copy of a demand's records (one of its sources) is left out, and so is a site a
     * rule allows: it is a destination, or it already holds the record, or it is
     * another copy's destination of the same record, so a staging copy there would collide with a copy
     * of the plan (and arriving there would end the move anyway). Of a record that needs several new
     * copies, only the first (part 0) may be staged, so that two copies of it never wait at one site
     * at once; a commodity that holds a later copy is staged nowhere.
     */
    final boolean[][] commodityStage;

    final int[] demandCommodity;
    final int[] demandPriority;
    /** Per demand, the home jurisdiction (index in the store) of its records. */
    final int[] demandHome;
    /** Per demand, the policy rule (index in the policy index) that moves its records. */
    final int[] demandRule;

    final double[] demandRelease;
    final long[] demandBytes;
    final int[][] demandSources;
    final boolean[] demandReachable;
    /** Per group, the index of its record demand in {@link #partsOfDemand}, or -1 if it does not move. */
    final int[] demandOfGroup;
    /** Per record demand, its parts: one solver demand per copy needed, with disjoint destinations. */
    final int[][] partsOfDemand;

    final long[] freeStorage;
    final long unitBytes;
    /** Per demand, the size of its largest record, in bytes. */
    final long[] demandMaxRecord;

    private AggregatedProblem(PlanningProblem problem) {
        this.problem = problem;
        RecordStore store = problem.store();
        this.topology = store.topology();
        int sites = topology.siteCount();
        RecordGroups groups = RecordGroups.withRecordMapping(store);
        PolicyIndex index = PolicyIndex.of(problem.policy(), store);
        this.triage = Triage.of(groups, index);

        long[] used = new long[sites];
        for (int g = 0; g < groups.count(); g++) {
            ImmutableIntArray replicas = store.replicaSets().sites(groups.replicaSet(g));
            for (int k = 0; k < replicas.length(); k++) {
                used[replicas.get(k)] += groups.bytes(g);
            }
        }
        freeStorage = new long[sites];
        for (int s = 0; s < sites; s++) {
            DataCenter dc = topology.site(s);
            long outside = problem.options().usedBytesOutsideStore().getOrDefault(dc.id(), 0L);
            freeStorage[s] = Math.max(0, dc.storage().bytes() - outside - used[s]);
        }

        double[] releaseOfHome = new double[store.jurisdictions().size()];
        Timeline probe = new Timeline(problem, new double[0]);
        for (int h = 0; h < releaseOfHome.length; h++) {
            Duration at =
                    problem.options().approvalAt().get(store.jurisdictions().get(h));
            releaseOfHome[h] = at == null ? 0 : probe.up(Durations.seconds(at));
        }

        Map<List<BitSet>, Integer> commodities = new HashMap<>();
        List<boolean[]> dests = new ArrayList<>();
        List<boolean[]> passes = new ArrayList<>();
        Map<List<Long>, Integer> recordDemands = new HashMap<>();
        List<int[]> parts = new ArrayList<>();
        List<long[]> partRows = new ArrayList<>();
        List<int[]> sources = new ArrayList<>();
        demandOfGroup = new int[groups.count()];
        Arrays.fill(demandOfGroup, -1);
        for (int g = 0; g < groups.count(); g++) {
            if (triage.fate[g] != Triage.MOVE) {
                continue;
            }
            int r = triage.rule[g];
            int priority = problem.policy().keepPriority(store.categories().get(groups.category(g)));
            double release = releaseOfHome[groups.home(g)];
            int copies = triage.copies[g];
            List<Long> key = List.of(
                    (long) groups.replicaSet(g),
                    (long) r,
                    (long) priority,
                    Double.doubleToLongBits(release),
                    (long) copies,
                    (long) groups.home(g));
            Integer rd = recordDemands.get(key);
            if (rd == null) {
                rd = parts.size();
                recordDemands.put(key, rd);
                ImmutableIntArray replicas = store.replicaSets().sites(groups.replicaSet(g));
                int[] allowed = new int[sites];
                int allowedCount = 0;
                BitSet pass = new BitSet(sites);
                for (int s = 0; s < sites; s++) {
                    if (index.allows(r, s) && !replicas.contains(s)) {
                        allowed[allowedCount++] = s;
                    }
                    if (index.transitAllowed(r, s)) {
                        pass.set(s);
                    }
                }
                // Copy c of a record needing several goes to the c-th of disjoint slices of the allowed
                // sites (round robin by site index), so that the copies land on distinct sites.
                int[] ids = new int[copies];
                for (int c = 0; c < copies; c++) {
                    BitSet dest = new BitSet(sites);
                    for (int k = c; k < allowedCount; k += copies) {
                        dest.set(allowed[k]);
                    }
                    List<BitSet> commodityKey = List.of(dest, pass);
                    Integer commodity = commodities.get(commodityKey);
                    if (commodity == null) {
                        commodity = dests.size();
                        commodities.put(commodityKey, commodity);
                        dests.add(toArray(dest, sites));
                        passes.add(toArray(pass, sites));
                    }
                    ids[c] = partRows.size();
                    partRows.add(
                            new long[] {commodity, priority, Double.doubleToLongBits(release), 0, groups.home(g), r});
                    sources.add(triage.violatingSites(g));
                }
                parts.add(ids);
            }
            for (int part : parts.get(rd)) {
                partRows.get(part)[3] += groups.bytes(g);
            }
            demandOfGroup[g] = rd;
        }
        int demandCount = partRows.size();
        partsOfDemand = parts.toArray(new int[0][]);
        commodityDest = dests.toArray(new boolean[0][]);
        commodityPass = passes.toArray(new boolean[0][]);
        demandCommodity = new int[demandCount];
        demandPriority = new int[demandCount];
        demandRelease = new double[demandCount];
        demandBytes = new long[demandCount];
        demandHome = new int[demandCount];
        demandRule = new int[demandCount];
        demandSources = sources.toArray(new int[0][]);
        long total = 0;
        for (int d = 0; d < demandCount; d++) {
            long[] row = partRows.get(d);
            demandCommodity[d] = (int) row[0];
            demandPriority[d] = (int) row[1];
            demandRelease[d] = Double.longBitsToDouble(row[2]);
            demandBytes[d] = row[3];
            demandHome[d] = (int) row[4];
            demandRule[d] = (int) row[5];
            total += row[3];
        }
        unitBytes = Math.max(1, (total + MAX_UNITS - 1) / MAX_UNITS);
        timeline = new Timeline(problem, demandRelease);
        demandMaxRecord = new long[demandCount];
        for (int i = 0; i < store.size(); i++) {
            int rd = demandOfGroup[groups.groupOf(i)];
            if (rd >= 0) {
                for (int part : partsOfDemand[rd]) {
                    demandMaxRecord[part] = Math.max(demandMaxRecord[part], store.bytes(i));
                }
            }
        }
        demandReachable = new boolean[demandCount];
        for (int d = 0; d < demandCount; d++) {
            demandReachable[d] = reachesDestination(d);
        }
        commodityStage = new boolean[commodityDest.length][sites];
        for (int j = 0; j < commodityDest.length; j++) {
            for (int v = 0; v < sites; v++) {
                commodityStage[j][v] = commodityPass[j][v] && !commodityDest[j][v];
            }
        }
        // Only the first copy of a record that needs several may be staged: two copies of one record
        // staged at one site at once would be one staging copy, deleted when the first chain lands while
        // the other still needs it (the verifier's "copies record to a site that already holds it").
        boolean[] laterCopy = new boolean[demandCount];
        for (int[] ids : partsOfDemand) {
            for (int c = 1; c < ids.length; c++) {
                laterCopy[ids[c]] = true;
            }
        }
        for (int d = 0; d < demandCount; d++) {
            for (int v = 0; v < sites; v++) {
                commodityStage[demandCommodity[d]][v] &= !laterCopy[d]
                        && index.stagingAllowed(demandRule[d], v)
                        && !index.allows(demandRule[d], v)
                        && !ImmutableIntArray.copyOf(demandSources[d]).contains(v);
            }
        }
    }

    private AggregatedProblem(AggregatedProblem base, Timeline timeline) {
        this.problem = base.problem;
        this.topology = base.topology;
        this.triage = base.triage;
        this.timeline = timeline;
        this.commodityDest = base.commodityDest;
        this.commodityPass = base.commodityPass;
        this.commodityStage = base.commodityStage;
        this.demandCommodity = base.demandCommodity;
        this.demandPriority = base.demandPriority;
        this.demandHome = base.demandHome;
        this.demandRule = base.demandRule;
        this.demandRelease = base.demandRelease;
        this.demandBytes = base.demandBytes;
        this.demandSources = base.demandSources;
        this.demandReachable = base.demandReachable;
        this.demandOfGroup = base.demandOfGroup;
        this.partsOfDemand = base.partsOfDemand;
        this.freeStorage = base.freeStorage;
        this.unitBytes = base.unitBytes;
        this.demandMaxRecord = base.demandMaxRecord;
    }

    /**
     * Returns this problem on a finer timeline: every multiple of {@code gridSeconds} below {@code
     * horizon}, and {@code cut}, also start an interval, so that flow can be told apart by when it
     * arrives.
     */
    AggregatedProblem refined(double gridSeconds, double horizon, double cut) {
        return new AggregatedProblem(this, timeline.refined(gridSeconds, horizon, cut));
    }

    /** Returns {@link #refined(double, double, double)}'s problem with the {@code fine} points also starting intervals. */
    AggregatedProblem refined(double gridSeconds, double horizon, double cut, double[] fine) {
        return new AggregatedProblem(this, timeline.refined(gridSeconds, horizon, cut, fine));
    }

    /**
     * Returns this problem with each maintenance window {@code w} of the options closing its link {@code
     * reserveSeconds[w]} seconds before its rounded start: room for the latency of the batches that end
     * just before it ({@link Timeline}).
     */
    AggregatedProblem withWindowReserves(double[] reserveSeconds) {
        return new AggregatedProblem(this, new Timeline(problem, demandRelease, reserveSeconds));
    }

    /** Aggregates {@code problem}: classifies every group and sums the movable demand. */
    public static AggregatedProblem of(PlanningProblem problem) {
        return new AggregatedProblem(checkNotNull(problem, "problem"));
    }

    /** Returns the number of commodities (distinct pairs of allowed and pass-through site sets). */
    public int commodityCount() {
        return commodityDest.length;
    }

    /** Returns the number of demands. */
    public int demandCount() {
        return demandBytes.length;
    }

    /** Returns the bytes all demands ask to copy (a record needing two copies counts twice). */
    public long demandBytes() {
        return Arrays.stream(demandBytes).sum();
    }

    /** Returns each demand's bytes to copy, indexed like the demands (a copy). */
    public long[] bytesPerDemand() {
        return demandBytes.clone();
    }

    private boolean reachesDestination(int d) {
        boolean[] dest = commodityDest[demandCommodity[d]];
        boolean[] pass = commodityPass[demandCommodity[d]];
        int n = topology.siteCount();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int s : demandSources[d]) {
            if (!seen[s]) {
                seen[s] = true;
                queue[tail++] = s;
            }
        }
        for (int h = 0; h < tail; h++) {
            int u = queue[h];
            if (dest[u] && freeStorage[u] > 0) {
                return true;
            }
            boolean isSource = h < demandSources[d].length;
            if (!isSource && !pass[u]) {
                continue;
            }
            for (int k = 0; k < topology.outDegree(u); k++) {
                int v = topology.arcTo(topology.outArc(u, k));
                if (!seen[v] && pass[v]) {
                    seen[v] = true;
                    queue[tail++] = v;
                }
            }
        }
        // Reachable but full destinations count as storage shortage, not as no route.
        for (int h = 0; h < tail; h++) {
            if (dest[queue[h]]) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] toArray(BitSet set, int n) {
        boolean[] out = new boolean[n];
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            out[i] = true;
        }
        return out;
    }
}
