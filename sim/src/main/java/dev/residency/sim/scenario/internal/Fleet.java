package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code sites} and {@code links} sections read: the topology if they were valid, and the ids,
 * readiness dates and used storage that other sections refer to.
 */
final class Fleet {

    private static final String[] SITE_KEYS = {
        "id", "jurisdiction", "operator", "storage", "ingest", "egress", "used", "readyFrom"
    };
    private static final String[] LINK_KEYS = {"from", "to", "bandwidth", "backward", "latency", "egressCostPerGiB"};
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    final ImmutableSet<String> siteIds;
    final ImmutableSet<String> operators;
    final ImmutableList<DataCenter> sites;
    final ImmutableList<Link> links;
    final ImmutableMap<String, Instant> readyAt;
    final ImmutableMap<String, Long> used;
    final Optional<Topology> topology;

    private Fleet(
            Set<String> siteIds,
            List<DataCenter> sites,
            List<Link> links,
            Map<String, Instant> readyAt,
            Map<String, Long> used,
            Optional<Topology> topology) {
        this.siteIds = ImmutableSet.copyOf(siteIds);
        this.sites = ImmutableList.copyOf(sites);
        this.operators = sites.stream().map(DataCenter::operator).collect(ImmutableSet.toImmutableSet());
        this.links = ImmutableList.copyOf(links);
        this.readyAt = ImmutableMap.copyOf(readyAt);
        this.used = ImmutableMap.copyOf(used);
        this.topology = topology;
    }

    /** Reads {@code sites} and {@code links} of {@code root}. */
    static Fleet read(Node root) {
        Errors errors = root.errors();
        int before = errors.count();
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<DataCenter> sites = new ArrayList<>();
        Map<String, Instant> readyAt = new LinkedHashMap<>();
        Map<String, Long> used = new LinkedHashMap<>();
        Node sitesNode = root.field("sites");
        if (!sitesNode.present()) {
            sitesNode.error("required field is missing");
        } else if (sitesNode.json().isArray() && sitesNode.json().isEmpty()) {
            sitesNode.error("must list at least one site");
        }
        ImmutableList<Node> siteNodes = sitesNode.elements();
        for (int i = 0; i < siteNodes.size(); i++) {
            Node n = siteNodes.get(i);
            if (!n.mapping(SITE_KEYS)) {
                continue;
            }
            Optional<String> id = n.required("id", Fleet::siteId);
            int index = i;
            id.ifPresent(s -> {
                if (ids.add(s)) {
                    firstIndex.put(s, index);
                } else {
                    n.field("id").error("duplicate site id \"%s\" (first at sites[%d])", s, firstIndex.get(s));
                }
            });
            var jurisdiction = n.required("jurisdiction", Scalars::jurisdiction);
            var operator = n.required("operator", Scalars::nonBlank);
            var storage = n.required("storage", Scalars::positiveDataSize);
            var ingest = n.required("ingest", Scalars::positiveBandwidth);
            var egress = n.required("egress", Scalars::positiveBandwidth);
            var usedBytes = n.optional("used", Scalars::dataSize);
            var ready = n.optional("readyFrom", Scalars::instant);
            if (storage.isPresent() && usedBytes.isPresent() && usedBytes.get().compareTo(storage.get()) > 0) {
                n.field("used")
                        .error(
                                "\"%s\" is more than the site's storage \"%s\"",
                                n.field("used").json().asText(),
                                n.field("storage").json().asText());
            }
            if (id.isPresent()
                    && jurisdiction.isPresent()
                    && operator.isPresent()
                    && storage.isPresent()
                    && ingest.isPresent()
                    && egress.isPresent()) {
                try {
                    sites.add(new DataCenter(
                            id.get(), jurisdiction.get(), operator.get(), storage.get(), ingest.get(), egress.get()));
                } catch (IllegalArgumentException e) {
                    n.error("%s", e.getMessage());
                }
                ready.ifPresent(r -> readyAt.put(id.get(), r));
                usedBytes.ifPresent(u -> used.put(id.get(), u.bytes()));
            }
        }
        List<Link> links = readLinks(root.field("links"), ids);
        Optional<Topology> topology = Optional.empty();
        if (errors.count() == before) {
            try {
                topology = Optional.of(Topology.of(sites, links));
            } catch (IllegalArgumentException e) {
                root.field("links").error("%s", e.getMessage());
            }
        }
        return new Fleet(ids, sites, links, readyAt, used, topology);
    }

