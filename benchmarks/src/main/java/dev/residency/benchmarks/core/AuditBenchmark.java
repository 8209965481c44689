package dev.residency.benchmarks.core;

import dev.residency.audit.AuditReport;
import dev.residency.audit.ComplianceAudit;
import dev.residency.data.PopulationGenerator;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.policy.PolicyIndex;
import dev.residency.policy.ResidencyPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does {@link ComplianceAudit} audit a store? {@code audit} is the whole audit from the
 * store (one aggregation pass into {@link RecordGroups}, then work per group); {@code auditGroups}
 * is only the per-group part, on groups aggregated once in set-up. The secondary result {@code
 * records} is records audited per second. The store is the {@link CoreScenario} population of
 * {@code records} records, generated once per trial.
 *
 * <p>Quick mode: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -w 1s -i 2 -r 1s
 * AuditBenchmark}. Full mode: {@code java -jar benchmarks/target/benchmarks.jar -rf json
 * AuditBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class AuditBenchmark {

    /** Records in the audited store. */
    @Param({"1000000", "10000000"})
    public int records;

    private RecordStore store;
    private ResidencyPolicy policy;
    private RecordGroups groups;
    private PolicyIndex index;

    /** Generates the store and resolves the policy. */
    @Setup(Level.Trial)
    public void setUp() {
        store = PopulationGenerator.generate(CoreScenario.spec(records, 42), CoreScenario.topology());
        policy = CoreScenario.policy();
        groups = RecordGroups.of(store);
        index = PolicyIndex.of(policy, store);
    }

    /** Audits the store from scratch. */
    @Benchmark
    public AuditReport audit(RecordCounters counters) {
        counters.records += store.size();
        return ComplianceAudit.run(store, policy);
    }

    /** Audits pre-aggregated groups against the pre-resolved policy. */
    @Benchmark
    public AuditReport auditGroups(RecordCounters counters) {
        counters.records += store.size();
        return ComplianceAudit.run(groups, index);
    }
}
