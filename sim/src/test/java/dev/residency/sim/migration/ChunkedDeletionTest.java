package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Deletion in chunks: a failure repeats one chunk, so it delays the end of a large deletion job by one
 * chunk's time, not by the job's (the regression behind issue 11: one failure of a 200 PB job used to
 * add 463 days to a whole scenario). Worked out by hand on one link.
 */
final class ChunkedDeletionTest {

    /** 100 records of 1 GB: one 100 GB batch and one 100 GB source deletion job. */
    private static final int RECORDS = 100;
    /** 1e9 B/s: the whole job takes 100 s; a 10 GB chunk takes 10 s. */
    private static final double DELETE_BYTES_PER_SECOND = 1e9;

    private static final long CHUNK_BYTES = 10_000_000_000L;

    private static MigrationSetup setup(double failureProbability, Backups backups) {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = MigrationFixtures.usInUs();
        MigrationPlan plan = MigrationFixtures.plan(store, policy, 1_000_000_000_000L);
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .seed(11)
                .verificationRate(new Bandwidth(1e12))
                .deletionRate(new Bandwidth(DELETE_BYTES_PER_SECOND))
                .deletionChunkBytes(CHUNK_BYTES)
                .deletionFailureProbability(failureProbability)
                .writeFreeze(Duration.ZERO)
                .backups(backups)
                .build();
        return MigrationSetup.prepare(
                MigrationFixtures.scenario("chunks", topology, policy, PlanningSettings.defaults(), run), store, plan);
    }

    @Test
    void execute_oneFailedChunk_delaysCompletionByOneChunkNotTheJob() {
        RunResult clean = MigrationRun.execute(setup(0, new Backups(Duration.ZERO, true)), 0);
        assertThat(clean.deletionRetries()).isZero();
        MigrationSetup failing = setup(0.05, new Backups(Duration.ZERO, true));
        RunResult once = null;
        // Ten chunks failing with probability 0.05 each: exactly one failure in about a third of runs.
        for (int replication = 0; replication < 200 && once == null; replication++) {
            RunResult r = MigrationRun.execute(failing, replication);
            if (r.deletionRetries() == 1) {
                once = r;
            }
        }
        assertThat(once).as("a replication with exactly one failed chunk").isNotNull();

        // The failed 10 GB chunk is deleted again at 1e9 B/s: 10 s later, not the job's 100 s.
        double delay = once.liveComplianceSeconds() - clean.liveComplianceSeconds();
        assertThat(delay).isCloseTo(CHUNK_BYTES / DELETE_BYTES_PER_SECOND, within(1e-6));
        assertThat(once.deletedByReason()).isEqualTo(clean.deletedByReason());
    }

    @Test
    void execute_backupsKept_lastChunksBackupSetsFullCompliance() {
        RunResult r = MigrationRun.execute(setup(0, new Backups(Duration.ofHours(1), false)), 0);

        // Each chunk's backup ages out one hour after that chunk: the last chunk ends the job, so full
        // compliance is one hour after live compliance, and nothing is left in backups at the end.
        assertThat(r.fullComplianceSeconds()).isCloseTo(r.liveComplianceSeconds() + 3_600, within(1e-6));
        assertThat(r.series().backup(r.series().size() - 1)).isZero();
    }

    @Test
    void execute_backupsKept_firstChunksBackupGoesBeforeTheLastOnes() {
        // A one-hour retention and 10 s chunks: at live + 3,600 − 50 s, the backups of the first
        // five chunks (those done at least an hour before) are gone and the other five remain.
        MigrationSetup setup = setup(0, new Backups(Duration.ofHours(1), false));
        RunResult r = MigrationRun.execute(setup, 0);
        double live = r.liveComplianceSeconds();
        var series = r.series();
        int checked = 0;
        for (int i = 0; i < series.size(); i++) {
            double t = series.seconds(i);
            if (t > live - 100 + 3_600 && t < live + 3_600) {
                // chunks done at live − 100 + 10k (k = 1 … 10) age out at live − 100 + 10k + 3,600.
                int gone = (int) Math.floor((t - (live - 100 + 3_600)) / 10 + 1e-9);
                assertThat(series.backup(i)).as("backups at %.0f s", t).isEqualTo((10 - gone) * CHUNK_BYTES);
            }
        }
    }
}
