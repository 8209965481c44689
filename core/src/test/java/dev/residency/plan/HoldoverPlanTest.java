package dev.residency.plan;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.io.PlanWriter;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holdover at a transit site, worked out by hand: 100 records of 1 GB (US users) at {@code sg}, a 1 Gbps
 * link {@code sg-jp} open only before t = 1,000 s (maintenance from 1,000 s to 100,000 s), a 1 Gbps link
 * {@code jp-us} open only from t = 2,000 s (maintenance from 0 to 2,000 s), no other link. The data can
 * reach {@code us} only by waiting at {@code jp}, which the policy lists as a staging site. The time step
 * is 1,000 s, so that every window edge is on the grid and the earliest-arrival slots are the windows.
 */
final class HoldoverPlanTest {

    private static final double GBPS = 125e6;
    private static final long GB = 1_000_000_000L;

    static PlanningProblem problem(boolean staging) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1_000 * GB), site("jp", "JP", 1_000 * GB), site("us", "US", 1_000 * GB)),
                List.of(link("sg", "jp", GBPS, 0.02), link("jp", "us", GBPS, 0.01)));
        RecordStore.Builder store = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, GB, false, 0);
        }
        ResidencyPolicy policy = keepIn(Jurisdiction.US, Jurisdiction.US);
        if (staging) {
            policy = policy.withStaging(List.of("jp"));
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(PlanOptions.builder()
                        .targetBatchBytes(10 * GB)
                        .timeStep(Duration.ofSeconds(1_000))
                        .maintenance(new LinkWindow("sg", "jp", Duration.ofSeconds(1_000), Duration.ofSeconds(100_000)))
                        .maintenance(new LinkWindow("jp", "us", Duration.ofSeconds(0), Duration.ofSeconds(2_000)))
                        .build())
                .build();
    }

    @Test
    void plan_stagingAllowed_waitsAtTransitSiteAndArrivesAtItsWindow() {
        // With holdover: the 1e11 B cross sg-jp in the interval [0, 1000) s (the flow spreads over the
        // interval: 1e11 B / 1000 s = 1e8 B/s, below the link's 1.25e8 B/s), wait at jp, and cross jp-us from
        // 2000 s at 1.25e8 B/s: 1e11 / 1.25e8 = 800 s, arriving by 2800 s. In 10 GB batches: leg k (k = 0..9)
        // sg->jp over [100k, 100(k+1)] s, then jp->us over [2000 + 80k, 2000 + 80(k+1)] s.
        // Area (final legs only): sum 1e10 * (2000 + 80(k+1)) = 1e10 * (20000 + 80 * 55) = 2.44e14 B.s.
        PlanningProblem problem = problem(true);

        MigrationPlan plan = Planners.byName("flow").plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(plan.batches()).hasSize(20);
        int jp = problem.topology().siteIndex("jp");
        int us = problem.topology().siteIndex("us");
        long staged = plan.batches().stream().filter(TransferBatch::staging).count();
        assertThat(staged).isEqualTo(10);
        for (TransferBatch batch : plan.batches()) {
            if (batch.staging()) {
                assertThat(batch.destination()).isEqualTo(jp);
                assertThat(batch.plannedEndSeconds()).isLessThanOrEqualTo(1_000 + 1e-6);
            } else {
                TransferBatch first = plan.batches().get(batch.previousLeg());
                assertThat(first.staging()).isTrue();
                assertThat(first.records()).isEqualTo(batch.records());
                assertThat(batch.source()).isEqualTo(jp);
                assertThat(batch.destination()).isEqualTo(us);
                assertThat(batch.plannedStartSeconds()).isGreaterThanOrEqualTo(2_000 - 1e-6);
            }
        }
        assertThat(plan.makespanSeconds()).isCloseTo(2_800, within(1e-3 * 2_800));
        assertThat(plan.areaByteSeconds()).isCloseTo(2.44e14, within(1e-3 * 2.44e14));
        assertThat(plan.bytesToMove()).isEqualTo(100 * GB);
        // Egress: every byte pays both legs, 1e11 B / 2^30 * (0.02 + 0.01) USD.
        assertThat(plan.egressCostUsd()).isCloseTo(1e11 / (1L << 30) * 0.03, within(1e-9));
        assertThat(plan.areaLowerBoundByteSeconds()).isLessThanOrEqualTo(plan.areaByteSeconds() * (1 + 1e-9));
        assertThat(plan.lowerBoundSeconds()).isLessThanOrEqualTo(plan.makespanSeconds() * (1 + 1e-9));
        // The writers show the legs: batch 0 stages at jp, batch 1 continues it.
        List<String> rows =
                PlanWriter.batchesCsv(plan, problem.topology()).lines().toList();
        assertThat(rows.get(0)).endsWith(",previous_leg,staging");
        assertThat(rows.get(1)).startsWith("0,").contains(",sg,jp,sg>jp,").endsWith(",,true");
        assertThat(rows.get(2)).startsWith("1,").contains(",jp,us,jp>us,").endsWith(",0,false");
        assertThat(PlanWriter.json(plan, problem.topology())).contains("\"previousLeg\": 0, \"staging\": false");
    }

    @Test
    void plan_stagingNotAllowed_waitsForBothLinksToBeOpen() {
        // Without a staging site the data crosses sg-jp-us in one interval, once both links are open: from
        // 100,000 s, at 1.25e8 B/s, 800 s: it arrives by 100,800 s, about 98,000 s later than with holdover.
        PlanningProblem problem = problem(false);

        MigrationPlan plan = Planners.byName("flow").plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(plan.batches()).noneMatch(TransferBatch::staging);
        assertThat(plan.batches()).noneMatch(TransferBatch::continuesLeg);
        assertThat(plan.batches()).allMatch(b -> b.plannedStartSeconds() >= 100_000 - 1e-6);
        assertThat(plan.makespanSeconds()).isCloseTo(100_800, within(1e-3 * 100_800));
    }
}
