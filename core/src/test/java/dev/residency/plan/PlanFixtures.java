package dev.residency.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.residency.audit.Tally;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.Action;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small hand-made and seeded random planning instances shared by the plan tests. */
public final class PlanFixtures {

    /** A fast site: ingest and egress far above any link, so links bind. */
    public static DataCenter site(String id, String country, long storageBytes) {
        return new DataCenter(
                id,
                Jurisdiction.of(country),
                "op",
                DataSize.ofBytes(storageBytes),
                new Bandwidth(1e12),
                new Bandwidth(1e12));
    }

    /** A site with the given ingest and egress limits, in bytes per second. */
    public static DataCenter site(
            String id, String country, long storageBytes, double ingestBytesPerSecond, double egressBytesPerSecond) {
        return new DataCenter(
                id,
                Jurisdiction.of(country),
                "op",
                DataSize.ofBytes(storageBytes),
                new Bandwidth(ingestBytesPerSecond),
                new Bandwidth(egressBytesPerSecond));
    }

    /** A symmetric link of {@code bytesPerSecond} with 10 ms latency and the given egress price. */
    public static Link link(String a, String b, double bytesPerSecond, double usdPerGiB) {
        return Link.symmetric(a, b, new Bandwidth(bytesPerSecond), Duration.ofMillis(10), usdPerGiB);
    }

    /** Returns a policy keeping {@code home}'s data in {@code allowed}, any site usable for transit. */
    public static ResidencyPolicy keepIn(Jurisdiction home, Jurisdiction... allowed) {
        return ResidencyPolicy.of(
                "keep-" + home.code(), Rule.move("keep-" + home.code(), List.of(home), SiteConstraint.in(allowed)));
    }

