package dev.residency.benchmarks.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationSpec;
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
import dev.residency.units.Durations;
import java.util.List;

/**
 * The fleet, population and policy the core benchmarks share: a 2020-carve-out-like case with eight
 * data centers, seven home jurisdictions, all seven built-in categories (derived data unmovable), ten
 * records per user on average and 0.1% of records under legal hold. US data must be in the US on
 * Oracle servers (public content excepted); Canadian, Australian and New Zealand data in the
 * carve-out; the rest is unconstrained. As placed, about 55% of the records and 54% of the bytes
 * violate (measured at 10^8 records, seed 42).
 */
public final class CoreScenario {

    /** The mean records per user of {@link #spec}. */
    public static final double RECORDS_PER_USER = 10;

    private CoreScenario() {}

    /** Returns the eight-site fleet. */
    public static Topology topology() {
        Topology.Builder b = Topology.builder()
                .site(dc("us-va", Jurisdiction.US, "ByteDance"))
                .site(dc("us-tx", Jurisdiction.US, "Oracle"))
                .site(dc("ca-tor", Jurisdiction.CA, "Microsoft Azure"))
                .site(dc("au-syd", Jurisdiction.AU, "Microsoft Azure"))
                .site(dc("sg", Jurisdiction.SG, "ByteDance"))
                .site(dc("in-bom", Jurisdiction.IN, "ByteDance"))
                .site(dc("ie-dub", Jurisdiction.IE, "ByteDance"))
                .site(dc("no-osl", Jurisdiction.NO, "ByteDance"));
        String[][] links = {
            {"us-va", "us-tx", "400 Gbps", "20ms"},
            {"us-va", "ca-tor", "100 Gbps", "15ms"},
            {"us-va", "ie-dub", "100 Gbps", "70ms"},
            {"us-va", "sg", "40 Gbps", "220ms"},
            {"sg", "au-syd", "40 Gbps", "90ms"},
            {"sg", "in-bom", "40 Gbps", "60ms"},
            {"ie-dub", "no-osl", "100 Gbps", "30ms"},
            {"us-tx", "au-syd", "10 Gbps", "170ms"},
        };
        for (String[] l : links) {
            b.link(Link.symmetric(l[0], l[1], Bandwidth.parse(l[2]), Durations.parse(l[3]), 0.02));
        }
        return b.build();
    }

    private static DataCenter dc(String id, Jurisdiction j, String operator) {
        return new DataCenter(
                id, j, operator, DataSize.parse("500 PB"), Bandwidth.parse("400 Gbps"), Bandwidth.parse("400 Gbps"));
    }

    /**
     * Returns the population spec of about {@code records} records (users = records / 10).
     *
     * @throws IllegalArgumentException if {@code records} is below 10
     */
    public static PopulationSpec spec(long records, long seed) {
        checkArgument(records >= 10, "records must be at least 10: %s", records);
        long users = (long) (records / RECORDS_PER_USER);
        // Shares of users per home jurisdiction, in percent, summing to 100.
        Object[][] homes = {
            {Jurisdiction.US, 50, new String[] {"us-va", "sg"}},
            {Jurisdiction.CA, 8, new String[] {"us-va"}},
            {Jurisdiction.AU, 6, new String[] {"sg", "au-syd"}},
            {Jurisdiction.NZ, 1, new String[] {"sg"}},
            {Jurisdiction.SG, 10, new String[] {"sg"}},
            {Jurisdiction.IN, 15, new String[] {"sg", "in-bom"}},
            {Jurisdiction.IE, 10, new String[] {"ie-dub", "us-va"}},
        };
        PopulationSpec.Builder b = PopulationSpec.builder().seed(seed);
        long assigned = 0;
        for (int i = 0; i < homes.length; i++) {
            Jurisdiction home = (Jurisdiction) homes[i][0];
            long n = i == homes.length - 1 ? users - assigned : users * (Integer) homes[i][1] / 100;
            assigned += n;
            b.users(home, Math.toIntExact(n)).place(home, (String[]) homes[i][2]);
        }
        return b.meanRecordsPerUser(RECORDS_PER_USER)
                .category(new CategoryShare(Category.PROFILE, 1, DataSize.parse("2 kB"), 0.5))
                .category(new CategoryShare(Category.MESSAGES, 3, DataSize.parse("1 kB"), 1))
                .category(new CategoryShare(Category.VIDEOS, 1, DataSize.parse("20 MB"), 1.5))
                .category(new CategoryShare(Category.BEHAVIOURAL, 4, DataSize.parse("500 B"), 1))
                .category(new CategoryShare(Category.DERIVED, 1, DataSize.parse("10 kB"), 1))
                .category(new CategoryShare(Category.LOGS, 2, DataSize.parse("300 B"), 1))
                .category(new CategoryShare(Category.PUBLIC_CONTENT, 0.5, DataSize.parse("5 MB"), 1))
                .legalHoldFraction(0.001)
                .build();
    }

    /** Returns the policy: US data on Oracle in the US (public content excepted), carve-out data in the carve-out. */
    public static ResidencyPolicy policy() {
        List<Jurisdiction> carveOut = List.of(Jurisdiction.CA, Jurisdiction.AU, Jurisdiction.NZ);
        return ResidencyPolicy.of(
                "carve-out",
                Rule.move(
                                "us-on-oracle",
                                List.of(Jurisdiction.US),
                                SiteConstraint.in(Jurisdiction.US).operatedBy("Oracle"))
                        .exemptingExceptable(),
                Rule.move("carve-out-in-carve-out", carveOut, SiteConstraint.in(JurisdictionSet.CARVE_OUT.members())));
    }
}
