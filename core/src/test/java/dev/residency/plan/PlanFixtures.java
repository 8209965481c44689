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
        RecordStore.Builder store = RecordStore.builder(topology, 400);
        int records = 50 + rng.nextInt(250);
        for (int r = 0; r < records; r++) {
            Jurisdiction home = Jurisdiction.of(countries[rng.nextInt(3)]);
            Category category = categories[rng.nextInt(10) < 7 ? rng.nextInt(2) : 2 + rng.nextInt(2)];
            int first = rng.nextInt(n);
            int[] replicas = rng.nextInt(4) == 0 ? new int[] {first, rng.nextInt(n)} : new int[] {first};
            store.add(r / 3, home, category, 100 + rng.nextInt(2_000), rng.nextInt(25) == 0, replicas);
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
        PlanOptions.Builder options = PlanOptions.builder()
                .targetBatchBytes(1_000 + rng.nextInt(20_000))
                .timeStep(Duration.ofSeconds(1 + rng.nextInt(30)));
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
            policy = withHoldover(seed, topology, links, policy, options);
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(options.build())
                .build();
    }

    /**
     * In a third of the instances, lists one site as a staging site and, where it has two links, closes
     * one of them late (from {@code t1}) and the other early (until {@code t2}), so that data through it
     * may have to wait there. Drawn from its own seeded stream, so the rest of the instance stays as it was
     * before holdover existed.
     */
    private static ResidencyPolicy withHoldover(
            long seed, Topology topology, List<Link> links, ResidencyPolicy policy, PlanOptions.Builder options) {
        Random rng = new Random(seed * 0x9E3779B97F4A7C15L + 9);
        if (rng.nextInt(3) != 0) {
            return policy;
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
