package dev.residency.testing;

/**
 * The fleet, policy and run sections of a scenario file on two sites, for the tests of every module
 * that reads or writes scenario files (sim's loader, the inventory engines' fronts): {@code src} in
 * Singapore and {@code dst} in the United States (10 PB each, one 10 Gbps link), a policy that keeps
 * US-homed data in the US, one replication from 2020-08-02 to 2020-09-15. It is text only: core does not
 * read scenario files, and this class lives here, in the core test-jar, because every module's tests
 * see that jar.
 */
public final class TwoSiteFleet {

    /** The {@code sites}, {@code links}, {@code policy} and {@code run} sections, without name or population. */
    public static final String YAML = """
            sites:
              - {id: src, jurisdiction: SG, operator: Old, storage: 10 PB, ingest: 100 Gbps, egress: 100 Gbps}
              - {id: dst, jurisdiction: US, operator: New, storage: 10 PB, ingest: 100 Gbps, egress: 100 Gbps}
            links:
              - {from: src, to: dst, bandwidth: 10 Gbps}
            policy:
              rules:
                - {name: us-in-us, homes: [US], allowed: {jurisdictions: [US]}}
            run:
              start: 2020-08-02
              deadline: 2020-09-15
              replications: 1
            """;

    private TwoSiteFleet() {}
}
