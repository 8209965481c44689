package dev.residency.sim.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.sim.scenario.AggregateRow;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Scenarios for migration tests whose store and plan are made by the test itself. */
final class MigrationFixtures {

    /** The start of every test run. */
    static final Instant START = Instant.parse("2020-08-02T00:00:00Z");

    private MigrationFixtures() {}

    /**
     * Returns one replication's settings with nothing random left to happen: no deletion failures,
     * backups kept for no time and crypto-shredded, and a 60 s write freeze (faults as the builder's
     * default, none).
     */
    static RunSettings.Builder quietRun() {
        return RunSettings.builder(START)
                .replications(1)
                .writeFreeze(Duration.ofSeconds(60))
                .deletionFailureProbability(0)
                .backups(new Backups(Duration.ZERO, true));
    }

    /**
     * Prepares a one-link migration: sites sg (SG) and us (US), one 1 Gbps link with 10 ms latency,
     * 100 US records of 1 GB at sg (one user each), planned as ten 10 GB batches of 80 s each, back to
     * back (makespan 800 s), under {@code run}.
     */
    static MigrationSetup oneLinkTenBatches(RunSettings run) {
        Topology topology = oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = usInUs();
        // The plan is made without a hard deadline whatever the run's rule, so both rules share it.
        MigrationPlan plan = plan(store, policy, 10_000_000_000L);
        return MigrationSetup.prepare(
                scenario("one-link-ten-batches", topology, policy, PlanningSettings.defaults(), run), store, plan);
    }

    /** Returns sites sg (SG) and us (US), far faster than the one 1 Gbps (1.25e8 B/s), 10 ms link between them. */
    static Topology oneLink() {
        DataCenter sg = new DataCenter(
                "sg", Jurisdiction.SG, "op", DataSize.ofTerabytes(100), new Bandwidth(1e12), new Bandwidth(1e12));
        DataCenter us = new DataCenter(
                "us", Jurisdiction.US, "op", DataSize.ofTerabytes(100), new Bandwidth(1e12), new Bandwidth(1e12));
        return Topology.of(
                List.of(sg, us),
                List.of(Link.symmetric("sg", "us", new Bandwidth(1.25e8), Duration.ofMillis(10), 0.02)));
    }

    /**
     * Returns the holdover sites: sg (SG), jp (JP) and us (US), each with 1 TB of storage and far faster
     * than the links, joined by 1 Gbps (1.25e8 B/s) links without latency, {@code sg-jp} at 0.02 USD/GiB
     * and {@code jp-us} at 0.01 USD/GiB.
     */
    static Topology holdoverTopology() {
        return Topology.of(
                List.of(
                        holdoverSite("sg", Jurisdiction.SG),
                        holdoverSite("jp", Jurisdiction.of("JP")),
                        holdoverSite("us", Jurisdiction.US)),
                List.of(
                        Link.symmetric("sg", "jp", new Bandwidth(1.25e8), Duration.ZERO, 0.02),
                        Link.symmetric("jp", "us", new Bandwidth(1.25e8), Duration.ZERO, 0.01)));
    }

    private static DataCenter holdoverSite(String id, Jurisdiction jurisdiction) {
        return new DataCenter(
                id, jurisdiction, "op", DataSize.ofTerabytes(1), new Bandwidth(1e12), new Bandwidth(1e12));
    }

    /**
     * Returns planning settings for {@link #holdoverTopology()}: the flow planner with {@code
     * targetBatchBytes} and steps of {@code stepSeconds}, {@code sg-jp} in maintenance from {@code
     * sgJpDownSeconds} to {@code sgJpUpSeconds} and {@code jp-us} from the start to {@code jpUsUpSeconds}.
     */
    static PlanningSettings holdoverPlanning(
            long targetBatchBytes, long stepSeconds, long sgJpDownSeconds, long sgJpUpSeconds, long jpUsUpSeconds) {
        return new PlanningSettings(
                "flow",
                targetBatchBytes,
                Duration.ofSeconds(stepSeconds),
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.of(
                        new MaintenanceWindow(
                                "sg", "jp", START.plusSeconds(sgJpDownSeconds), START.plusSeconds(sgJpUpSeconds)),
                        new MaintenanceWindow("jp", "us", START, START.plusSeconds(jpUsUpSeconds))),
                ImmutableMap.of());
    }

    /** Returns the policy "US users' data only in the US". */
    static ResidencyPolicy usInUs() {
        return ResidencyPolicy.of(
                "us-in-us", Rule.move("us-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)));
    }

    /** Plans {@code store} under {@code policy} with the flow planner, 10 s steps and the given batch size. */
    static MigrationPlan plan(RecordStore store, ResidencyPolicy policy, long targetBatchBytes) {
        return Planners.byName("flow")
                .plan(PlanningProblem.builder()
                        .store(store)
                        .policy(policy)
                        .options(PlanOptions.builder()
                                .targetBatchBytes(targetBatchBytes)
                                .timeStep(Duration.ofSeconds(10))
                                .build())
                        .build());
    }

    /**
     * Returns a scenario over {@code topology} and {@code policy} with {@code run}; its population is a
     * placeholder, since tests prepare the setup with their own store and plan.
     */
    static Scenario scenario(
            String name, Topology topology, ResidencyPolicy policy, PlanningSettings planning, RunSettings run) {
        PopulationSource placeholder = new PopulationSource.Aggregated(ImmutableList.of(new AggregateRow(
                Jurisdiction.US,
                Category.VIDEOS,
                ImmutableList.of(topology.site(0).id()),
                1,
                1,
                1,
                false)));
        return new Scenario(
                name, "test scenario " + name, topology, placeholder, 1, policy, planning, run, ImmutableList.of());
    }
}
