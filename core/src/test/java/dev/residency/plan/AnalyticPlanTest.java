package dev.residency.plan;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans whose makespan, bound, batches and cost can be worked out by hand; the arithmetic is in each
 * test.
 */
final class AnalyticPlanTest {

    private static final double GBPS = 125e6;

    @Test
    void plan_oneLink_takesBytesOverBandwidth() {
        // 100 records of 1 GB at sg, US home, one 1 Gbps link sg-us1 with 10 ms of latency:
        // 1e11 B / 1.25e8 B/s = 800 s; 10 GB batches = 10 batches of 80 s each, back to back, each
        // waiting 0.01 s for the latency before its first byte: batch k over [80k + 0.01k, 80(k+1) +
        // 0.01(k+1)] s, the last ending at 800.1 s; the bound, 800 s, leaves latency out;
        // egress 1e11 B / 2^30 B/GiB * $0.02 = $1.8626.
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1_000_000_000_000L), site("us1", "US", 1_000_000_000_000L)),
                List.of(link("sg", "us1", GBPS, 0.02)));
        RecordStore.Builder store = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(PlanOptions.builder().targetBatchBytes(10_000_000_000L).build())
                .build();

        MigrationPlan plan = Planners.byName("flow").plan(problem);

        assertThat(PlanVerifier.verify(plan, problem).isValid())
                .as("%s", PlanVerifier.verify(plan, problem))
                .isTrue();
        assertThat(plan.makespanSeconds()).isCloseTo(800.1, within(1e-6));
        assertThat(plan.lowerBoundSeconds()).isCloseTo(800, within(1e-3));
        assertThat(plan.qualityRatio()).isCloseTo(800.1 / 800, within(1e-6));
        assertThat(plan.batches()).hasSize(10);
        assertThat(plan.batches().get(3).plannedStartSeconds()).isCloseTo(240.03, within(1e-6));
        assertThat(plan.batches().get(3).plannedEndSeconds()).isCloseTo(320.04, within(1e-6));
        assertThat(plan.egressCostUsd()).isCloseTo(1e11 / (1L << 30) * 0.02, within(1e-9));
        assertThat(plan.classification().of(RecordClass.MOVE).records()).isEqualTo(100);
        assertThat(plan.bytesToDeleteByReason()).containsEntry(DeletionReason.AFTER_MOVE, 100_000_000_000L);
    }

    @Test
    void plan_twoDisjointPaths_flowHalvesGreedyMakespan() {
        // sg-us1 direct at 1 Gbps, and sg-jp-us1 at 1 Gbps per hop: the flow uses both paths,
        // 1e11 B / 2.5e8 B/s = 400 s; the greedy baseline takes the single widest path, 800 s, as one
        // batch (below the 1 TB target) that first waits for the link's 10 ms of latency: 800.01 s.
        Topology topology = Topology.of(
                List.of(
                        site("sg", "SG", 1_000_000_000_000L),
                        site("jp", "JP", 1_000_000_000_000L),
                        site("us1", "US", 1_000_000_000_000L)),
                List.of(link("sg", "us1", GBPS, 0.02), link("sg", "jp", GBPS, 0.01), link("jp", "us1", GBPS, 0.01)));
        RecordStore.Builder store = RecordStore.builder(topology, 1000);
        for (int i = 0; i < 1000; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 100_000_000L, false, 0);
        }
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build();

        MigrationPlan flow = Planners.byName("flow").plan(problem);
        MigrationPlan greedy = Planners.byName("greedy").plan(problem);

        assertThat(PlanVerifier.verify(flow, problem).isValid()).isTrue();
        assertThat(PlanVerifier.verify(greedy, problem).isValid())
                .as("%s", PlanVerifier.verify(greedy, problem))
                .isTrue();
        assertThat(flow.lowerBoundSeconds()).isCloseTo(400, within(1e-3));
        assertThat(flow.makespanSeconds()).isCloseTo(400, within(0.5));
        assertThat(greedy.makespanSeconds()).isCloseTo(800.01, within(1e-5));
        assertThat(greedy.makespanSeconds() / flow.makespanSeconds()).isGreaterThan(1.99);
    }
}
