package dev.residency.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.units.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Data centers and the links between them, indexed for algorithms.
 *
 * <p>Sites are numbered {@code 0 … siteCount()-1} in the order they were added. Each link {@code i}
 * gives two directed <em>arcs</em>: {@code 2i} from {@code link.from()} to {@code link.to()} and
 * {@code 2i+1} back. Arc attributes are kept in primitive arrays and out-arcs of each site in
 * compressed-sparse-row form, so planners and simulators can walk the graph without allocating.
 * Instances are immutable and thread-safe.
 */
public final class Topology {

    /** The price unit of {@link Link#egressCostPerGiB()}: 2^30 bytes. */
    public static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    private final ImmutableList<DataCenter> sites;
    private final ImmutableList<Link> links;
    private final ImmutableMap<String, Integer> siteIndex;
    private final int[] arcFrom;
    private final int[] arcTo;
    private final double[] arcBytesPerSecond;
    private final double[] arcLatencySeconds;
    private final double[] arcCostPerByte;
    private final int[] outStart;
    private final int[] outArcs;

    private Topology(List<DataCenter> sites, List<Link> links) {
        this.sites = ImmutableList.copyOf(sites);
        this.links = ImmutableList.copyOf(links);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            String id = sites.get(i).id();
            checkArgument(index.putIfAbsent(id, i) == null, "duplicate data center id \"%s\"", id);
        }
        this.siteIndex = ImmutableMap.copyOf(index);
        int arcs = 2 * links.size();
        arcFrom = new int[arcs];
        arcTo = new int[arcs];
        arcBytesPerSecond = new double[arcs];
        arcLatencySeconds = new double[arcs];
        arcCostPerByte = new double[arcs];
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            Integer a = index.get(link.from());
            Integer b = index.get(link.to());
            checkArgument(a != null, "link %s refers to unknown data center \"%s\"", link.name(), link.from());
            checkArgument(b != null, "link %s refers to unknown data center \"%s\"", link.name(), link.to());
            String key = a < b ? a + ":" + b : b + ":" + a;
            checkArgument(pairs.add(key), "duplicate link between \"%s\" and \"%s\"", link.from(), link.to());
            double latency = Durations.seconds(link.latency());
            double costPerByte = link.egressCostPerGiB() / BYTES_PER_GIB;
            setArc(2 * i, a, b, link.forward().bytesPerSecond(), latency, costPerByte);
            setArc(2 * i + 1, b, a, link.backward().bytesPerSecond(), latency, costPerByte);
        }
        outStart = new int[sites.size() + 1];
        for (int arc = 0; arc < arcs; arc++) {
            outStart[arcFrom[arc] + 1]++;
        }
        for (int s = 0; s < sites.size(); s++) {
            outStart[s + 1] += outStart[s];
        }
        outArcs = new int[arcs];
        int[] fill = outStart.clone();
        for (int arc = 0; arc < arcs; arc++) {
            outArcs[fill[arcFrom[arc]]++] = arc;
        }
    }

    private void setArc(int arc, int from, int to, double bytesPerSecond, double latency, double costPerByte) {
        arcFrom[arc] = from;
        arcTo[arc] = to;
        arcBytesPerSecond[arc] = bytesPerSecond;
        arcLatencySeconds[arc] = latency;
        arcCostPerByte[arc] = costPerByte;
    }

    /** Returns a new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a topology of {@code sites} and {@code links}.
     *
     * @throws IllegalArgumentException on a duplicate site id, a link to an unknown site, or two links
     *     between the same pair of sites; the message names the value
     */
    public static Topology of(List<DataCenter> sites, List<Link> links) {
        return new Topology(sites, links);
    }

    /** Returns the data centers in index order. */
    public ImmutableList<DataCenter> sites() {
        return sites;
    }

    /** Returns the links in index order. */
    public ImmutableList<Link> links() {
        return links;
    }

    /** Returns the number of data centers. */
    public int siteCount() {
        return sites.size();
    }

    /** Returns the number of directed arcs, twice the number of links. */
    public int arcCount() {
        return arcFrom.length;
    }

    /** Returns the data center at {@code index}. */
    public DataCenter site(int index) {
        return sites.get(index);
    }

    /** Returns the index of the data center with id {@code id}, if any. */
    public OptionalInt indexOf(String id) {
        Integer i = siteIndex.get(checkNotNull(id, "id"));
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /**
     * Returns the index of the data center with id {@code id}.
     *
     * @throws IllegalArgumentException if no data center has that id
     */
    public int siteIndex(String id) {
        Integer i = siteIndex.get(checkNotNull(id, "id"));
        checkArgument(i != null, "unknown data center \"%s\" (known: %s)", id, siteIndex.keySet());
        return i;
    }

    /** Returns the data center with id {@code id}, if any. */
    public Optional<DataCenter> find(String id) {
        Integer i = siteIndex.get(checkNotNull(id, "id"));
        return i == null ? Optional.empty() : Optional.of(sites.get(i));
    }

    /** Returns the site an arc leaves. */
    public int arcFrom(int arc) {
        return arcFrom[arc];
    }

    /** Returns the site an arc enters. */
    public int arcTo(int arc) {
        return arcTo[arc];
    }

    /** Returns an arc's bandwidth in bytes per second. */
    public double arcBytesPerSecond(int arc) {
        return arcBytesPerSecond[arc];
    }

    /** Returns an arc's latency in seconds. */
    public double arcLatencySeconds(int arc) {
        return arcLatencySeconds[arc];
    }

    /** Returns an arc's egress price in US dollars per byte. */
    public double arcCostPerByte(int arc) {
        return arcCostPerByte[arc];
    }

    /** Returns the link an arc belongs to. */
    public Link arcLink(int arc) {
        return links.get(arc >>> 1);
    }

    /** Returns the arc in the opposite direction of {@code arc}. */
    public static int reverseArc(int arc) {
        return arc ^ 1;
    }

    /** Returns the number of arcs leaving {@code site}. */
    public int outDegree(int site) {
        checkElementIndex(site, siteCount(), "site");
        return outStart[site + 1] - outStart[site];
    }

    /** Returns the {@code k}-th arc leaving {@code site}, {@code 0 <= k < outDegree(site)}. */
    public int outArc(int site, int k) {
        return outArcs[outStart[site] + k];
    }

    /** Returns the arc from {@code from} to {@code to}, if the two sites are linked. */
    public OptionalInt arcBetween(int from, int to) {
        for (int k = outStart[from]; k < outStart[from + 1]; k++) {
            if (arcTo[outArcs[k]] == to) {
                return OptionalInt.of(outArcs[k]);
            }
        }
        return OptionalInt.empty();
    }

    /** Collects data centers and links and checks them as a whole when built. */
    public static final class Builder {
        private final List<DataCenter> sites = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();

        private Builder() {}

        /** Adds a data center. */
        public Builder site(DataCenter site) {
            sites.add(checkNotNull(site, "site"));
            return this;
        }

        /** Adds a link. */
        public Builder link(Link link) {
            links.add(checkNotNull(link, "link"));
            return this;
        }

        /**
         * Returns the topology.
         *
         * @throws IllegalArgumentException as {@link Topology#of}
         */
        public Topology build() {
            return new Topology(sites, links);
        }
    }
}
