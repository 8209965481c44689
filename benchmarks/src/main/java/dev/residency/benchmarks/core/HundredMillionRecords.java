package dev.residency.benchmarks.core;

import dev.residency.audit.AuditReport;
import dev.residency.audit.AuditTable;
import dev.residency.audit.ComplianceAudit;
import dev.residency.data.PopulationGenerator;
import dev.residency.data.RecordStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Checks once, outside JMH, that the {@link CoreScenario} population of 10^8 records (or the count
 * given as the first argument) can be generated and audited within the heap the JVM was given, and
 * prints the time taken and the heap used per record. Run it as:
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.residency.benchmarks.core.HundredMillionRecords [records]
 * </pre>
 */
public final class HundredMillionRecords {

    private HundredMillionRecords() {}

    /** Generates, measures and audits; see the class Javadoc for the arguments. */
    public static void main(String[] args) {
        long records = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 100_000_000L;
        Runtime runtime = Runtime.getRuntime();
        long before = PopulationBenchmark.usedHeapAfterGc();
        System.out.printf(
                Locale.ROOT,
                "JDK %s, %d processors, max heap %.2f GiB%n",
                System.getProperty("java.version"),
                runtime.availableProcessors(),
                runtime.maxMemory() / (double) (1L << 30));

        long t0 = System.nanoTime();
        RecordStore store = PopulationGenerator.generate(CoreScenario.spec(records, 42), CoreScenario.topology());
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        long used = PopulationBenchmark.usedHeapAfterGc() - before;
        System.out.printf(
                Locale.ROOT,
                "generated %,d records in %.2f s (%,.0f records/s); heapBytes() %.2f B/record; used heap after"
                        + " GC %.2f GiB = %.2f B/record%n",
                store.size(),
                generateSeconds,
                store.size() / generateSeconds,
                (double) store.heapBytes() / store.size(),
                used / (double) (1L << 30),
                (double) used / store.size());

        long t1 = System.nanoTime();
        AuditReport report = ComplianceAudit.run(store, CoreScenario.policy());
        double auditSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "audited in %.2f s (%,.0f records/s); peak heap used over the run %.2f GiB%n%n",
                auditSeconds,
                store.size() / auditSeconds,
                peakHeapBytes() / (double) (1L << 30));
        System.out.print(AuditTable.render(report));
    }

    /** Returns the sum over heap memory pools of their peak usage (an upper bound of the true peak). */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
