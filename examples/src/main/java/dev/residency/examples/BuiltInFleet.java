package dev.residency.examples;

import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationGenerator;
import dev.residency.data.PopulationSpec;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.geo.JurisdictionSet;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;

/**
 * The built-in fleet of the examples: TikTok's 2020 sites and the Microsoft Azure regions that the
 * 2 Aug 2020 proposal would have moved the carve-out's data to, with a synthetic population.
 *
 * <p>Public facts (see {@code shared/SCENARIOS.md}): US user data was stored in Virginia with a backup
 * in Singapore; about 100 million monthly US users in July 2020; the deal covered the US, Canada,
 * Australia and New Zealand. Everything else is an <b>estimate</b>: users of CA, AU and NZ are scaled
 * from the US figure by population (38, 26 and 5 million against 331 million), the whole population is
 * scaled down 1:1,000 so the example runs in a second, per-record sizes are guesses for a short-video
 * service, and capacities are round numbers.
 */
public final class BuiltInFleet {

    /** The population scale: one synthetic user stands for this many real ones. */
    public static final int SCALE = 1_000;

    private BuiltInFleet() {}

    /** Returns TikTok's 2020 sites and five Azure regions, linked by round-number estimates. */
    public static Topology topology() {
        Bandwidth tb = Bandwidth.parse("1.6 Tbps");
        Bandwidth wan = Bandwidth.parse("400 Gbps");
        return Topology.builder()
                .site(site("tiktok-virginia", "US", "ByteDance", "800 PB"))
                .site(site("tiktok-singapore", "SG", "ByteDance", "800 PB"))
                .site(site("azure-eastus", "US", "Microsoft Azure", "1000 PB"))
                .site(site("azure-westus2", "US", "Microsoft Azure", "1000 PB"))
                .site(site("azure-centralus", "US", "Microsoft Azure", "1000 PB"))
                .site(site("azure-canadacentral", "CA", "Microsoft Azure", "200 PB"))
                .site(site("azure-australiaeast", "AU", "Microsoft Azure", "200 PB"))
                .link(Link.symmetric("tiktok-virginia", "azure-eastus", tb, Duration.ofMillis(2), 0.02))
                .link(Link.symmetric("tiktok-virginia", "azure-centralus", wan, Duration.ofMillis(20), 0.02))
                .link(Link.symmetric("tiktok-singapore", "tiktok-virginia", wan, Duration.ofMillis(110), 0.05))
                .link(Link.symmetric("tiktok-singapore", "azure-westus2", wan, Duration.ofMillis(85), 0.05))
                .link(Link.symmetric("tiktok-singapore", "azure-australiaeast", wan, Duration.ofMillis(45), 0.05))
                .link(Link.symmetric("azure-eastus", "azure-westus2", tb, Duration.ofMillis(35), 0.02))
                .link(Link.symmetric("azure-eastus", "azure-centralus", tb, Duration.ofMillis(15), 0.02))
                .link(Link.symmetric("azure-eastus", "azure-canadacentral", wan, Duration.ofMillis(12), 0.02))
                .build();
    }

    /** Returns the synthetic carve-out population, scaled down 1:{@value #SCALE}, for {@code seed}. */
    public static PopulationSpec population(long seed) {
        return PopulationSpec.builder()
                .seed(seed)
                .users(Jurisdiction.US, 100_000_000 / SCALE)
                .users(Jurisdiction.CA, 11_500_000 / SCALE)
                .users(Jurisdiction.AU, 7_800_000 / SCALE)
                .users(Jurisdiction.NZ, 1_500_000 / SCALE)
                .meanRecordsPerUser(12)
                .category(new CategoryShare(Category.VIDEOS, 3, DataSize.parse("20 MB"), 1.2))
                .category(new CategoryShare(Category.MESSAGES, 4, DataSize.parse("200 kB"), 1.0))
                .category(new CategoryShare(Category.PROFILE, 1, DataSize.parse("50 kB"), 0.5))
                .category(new CategoryShare(Category.BEHAVIOURAL, 3, DataSize.parse("2 MB"), 1.0))
                .category(new CategoryShare(Category.DERIVED, 1, DataSize.parse("1 MB"), 0.8))
                .category(new CategoryShare(Category.LOGS, 2, DataSize.parse("500 kB"), 1.0))
                .category(new CategoryShare(Category.PUBLIC_CONTENT, 1, DataSize.parse("10 MB"), 1.0))
                .place(Jurisdiction.US, "tiktok-virginia", "tiktok-singapore")
                .placeOthers("tiktok-virginia", "tiktok-singapore")
                .legalHoldFraction(0.0005)
                .build();
    }

    /** Returns the population of {@link #population(long)} generated on {@link #topology()}. */
    public static RecordStore records(long seed) {
        return PopulationGenerator.generate(population(seed), topology());
    }

    /**
     * Returns the 2020 commitment as a policy: American users' data only in the US on Microsoft's
     * servers; Canadian, Australian and New Zealand users' data within the carve-out on Microsoft's
     * servers. Public content is excepted, as Project Texas later excepted interoperability data.
     */
    public static ResidencyPolicy policy() {
        Rule us = Rule.move(
                        "us-data-in-us",
                        JurisdictionSet.of("us", "US").members(),
                        SiteConstraint.in(Jurisdiction.US).operatedBy("Microsoft Azure"))
                .exemptingExceptable();
        Rule others = Rule.move(
                        "carve-out-data-in-carve-out",
                        JurisdictionSet.of("ca-au-nz", "CA", "AU", "NZ").members(),
                        SiteConstraint.in(JurisdictionSet.CARVE_OUT.members()).operatedBy("Microsoft Azure"))
                .exemptingExceptable();
        return ResidencyPolicy.of("microsoft-tiktok-2020", us, others);
    }

    private static DataCenter site(String id, String jurisdiction, String operator, String storage) {
        return new DataCenter(
                id,
                Jurisdiction.of(jurisdiction),
                operator,
                DataSize.parse(storage),
                Bandwidth.parse("2 Tbps"),
                Bandwidth.parse("2 Tbps"));
    }
}