    /**
     * A seeded random instance: 3 to {@code maxSites} sites in four jurisdictions, a random connected
     * topology, a few hundred records spread over replica sets, two or three rules (moves, sometimes
     * a delete rule, sometimes two required replicas), keep priorities, legal holds, unmovable data,
     * and random options (deadlines, late sites, approvals, maintenance, used storage).
     */
    public static PlanningProblem random(long seed, int maxSites, boolean timeVarying) {
        Random rng = new Random(seed);
        String[] countries = {"US", "SG", "IE", "CA"};
        int n = 3 + rng.nextInt(Math.max(1, maxSites - 2));
        List<DataCenter> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String country = countries[i < 4 ? i : rng.nextInt(4)];
            sites.add(new DataCenter(
                    "s" + i,
                    Jurisdiction.of(country),
                    "op",
                    DataSize.ofBytes(rng.nextInt(4) == 0 ? 30_000 + rng.nextInt(60_000) : 400_000),
                    new Bandwidth(50 + rng.nextInt(400)),
                    new Bandwidth(50 + rng.nextInt(400))));
        }
        List<Link> links = new ArrayList<>();
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 1; i < n; i++) {
            int j = rng.nextInt(i);
            pairs.add(j + ":" + i);
            links.add(randomLink(rng, "s" + j, "s" + i));
        }
        int extra = rng.nextInt(n);
        for (int k = 0; k < extra; k++) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            if (a != b && pairs.add(Math.min(a, b) + ":" + Math.max(a, b))) {
                links.add(randomLink(rng, "s" + a, "s" + b));
            }
        }
        Topology topology = Topology.of(sites, links);
        Category[] categories = {
            Category.VIDEOS, Category.LOGS, Category.DERIVED, new Category("frozen", false, false, false)
        };
        int records = 50 + rng.nextInt(250);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            Jurisdiction home = Jurisdiction.of(countries[rng.nextInt(3)]);
            Category category = categories[rng.nextInt(10) < 7 ? rng.nextInt(2) : 2 + rng.nextInt(2)];
            int first = rng.nextInt(n);
            int[] replicas = rng.nextInt(4) == 0 ? new int[] {first, rng.nextInt(n)} : new int[] {first};
            rows.add(new Row(r / 3, home, category, 100 + rng.nextInt(2_000), rng.nextInt(25) == 0, replicas));
        }
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US, Jurisdiction.CA))
                .withMinCompliantReplicas(rng.nextInt(4) == 0 ? 2 : 1));
        rules.add(Rule.move("ie", List.of(Jurisdiction.IE), SiteConstraint.in(Jurisdiction.IE)));
        if (rng.nextBoolean()) {
            rules.add(
                    0,
                    Rule.move("sg-logs", List.of(Jurisdiction.SG), SiteConstraint.in(Jurisdiction.SG))
                            .forCategories("logs")
                            .withAction(Action.DELETE));
        }
        if (rng.nextBoolean()) {
            rules.add(Rule.move("sg", List.of(Jurisdiction.SG), SiteConstraint.in(Jurisdiction.SG, Jurisdiction.US)));
        }
        ResidencyPolicy policy = new ResidencyPolicy(
                "random-" + seed,
                com.google.common.collect.ImmutableList.copyOf(rules),
                rng.nextBoolean() ? SiteConstraint.ANY : SiteConstraint.in(Jurisdiction.CA),
                ImmutableMap.of("videos", 10, "logs", 1));
        int stepSeconds;
        PlanOptions.Builder options = PlanOptions.builder()
                .targetBatchBytes(1_000 + rng.nextInt(20_000))
                .timeStep(Duration.ofSeconds(stepSeconds = 1 + rng.nextInt(30)));
        if (rng.nextInt(3) == 0) {
            options.usedBytesOutsideStore("s" + rng.nextInt(n), rng.nextInt(300_000));
        }
        if (timeVarying) {
            if (rng.nextBoolean()) {
                options.siteReadyAt("s" + rng.nextInt(n), Duration.ofSeconds(rng.nextInt(200)));
            }
            if (rng.nextBoolean()) {
                options.approvalAt(Jurisdiction.of(countries[rng.nextInt(3)]), Duration.ofSeconds(rng.nextInt(150)));
            }
            if (rng.nextBoolean()) {
                Link l = links.get(rng.nextInt(links.size()));
                int start = rng.nextInt(100);
                options.maintenance(new LinkWindow(
                        l.from(), l.to(), Duration.ofSeconds(start), Duration.ofSeconds(start + 1 + rng.nextInt(200))));
            }
            if (rng.nextInt(3) == 0) {
                options.deadline(Duration.ofSeconds(20 + rng.nextInt(400))).hardDeadline(rng.nextBoolean());
            }
        }
        if (timeVarying) {
            policy = withHoldover(seed, topology, links, policy, options, rows, stepSeconds);
        }
        RecordStore.Builder store = RecordStore.builder(topology, 400);
        for (Row row : rows) {
            store.add(row.user(), row.home(), row.category(), row.bytes(), row.legalHold(), row.replicas());
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(options.build())
                .build();
    }

    /** A record of the random store, its replicas by site index. */
    private record Row(int user, Jurisdiction home, Category category, long bytes, boolean legalHold, int[] replicas) {}

    /**
     * In half of the instances, lists one site as a staging site and closes links around it so that
     * data through it may have to wait there. Where the instance allows it, the site is one where waiting
     * pays: a site B usable for transit, a neighbour A holding movable records of a home whose rule allows
     * neither A nor B, and another neighbour C that the rule allows (so the data's destinations lie beyond
     * B). The link A-B is open only until {@code t1} (at least 60 s, 2 to 7 planning steps, so the step's
     * rounding leaves it open) and then closed for 400 to 800 s; every other link of A and of B is closed until 1 to 4
     * steps after {@code t1}; the home's replicas at B move to A (the flow planner stages a commodity only at sites that
     * hold none of its data, see {@code AggregatedProblem.commodityStage}). So data that crosses A-B before
     * {@code t1} reaches C sooner by waiting at B than by waiting at A for A-B to reopen. Otherwise the site
     * and the two links are random. Drawn from its own seeded stream, so that the rest of an instance stays
     * as it was before holdover existed.
     */
    private static ResidencyPolicy withHoldover(
            long seed,
            Topology topology,
            List<Link> links,
            ResidencyPolicy policy,
            PlanOptions.Builder options,
            List<Row> rows,
            int stepSeconds) {
        Random rng = new Random(seed * 0x9E3779B97F4A7C15L + 9);
        if (rng.nextInt(2) != 0) {
            return policy;
        }
        List<Wait> waits = waitingPays(topology, links, policy, rows);
        if (!waits.isEmpty()) {
            Wait wait = waits.get(rng.nextInt(waits.size()));
            int t1 = stepSeconds * Math.max(2 + rng.nextInt(6), (60 + stepSeconds - 1) / stepSeconds);
            Link in = links.get(wait.in());
            options.maintenance(new LinkWindow(
                    in.from(), in.to(), Duration.ofSeconds(t1), Duration.ofSeconds(t1 + 400 + rng.nextInt(400))));
            int t2 = t1 + stepSeconds * (1 + rng.nextInt(4));
            String stage = topology.site(wait.stage()).id();
            String from = topology.site(wait.from()).id();
            for (Link l : links) {
                if (l != in && (other(l, stage) != null || other(l, from) != null)) {
                    options.maintenance(
                            new LinkWindow(l.from(), l.to(), Duration.ofSeconds(0), Duration.ofSeconds(t2)));
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                if (row.home().equals(wait.home())) {
                    int[] replicas = java.util.Arrays.stream(row.replicas())
                            .map(v -> v == wait.stage() ? wait.from() : v)
                            .distinct()
                            .toArray();
                    rows.set(
                            r, new Row(row.user(), row.home(), row.category(), row.bytes(), row.legalHold(), replicas));
                }
            }
            return policy.withStaging(List.of(stage));
        }
        String stage = topology.site(rng.nextInt(topology.siteCount())).id();
        List<Link> touching = new ArrayList<>();
        for (Link l : links) {
            if (l.from().equals(stage) || l.to().equals(stage)) {
                touching.add(l);
            }
        }
        if (touching.size() >= 2) {
            Link early = touching.get(rng.nextInt(touching.size()));
            Link late = touching.get(rng.nextInt(touching.size()));
            if (early != late) {
                int t1 = 5 + rng.nextInt(60);
                options.maintenance(new LinkWindow(
                        early.from(),
                        early.to(),
                        Duration.ofSeconds(t1),
                        Duration.ofSeconds(t1 + 50 + rng.nextInt(300))));
                options.maintenance(new LinkWindow(
                        late.from(), late.to(), Duration.ofSeconds(0), Duration.ofSeconds(t1 + 1 + rng.nextInt(100))));
            }
        }
        return policy.withStaging(List.of(stage));
    }

    /**
     * Data of {@code home} at site {@code from} that may wait at site {@code stage}, reached over link
     * {@code in}, on its way to a site its rule allows beyond it.
     */
    private record Wait(int in, int from, int stage, Jurisdiction home) {}

    /**
     * Returns where waiting pays for some movable record, as {@link #withHoldover} describes, in the order
     * of the rows, then of the links, without repeats.
     */
    private static List<Wait> waitingPays(Topology topology, List<Link> links, ResidencyPolicy policy, List<Row> rows) {
        java.util.Set<Wait> waits = new java.util.LinkedHashSet<>();
        for (Row row : rows) {
            Rule rule = policy.ruleFor(row.home(), row.category()).orElse(null);
            if (rule == null
                    || rule.actionFor(row.category()) != Action.MOVE
                    || !row.category().movable()
                    || rule.minCompliantReplicas() > 1) {
                continue;
            }
            for (int a : row.replicas()) {
                if (rule.allowed().allows(topology.site(a))) {
                    continue;
                }
                for (int in = 0; in < links.size(); in++) {
                    String b = other(links.get(in), topology.site(a).id());
                    if (b == null) {
                        continue;
                    }
                    DataCenter stage = topology.site(topology.siteIndex(b));
                    if (!policy.transit().allows(stage) || rule.allowed().allows(stage)) {
                        continue;
                    }
                    for (Link out : links) {
                        String c = other(out, b);
                        if (out != links.get(in)
                                && c != null
                                && rule.allowed().allows(topology.site(topology.siteIndex(c)))) {
                            waits.add(new Wait(in, a, topology.siteIndex(b), row.home()));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(waits);
    }

    /** Returns the end of {@code link} other than {@code site}, or null if the link does not touch it. */
    private static String other(Link link, String site) {
        return link.from().equals(site) ? link.to() : link.to().equals(site) ? link.from() : null;
    }

    private static Link randomLink(Random rng, String a, String b) {
        return new Link(
                a,
                b,
                new Bandwidth(20 + rng.nextInt(200)),
                new Bandwidth(20 + rng.nextInt(200)),
                Duration.ofMillis(1 + rng.nextInt(100)),
                rng.nextInt(5) * 0.01);
    }

    /**
     * A plan of the given decisions with zero estimates and an empty classification, for code that
     * reads only the decisions (inventory actions, writers).
     */
    public static MigrationPlan decisionsOnly(
            List<TransferBatch> batches, List<Deletion> deletions, List<BlockedGroup> blocked) {
        return new MigrationPlan(
                "hand",
                new Classification(
                        Tally.ZERO, ImmutableSortedMap.of(), ImmutableSortedMap.of(), ImmutableSortedMap.of()),
                ImmutableList.copyOf(batches),
                ImmutableList.copyOf(deletions),
                ImmutableList.copyOf(blocked),
                0,
                0,
                0,
                0,
                ImmutableSortedMap.of(),
                0,
                "hand",
                0,
                0,
                ImmutableList.of());
    }

    private PlanFixtures() {}
}
