package dev.residency.benchmarks.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationGenerator;
import dev.residency.data.PopulationSpec;
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
 * Planning instances for the benchmarks. Sizes and rates are estimates chosen to look like a large
 * social app's fleet (not public figures): 100 Gbps inter-region links, 1 MB median records.
 */
public final class PlanInstances {

    private static final String[] HOMES = {"US", "CA", "AU", "NZ", "SG", "IN"};

    private PlanInstances() {}

    /**
     * The 2020 carve-out on a 12-site fleet: US, Canadian, Australian and New Zealand data must live
     * in its own country (US data in US sites), held today in Virginia with backups in Singapore;
     * Singapore and India are unconstrained. About {@code records} records.
     */
    public static PlanningProblem carveOut(int records, long seed) {
        List<DataCenter> sites = List.of(
                dc("va", "US", 400),
                dc("tx", "US", 400),
                dc("or", "US", 300),
                dc("oh", "US", 300),
                dc("ca1", "CA", 60),
                dc("au1", "AU", 60),
                dc("nz1", "NZ", 3),
                dc("sg1", "SG", 400),
                dc("sg2", "SG", 200),
                dc("ie1", "IE", 200),
                dc("in1", "IN", 100),
                dc("jp1", "JP", 200));
        String[][] pairs = {
            {"va", "tx"},
            {"va", "oh"},
            {"tx", "or"},
            {"oh", "or"},
            {"va", "ca1"},
            {"or", "ca1"},
            {"or", "jp1"},
            {"va", "ie1"},
            {"sg1", "jp1"},
            {"sg1", "sg2"},
            {"sg1", "au1"},
            {"au1", "nz1"},
            {"sg2", "in1"},
            {"sg1", "or"},
            {"ie1", "in1"},
            {"jp1", "au1"}
        };
        List<Link> links = new ArrayList<>();
        for (String[] p : pairs) {
            links.add(Link.symmetric(p[0], p[1], Bandwidth.parse("100 Gbps"), Duration.ofMillis(40), 0.02));
        }
        Topology topology = Topology.of(sites, links);
        int users = Math.max(1, records / 4);
        PopulationSpec spec = PopulationSpec.builder()
                .seed(seed)
                .users(Jurisdiction.US, users * 50 / 100)
                .users(Jurisdiction.CA, users * 10 / 100)
                .users(Jurisdiction.AU, users * 10 / 100)
                .users(Jurisdiction.NZ, users * 5 / 100)
                .users(Jurisdiction.SG, users * 15 / 100)
                .users(Jurisdiction.IN, users * 10 / 100)
                .meanRecordsPerUser(4)
                .category(new CategoryShare(Category.VIDEOS, 2, DataSize.parse("4 MB"), 1.0))
                .category(new CategoryShare(Category.MESSAGES, 3, DataSize.parse("20 kB"), 1.0))
                .category(new CategoryShare(Category.PROFILE, 1, DataSize.parse("50 kB"), 0.5))
                .category(new CategoryShare(Category.BEHAVIOURAL, 3, DataSize.parse("200 kB"), 1.0))
                .category(new CategoryShare(Category.DERIVED, 1, DataSize.parse("1 MB"), 1.0))
                .category(new CategoryShare(Category.LOGS, 2, DataSize.parse("500 kB"), 1.0))
                .place(Jurisdiction.US, "va", "sg1")
                .place(Jurisdiction.CA, "va", "sg1")
                .place(Jurisdiction.AU, "sg1")
                .place(Jurisdiction.NZ, "sg1")
                .place(Jurisdiction.SG, "sg1", "sg2")
                .place(Jurisdiction.IN, "sg2")
                .legalHoldFraction(0.001)
                .build();
        RecordStore store = PopulationGenerator.generate(spec, topology);
        List<Rule> rules = new ArrayList<>();
        for (String home : new String[] {"US", "CA", "AU", "NZ"}) {
            Jurisdiction j = Jurisdiction.of(home);
            rules.add(Rule.move(
                    home.toLowerCase(java.util.Locale.ROOT) + "-in-country", List.of(j), SiteConstraint.in(j)));
        }
        ResidencyPolicy policy = new ResidencyPolicy(
                "carve-out",
                ImmutableList.copyOf(rules),
                SiteConstraint.ANY,
                ImmutableMap.of("videos", 10, "messages", 9, "profile", 8, "behavioural", 5, "logs", 1));
        return PlanningProblem.builder()
                .store(store)
                .policy(policy)
                .options(
                        PlanOptions.builder().targetBatchBytes(100_000_000_000L).build())
                .build();
    }

