package dev.residency.benchmarks.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationGenerator;
import dev.residency.data.PopulationSpec;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.geo.JurisdictionSet;
import dev.residency.plan.MigrationPlan;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Migrations;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.DistributionSpec;
import dev.residency.sim.scenario.FailureSpec;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import dev.residency.units.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does a whole simulated migration take? A carve-out-shaped migration of 10^6 records in
 * about 10^4 batches over a 20-site fleet (7 ByteDance source sites, 13 Azure destinations), with
 * link and site failures, corruption, deletion failures, live writes and 30 days of backup retention,
 * is prepared once per trial (population, plan); {@code oneRun} times one replication ({@link
 * MigrationRun#execute}), and its secondary result {@code events} is simulated events per second;
 * {@code hundredReplications} times 100 replications on 2 threads ({@link Migrations#replicate}),
 * its secondary result {@code events} being the events they processed.
 *
 * <p>Quick mode: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -w 1s -i 2 -r 1s
 * WholeRunBenchmark}. Full mode: {@code java -jar benchmarks/target/benchmarks.jar -rf json
 * WholeRunBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WholeRunBenchmark {

    /** Synthetic records in the population. */
    static final int RECORDS = 1_000_000;

    /** The number of batches the plan aims at. */
    static final int TARGET_BATCHES = 10_000;

    private static final Instant START = Instant.parse("2020-08-02T00:00:00Z");

    private MigrationSetup setup;
    private int replication;

    /** Simulated events processed, reported per second in throughput mode. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Events {
        /** Events of this iteration's runs. */
        public long events;
    }

    /** Simulated events processed, reported as a count per iteration. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class EventCount {
        /** Events of this iteration's replications. */
        public long events;
    }

    /** Builds the fleet and population and plans the migration. */
    @Setup(Level.Trial)
    public void prepare() {
        Topology topology = topology();
        PopulationSpec spec = population();
        RecordStore store = PopulationGenerator.generate(spec, topology);
        ResidencyPolicy policy = ResidencyPolicy.of(
                "carve-out-on-azure",
                Rule.move(
                        "us-in-us",
                        List.of(Jurisdiction.US),
                        SiteConstraint.in(Jurisdiction.US).operatedBy("Microsoft Azure")),
                Rule.move(
                        "carve-out-in-carve-out",
                        List.of(Jurisdiction.CA, Jurisdiction.AU, Jurisdiction.NZ),
                        SiteConstraint.in(JurisdictionSet.CARVE_OUT.members()).operatedBy("Microsoft Azure")));
        // Batches of 1/10^4 of the bytes that move (one copy per record).
        long target = Math.max(1, store.totalBytes() / TARGET_BATCHES);
        PlanningSettings planning = new PlanningSettings(
                "flow",
                target,
                Duration.ofHours(1),
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.of(),
                ImmutableMap.of());
        RunSettings run = RunSettings.builder(START)
                .replications(100)
                .seed(2020)
                .horizon(Duration.ofDays(365))
                .deletionFailureProbability(0.01)
                .liveWrites(Jurisdiction.US, new LiveWrites(100_000_000L, 0.001))
                .backups(new Backups(Duration.ofDays(30), false))
                .faults(new Faults(
                        Optional.of(new FailureSpec(
                                new DistributionSpec.Exponential(Duration.ofDays(2)),
                                new DistributionSpec.Exponential(Duration.ofHours(2)))),
                        Optional.of(new FailureSpec(
                                new DistributionSpec.Exponential(Duration.ofDays(20)),
                                new DistributionSpec.Exponential(Duration.ofHours(1)))),
                        1e-15,
                        ImmutableList.of()))
                .build();
        Scenario scenario = new Scenario(
                "whole-run-benchmark",
                "10^6 records, 20 sites, faults",
                topology,
                new PopulationSource.Generated(spec),
                1,
                policy,
                planning,
                run,
                ImmutableList.of());
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);
        setup = MigrationSetup.prepare(scenario, store, plan);
        RunResult probe = MigrationRun.execute(setup, 0);
        System.out.printf(
                "%nwhole run: %,d records, %,d batches, %,d deletions, plan makespan %.1f h; replication 0: %,d"
                        + " events, %d link and %d site failures, %d copy retries, full compliance at day %.1f%n",
                store.size(),
                plan.batches().size(),
                plan.deletions().size(),
                plan.makespanSeconds() / 3600,
                probe.events(),
                probe.linkFailures(),
                probe.siteFailures(),
                probe.copyRetries(),
                probe.fullComplianceSeconds() / 86_400);
    }

    /** Times one replication (a new replication index each call, so faults differ). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public RunResult oneRun(Events events) {
        RunResult result = MigrationRun.execute(setup, replication++ % 1000);
        events.events += result.events();
        return result;
    }

    /** Times 100 replications on 2 threads. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<RunResult> hundredReplications(EventCount count) {
        List<RunResult> results = Migrations.replicate(setup, 2, done -> {});
        for (RunResult r : results) {
            count.events += r.events();
        }
        return results;
    }

    /** Returns the 20-site fleet: ByteDance sources, Azure destinations, a meshed backbone. */
    static Topology topology() {
        Topology.Builder b = Topology.builder();
        String[][] sources = {
            {"bd-va", "US"},
            {"bd-ca", "US"},
            {"bd-sg", "SG"},
            {"bd-jp", "JP"},
            {"bd-ie", "IE"},
            {"bd-in", "IN"},
            {"bd-my", "MY"}
        };
        String[][] azure = {
            {"az-eastus", "US"},
            {"az-eastus2", "US"},
            {"az-centralus", "US"},
            {"az-southcentralus", "US"},
            {"az-westus", "US"},
            {"az-westus2", "US"},
            {"az-westus3", "US"},
            {"az-northcentralus", "US"},
            {"az-canadacentral", "CA"},
            {"az-canadaeast", "CA"},
            {"az-australiaeast", "AU"},
            {"az-australiasoutheast", "AU"},
            {"az-newzealandnorth", "NZ"}
        };
        for (String[] s : sources) {
            b.site(site(s[0], s[1], "ByteDance"));
        }
        for (String[] s : azure) {
            b.site(site(s[0], s[1], "Microsoft Azure"));
        }
        String[][] links = {
            {"bd-va", "az-eastus", "400 Gbps", "2ms"},
            {"bd-va", "az-eastus2", "200 Gbps", "3ms"},
            {"bd-va", "az-centralus", "100 Gbps", "20ms"},
            {"bd-va", "bd-ca", "100 Gbps", "60ms"},
            {"bd-va", "bd-ie", "100 Gbps", "70ms"},
            {"bd-ca", "az-westus", "200 Gbps", "5ms"},
            {"bd-ca", "az-westus2", "100 Gbps", "20ms"},
            {"bd-ca", "az-westus3", "100 Gbps", "15ms"},
            {"bd-sg", "az-westus2", "100 Gbps", "85ms"},
            {"bd-sg", "az-australiaeast", "100 Gbps", "45ms"},
            {"bd-sg", "bd-va", "100 Gbps", "110ms"},
            {"bd-sg", "bd-jp", "100 Gbps", "35ms"},
            {"bd-sg", "bd-in", "40 Gbps", "60ms"},
            {"bd-sg", "bd-my", "100 Gbps", "10ms"},
            {"bd-jp", "az-westus", "100 Gbps", "50ms"},
            {"bd-jp", "az-newzealandnorth", "40 Gbps", "60ms"},
            {"bd-ie", "bd-in", "40 Gbps", "70ms"},
            {"bd-my", "az-australiasoutheast", "40 Gbps", "50ms"},
            {"az-eastus", "az-eastus2", "1.6 Tbps", "2ms"},
            {"az-eastus", "az-centralus", "1.6 Tbps", "15ms"},
            {"az-eastus", "az-canadacentral", "400 Gbps", "12ms"},
            {"az-eastus2", "az-southcentralus", "800 Gbps", "25ms"},
            {"az-centralus", "az-northcentralus", "800 Gbps", "8ms"},
            {"az-centralus", "az-westus2", "800 Gbps", "30ms"},
            {"az-southcentralus", "az-westus3", "800 Gbps", "20ms"},
            {"az-westus", "az-westus2", "800 Gbps", "15ms"},
            {"az-westus", "az-westus3", "800 Gbps", "10ms"},
            {"az-canadacentral", "az-canadaeast", "400 Gbps", "8ms"},
            {"az-westus2", "az-australiaeast", "400 Gbps", "80ms"},
            {"az-australiaeast", "az-australiasoutheast", "400 Gbps", "10ms"},
            {"az-australiaeast", "az-newzealandnorth", "200 Gbps", "25ms"},
        };
        for (String[] l : links) {
            b.link(Link.symmetric(l[0], l[1], Bandwidth.parse(l[2]), Durations.parse(l[3]), 0.02));
        }
        return b.build();
    }

    private static DataCenter site(String id, String country, String operator) {
        return new DataCenter(
                id,
                Jurisdiction.of(country),
                operator,
                DataSize.parse("100 PB"),
                Bandwidth.parse("2 Tbps"),
                Bandwidth.parse("2 Tbps"));
    }

    /** Returns 10^5 users with 10 records each on average, placed on the ByteDance sites. */
    static PopulationSpec population() {
        int users = RECORDS / 10;
        return PopulationSpec.builder()
                .seed(2020)
                .users(Jurisdiction.US, users * 70 / 100)
                .place(Jurisdiction.US, "bd-va", "bd-sg")
                .users(Jurisdiction.CA, users * 12 / 100)
                .place(Jurisdiction.CA, "bd-va", "bd-ca")
                .users(Jurisdiction.AU, users * 12 / 100)
                .place(Jurisdiction.AU, "bd-sg", "bd-jp")
                .users(Jurisdiction.NZ, users * 6 / 100)
                .place(Jurisdiction.NZ, "bd-sg", "bd-my")
                .meanRecordsPerUser(10)
                .category(new CategoryShare(Category.VIDEOS, 3, DataSize.parse("20 GB"), 1.2))
                .category(new CategoryShare(Category.MESSAGES, 4, DataSize.parse("200 MB"), 1))
                .category(new CategoryShare(Category.PROFILE, 1, DataSize.parse("50 MB"), 0.5))
                .category(new CategoryShare(Category.BEHAVIOURAL, 3, DataSize.parse("2 GB"), 1))
                .category(new CategoryShare(Category.DERIVED, 1, DataSize.parse("1 GB"), 0.8))
                .category(new CategoryShare(Category.LOGS, 2, DataSize.parse("500 MB"), 1))
                .legalHoldFraction(0.0005)
                .build();
    }
}
