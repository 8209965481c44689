package dev.residency.plan.internal.solve;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
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
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded static instances for the LP oracle: realistic magnitudes (MB/s to GB/s, MB to GB records)
 * so that rounding to whole bytes is negligible, ample storage, a connected topology. With one rule
 * they are single-commodity; with several, the rules' allowed sets compete for the links.
 */
final class LpInstances {

    private static final String[] COUNTRIES = {"US", "IE", "SG", "CA", "JP"};

    private LpInstances() {}

    static PlanningProblem random(long seed, int rules) {
        return random(seed, rules, PlanOptions.builder().build().timeStep());
    }

    /** Returns {@link #random(long, int)}'s instance planned at time step {@code step}. */
    static PlanningProblem random(long seed, int rules, Duration step) {
        Random rng = new Random(seed);
        int n = 4 + rng.nextInt(4);
        List<DataCenter> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String country = i < COUNTRIES.length ? COUNTRIES[i] : COUNTRIES[rng.nextInt(COUNTRIES.length)];
            sites.add(new DataCenter(
                    "s" + i,
                    Jurisdiction.of(country),
                    "op",
                    DataSize.ofBytes(rng.nextInt(3) == 0 ? 5_000_000_000_000L : 1L << 50),
                    new Bandwidth(1e8 * (1 + rng.nextInt(20))),
                    new Bandwidth(1e8 * (1 + rng.nextInt(20)))));
        }
        List<Link> links = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 1; i < n; i++) {
            int j = rng.nextInt(i);
            pairs.add(j + ":" + i);
            links.add(link(rng, j, i));
        }
        for (int extra = rng.nextInt(n + 1); extra > 0; extra--) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            if (a != b && pairs.add(Math.min(a, b) + ":" + Math.max(a, b))) {
                links.add(link(rng, a, b));
            }
        }
        Topology topology = Topology.of(sites, links);
        RecordStore.Builder store = RecordStore.builder(topology, 200);
        int records = 20 + rng.nextInt(100);
        for (int r = 0; r < records; r++) {
            Jurisdiction home = Jurisdiction.of(COUNTRIES[rng.nextInt(rules)]);
            int first = rng.nextInt(n);
            int[] replicas = rng.nextInt(3) == 0 ? new int[] {first, rng.nextInt(n)} : new int[] {first};
            store.add(r, home, Category.VIDEOS, 1_000_000L * (1 + rng.nextInt(5_000)), false, replicas);
        }
        List<Rule> list = new ArrayList<>();
        for (int k = 0; k < rules; k++) {
            Jurisdiction home = Jurisdiction.of(COUNTRIES[k]);
            Jurisdiction other = Jurisdiction.of(COUNTRIES[(k + 3) % COUNTRIES.length]);
            list.add(Rule.move("r" + k, List.of(home), SiteConstraint.in(home, other)));
        }
        ResidencyPolicy policy =
                new ResidencyPolicy("lp-" + seed, ImmutableList.copyOf(list), SiteConstraint.ANY, ImmutableMap.of());
        return PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(PlanOptions.builder()
                        .targetBatchBytes(1_000_000_000L * (1 + rng.nextInt(20)))
                        .timeStep(step)
                        .build())
                .build();
    }

    private static Link link(Random rng, int a, int b) {
        return new Link(
                "s" + a,
                "s" + b,
                new Bandwidth(1e7 * (1 + rng.nextInt(100))),
                new Bandwidth(1e7 * (1 + rng.nextInt(100))),
                Duration.ofMillis(1 + rng.nextInt(80)),
                0.01 * rng.nextInt(6));
    }
}