    /**
     * A random connected topology of {@code siteCount} sites in 25 countries (a spanning tree plus as
     * many extra links, 10 to 100 Gbps), 60,000 records of six home countries placed on two random
     * sites each, and one rule per home country keeping its data in that country or one partner
     * country: six commodities competing for links.
     */
    public static PlanningProblem randomFleet(int siteCount, long seed) {
        Random rng = new Random(seed);
        String[] countries = {
            "US", "CA", "AU", "NZ", "SG", "IN", "IE", "NO", "JP", "DE", "FR", "BR", "ZA", "KR", "GB", "NL", "SE", "ES",
            "IT", "MX", "CL", "AR", "PL", "FI", "DK"
        };
        List<DataCenter> sites = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            sites.add(new DataCenter(
                    "dc" + i,
                    Jurisdiction.of(countries[i % countries.length]),
                    "op",
                    DataSize.parse("50 PB"),
                    Bandwidth.parse("400 Gbps"),
                    Bandwidth.parse("400 Gbps")));
        }
        List<Link> links = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        for (int i = 1; i < siteCount; i++) {
            int j = rng.nextInt(i);
            pairs.add((long) j * siteCount + i);
            links.add(randomLink(rng, j, i));
        }
        for (int extra = 0; extra < siteCount; extra++) {
            int a = rng.nextInt(siteCount);
            int b = rng.nextInt(siteCount);
            if (a != b && pairs.add((long) Math.min(a, b) * siteCount + Math.max(a, b))) {
                links.add(randomLink(rng, a, b));
            }
        }
        Topology topology = Topology.of(sites, links);
        PopulationSpec.Builder spec = PopulationSpec.builder().seed(seed).meanRecordsPerUser(3);
        List<Rule> rules = new ArrayList<>();
        for (int h = 0; h < HOMES.length; h++) {
            Jurisdiction home = Jurisdiction.of(HOMES[h]);
            spec.users(home, 20_000 / HOMES.length);
            spec.place(home, "dc" + rng.nextInt(siteCount), "dc" + rng.nextInt(siteCount));
            Jurisdiction partner = Jurisdiction.of(countries[6 + h]);
            rules.add(Rule.move("r-" + HOMES[h], List.of(home), SiteConstraint.in(home, partner)));
        }
        spec.category(new CategoryShare(Category.VIDEOS, 1, DataSize.parse("500 MB"), 1.0));
        RecordStore store = PopulationGenerator.generate(spec.build(), topology);
        return PlanningProblem.builder()
                .store(store)
                .policy(new ResidencyPolicy(
                        "random-fleet", ImmutableList.copyOf(rules), SiteConstraint.ANY, ImmutableMap.of()))
                .build();
    }

    private static Link randomLink(Random rng, int a, int b) {
        return Link.symmetric(
                "dc" + a,
                "dc" + b,
                new Bandwidth(1.25e9 * (1 + rng.nextInt(10))),
                Duration.ofMillis(5 + rng.nextInt(150)),
                0.01 * rng.nextInt(6));
    }

    private static DataCenter dc(String id, String country, int petabytes) {
        return new DataCenter(
                id,
                Jurisdiction.of(country),
                "op",
                DataSize.ofPetabytes(petabytes),
                Bandwidth.parse("400 Gbps"),
                Bandwidth.parse("400 Gbps"));
    }
}
