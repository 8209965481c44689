package dev.residency.examples;

import dev.residency.audit.AuditReport;
import dev.residency.audit.AuditTable;
import dev.residency.audit.ComplianceAudit;
import dev.residency.data.RecordStore;

/**
 * Embedding example: models the built-in fleet ({@link BuiltInFleet}), generates its population,
 * audits it against the 2020 commitment and prints the audit table.
 *
 * <p>Run: {@code java -cp examples/target/residency.jar dev.residency.examples.AuditBuiltInFleet [seed]}
 */
public final class AuditBuiltInFleet {

    private AuditBuiltInFleet() {}

    /** Prints the audit of the built-in fleet; the optional argument is the population seed. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 2020;
        RecordStore store = BuiltInFleet.records(seed);
        AuditReport report = ComplianceAudit.run(store, BuiltInFleet.policy());
        System.out.printf(
                "Built-in fleet: TikTok 2020 sites and Azure regions; %,d synthetic users (1:%,d of the carve-out),"
                        + " %,d records, seed %d.%n%n",
                store.userCount(), BuiltInFleet.SCALE, store.size(), seed);
        System.out.print(AuditTable.render(report));
    }
}
