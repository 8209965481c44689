package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The scenario file {@code scenarios/valid/holdover.yaml} lists a staging site ({@code policy.staging:
 * [jp]}); it loads, plans with legs through it and runs. 100 TB of US data at {@code sg}; 10 Gbps (1.25e9
 * B/s) links {@code sg-jp}, in maintenance from day 1 (86,400 s) to day 60, and {@code jp-us}, in
 * maintenance until day 2 (172,800 s); one-day steps, 10 TB batches. The 1e14 B cross {@code sg-jp} on
 * day 0 (80,000 s of link time), wait at {@code jp}, and cross {@code jp-us} from 172,800 s in 80,000 s,
 * by 252,800 s; the last 10 TB batch is verified in 500 s (20 GB/s) and cut over after the 300 s freeze,
 * at 253,600 s. Without the staging site the data could leave only when both links are open, on day 60.
 */
final class HoldoverScenarioTest {

    @Test
    void load_stagingSites_planAndRunLegsThroughThem() throws Exception {
        Path file = Path.of(HoldoverScenarioTest.class
                .getClassLoader()
                .getResource("scenarios/valid/holdover.yaml")
                .toURI());
        Scenario scenario = ScenarioLoader.load(file);
        assertThat(scenario.policy().staging()).containsExactly("jp");

        MigrationSetup setup = ScenarioPlans.prepare(scenario);
        RunResult result = MigrationRun.execute(setup, 0);

        MigrationPlan plan = setup.plan();
        int jp = scenario.topology().siteIndex("jp");
        assertThat(plan.batches()).anyMatch(TransferBatch::staging);
        double lastCutOver = 0;
        for (BatchOutcome outcome : result.batches()) {
            TransferBatch batch = plan.batches().get(outcome.batch());
            if (batch.staging()) {
                assertThat(batch.destination()).isEqualTo(jp);
                assertThat(outcome.copyEnd()).as("leg %s", outcome.batch()).isLessThanOrEqualTo(86_400 + 1e-3);
                assertThat(outcome.cutOverAt()).isNaN();
            } else {
                assertThat(batch.previousLeg()).as("leg %s", outcome.batch()).isNotNegative();
                assertThat(outcome.copyStart()).as("leg %s", outcome.batch()).isGreaterThanOrEqualTo(172_800 - 1e-3);
                lastCutOver = Math.max(lastCutOver, outcome.cutOverAt());
            }
        }
        assertThat(plan.makespanSeconds()).isCloseTo(252_800, within(1.0));
        assertThat(lastCutOver).isCloseTo(253_600, within(1.0));
        assertThat(result.bytesMoved()).isEqualTo(100_000_000_000_000L);
        assertThat(result.forcedLoss().bytes()).isZero();
    }
}
