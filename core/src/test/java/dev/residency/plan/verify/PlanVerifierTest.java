package dev.residency.plan.verify;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static dev.residency.plan.verify.PlanEdits.withBatches;
import static dev.residency.plan.verify.PlanEdits.withDeletions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.Deletion;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.plan.internal.solve.FlowPlanner;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The verifier rejects plans broken in each way it promises to catch: a source deleted before its
 * copy lands, a record left violating, a last copy lost without a destroying reason, too much
 * bandwidth, too little storage, a wrong tally.
 */
final class PlanVerifierTest {

    private static final long GB = 1_000_000_000L;

    private static PlanningProblem problem(long usStorage) {
        return problem(usStorage, 0);
    }

    /**
     * Ten US records of 1 GB at sg, to move to us over one link of 10^8 B/s costing {@code usdPerGiB},
     * in batches of 2 GB.
     */
    static PlanningProblem problem(long usStorage, double usdPerGiB) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 50), site("us", "US", usStorage)),
                List.of(link("sg", "us", 1e8, usdPerGiB)));
        RecordStore.Builder store = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, GB, false, 0);
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(PlanOptions.builder().targetBatchBytes(2 * GB).build())
                .build();
    }

    private static MigrationPlan valid() {
        return new FlowPlanner().plan(problem(1L << 50));
    }

    @Test
    void verify_plannerOutput_isValid() {
        assertThat(PlanVerifier.verify(valid(), problem(1L << 50)).isValid()).isTrue();
    }

    @Test
    void verify_sourceDeletedBeforeCopyLands_isRejected() {
        MigrationPlan broken = withDeletions(valid(), list -> {
            Deletion d = list.get(0);
            list.set(0, new Deletion(d.site(), d.records(), d.bytes(), d.reason(), d.afterBatch(), 0));
            return list;
        });

        VerificationResult result = PlanVerifier.verify(broken, problem(1L << 50));

        assertThat(result.violations()).anyMatch(m -> m.contains("before its batch"));
        assertThat(result.violations()).anyMatch(m -> m.contains("does not hold it for the whole copy"));
    }

    @Test
    void verify_deletionMissing_leavesRecordViolating() {
        MigrationPlan broken = withDeletions(valid(), list -> list.subList(1, list.size()));

        assertThat(PlanVerifier.verify(broken, problem(1L << 50)).violations())
                .anyMatch(m -> m.contains("still violates"));
    }

    @Test
    void verify_batchDropped_losesLastCopy() {
        MigrationPlan plan = valid();
        MigrationPlan broken = withDeletions(
                withBatches(plan, list -> list.subList(0, list.size() - 1)),
                list -> list.stream()
                        .map(d -> d.afterBatch().getAsInt() == plan.batches().size() - 1
                                ? new Deletion(d.site(), d.records(), d.bytes(), d.reason(), OptionalInt.of(0), 999)
                                : d)
                        .toList());

        VerificationResult result = PlanVerifier.verify(broken, problem(1L << 50));

        assertThat(result.violations()).anyMatch(m -> m.contains("last copy"));
        assertThat(result.violations()).anyMatch(m -> m.contains("bytesToMove"));
    }

    @Test
    void verify_batchTooFast_exceedsBandwidth() {
        MigrationPlan broken = withBatches(valid(), list -> {
            TransferBatch b = list.get(0);
            list.set(
                    0,
                    new TransferBatch(
                            b.id(),
                            b.wave(),
                            b.source(),
                            b.destination(),
                            b.route(),
                            b.records(),
                            b.bytes(),
                            b.plannedStartSeconds(),
                            b.plannedStartSeconds() + 1));
            return list;
        });

        assertThat(PlanVerifier.verify(broken, problem(1L << 50)).violations())
                .anyMatch(m -> m.contains("arc sg>us carries"));
    }

    @Test
    void verify_destinationTooSmall_exceedsStorage() {
        assertThat(PlanVerifier.verify(valid(), problem(5 * GB)).violations())
                .anyMatch(m -> m.contains("site us would store"));
    }
}