    private static List<Link> readLinks(Node linksNode, Set<String> ids) {
        List<Link> links = new ArrayList<>();
        Map<String, Integer> pairs = new HashMap<>();
        ImmutableList<Node> nodes = linksNode.elements();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (!n.mapping(LINK_KEYS)) {
                continue;
            }
            Optional<String> from = n.required("from", v -> knownSite(v, ids));
            Optional<String> to = n.required("to", v -> knownSite(v, ids));
            var bandwidth = n.required("bandwidth", Scalars::positiveBandwidth);
            var backward = n.optional("backward", Scalars::positiveBandwidth);
            var latency = n.optional("latency", Scalars::duration);
            var cost = n.optional("egressCostPerGiB", Scalars::nonNegativeNumber);
            if (from.isPresent() && to.isPresent()) {
                if (from.get().equals(to.get())) {
                    n.field("to").error("a link must join two different sites, both ends are \"%s\"", to.get());
                    continue;
                }
                String key = from.get().compareTo(to.get()) < 0
                        ? from.get() + "\0" + to.get()
                        : to.get() + "\0" + from.get();
                Integer first = pairs.putIfAbsent(key, i);
                if (first != null) {
                    n.error(
                            "duplicate link between \"%s\" and \"%s\" (first at links[%d])",
                            from.get(), to.get(), first);
                    continue;
                }
            }
            if (from.isPresent() && to.isPresent() && bandwidth.isPresent()) {
                try {
                    links.add(new Link(
                            from.get(),
                            to.get(),
                            bandwidth.get(),
                            backward.orElse(bandwidth.get()),
                            latency.orElse(java.time.Duration.ZERO),
                            cost.orElse(0.0)));
                } catch (IllegalArgumentException e) {
                    n.error("%s", e.getMessage());
                }
            }
        }
        return links;
    }

    /** Parses a site id and checks that it names a declared site; for references from other sections. */
    static String knownSite(com.fasterxml.jackson.databind.JsonNode v, Set<String> ids) {
        String id = Scalars.nonBlank(v);
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("\"" + id + "\" is not a site id" + DidYouMean.hint(id, ids));
        }
        return id;
    }

    /** Parses a site id for reference from another section. */
    Node.Parser<String> siteRef() {
        return v -> knownSite(v, siteIds);
    }

    /** Returns the declared name {@code from-to} of the link joining {@code a} and {@code b}, if any. */
    Optional<String> linkBetween(String a, String b) {
        return links.stream()
                .filter(l ->
                        (l.from().equals(a) && l.to().equals(b)) || (l.from().equals(b) && l.to().equals(a)))
                .map(Link::name)
                .findFirst();
    }

    /**
     * Resolves an outage target: a site id as is, or a link written {@code a-b} in either direction to
     * its declared name.
     */
    Optional<String> target(String text) {
        if (siteIds.contains(text)) {
            return Optional.of(text);
        }
        for (Link l : links) {
            if (text.equals(l.from() + "-" + l.to()) || text.equals(l.to() + "-" + l.from())) {
                return Optional.of(l.name());
            }
        }
        return Optional.empty();
    }

    /** Returns every site id and link name, for did-you-mean hints. */
    ImmutableSet<String> targets() {
        return ImmutableSet.<String>builder()
                .addAll(siteIds)
                .addAll(links.stream().map(Link::name).iterator())
                .build();
    }

    private static String siteId(com.fasterxml.jackson.databind.JsonNode v) {
        String id = Scalars.nonBlank(v);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "\"" + id + "\" must start with a letter or digit and use only letters, digits, '.', '_' and '-'");
        }
        return id;
    }
}
