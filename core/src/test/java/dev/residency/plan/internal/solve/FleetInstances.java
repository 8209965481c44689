package dev.residency.plan.internal.solve;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
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
 * Seeded static fleets for the multi-commodity LP bound, up to its size limit and beyond: {@code sites}
 * sites in ten countries (a random spanning tree plus about as many extra links), one move rule per
 * home country keeping its data in that country or a partner country, each home's data on two random
 * sites: the rules compete for the links as in {@code AggregatedSolveBenchmark}'s random fleet. The
 * draws reach the LP's hard corners: link rates over three orders of magnitude (10^8 to 10^11 B/s),
 * demands over three (10^11 to 10^14 B), site egress or ingest below the links' sum (those rows bind),
 * and destination storage below a home's data (storage rows bind, though every home still fits).
 */
final class FleetInstances {

    private static final String[] COUNTRIES = {"US", "CA", "AU", "NZ", "SG", "IN", "IE", "NO", "JP", "DE"};

    private FleetInstances() {}

    /** Returns the fleet of {@code siteCount} sites and {@code homes} (1 to 5) competing rules drawn from {@code seed}. */
    static PlanningProblem random(long seed, int siteCount, int homes) {
        Random rng = new Random(seed);
        List<DataCenter> sites = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            boolean slowSite = rng.nextInt(5) == 0;
            sites.add(new DataCenter(
                    "dc" + i,
                    Jurisdiction.of(COUNTRIES[i % COUNTRIES.length]),
                    "op",
                    DataSize.ofBytes(rng.nextInt(4) == 0 ? 20_000_000_000_000L : 1L << 55),
                    new Bandwidth(slowSite ? 1e9 * (1 + rng.nextInt(5)) : 1e12),
                    new Bandwidth(slowSite ? 1e9 * (1 + rng.nextInt(5)) : 1e12)));
        }
        List<Link> links = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        for (int i = 1; i < siteCount; i++) {
            int j = rng.nextInt(i);
            pairs.add((long) j * siteCount + i);
            links.add(link(rng, j, i));
        }
        for (int extra = 0; extra < siteCount; extra++) {
            int a = rng.nextInt(siteCount);
            int b = rng.nextInt(siteCount);
            if (a != b && pairs.add((long) Math.min(a, b) * siteCount + Math.max(a, b))) {
                links.add(link(rng, a, b));
            }
        }
        Topology topology = Topology.of(sites, links);
        RecordStore.Builder store = RecordStore.builder(topology, 64 * homes);
        List<Rule> rules = new ArrayList<>();
        int id = 0;
        for (int h = 0; h < homes; h++) {
            Jurisdiction home = Jurisdiction.of(COUNTRIES[h]);
            Jurisdiction partner = Jurisdiction.of(COUNTRIES[5 + h]);
            rules.add(Rule.move("r-" + home.code(), List.of(home), SiteConstraint.in(home, partner)));
            int[] held = {rng.nextInt(siteCount), rng.nextInt(siteCount)};
            long recordBytes = 1_000_000_000L * (1 + rng.nextInt(1_000));
            int records = 20 + rng.nextInt(100);
            for (int r = 0; r < records; r++) {
                store.add(id++, home, Category.VIDEOS, recordBytes, false, held[r % 2]);
            }
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(new ResidencyPolicy(
                        "fleet-" + seed, ImmutableList.copyOf(rules), SiteConstraint.ANY, ImmutableMap.of()))
                .build();
    }

    private static Link link(Random rng, int a, int b) {
        return Link.symmetric(
                "dc" + a,
                "dc" + b,
                new Bandwidth(Math.pow(10, 8 + 3 * rng.nextDouble())),
                Duration.ofMillis(5 + rng.nextInt(150)),
                0.01 * rng.nextInt(6));
    }
}
