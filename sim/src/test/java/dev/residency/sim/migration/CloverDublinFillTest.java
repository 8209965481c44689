package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * Project Clover's plan fills the Dublin sites at link speed from their ready dates, not as a trickle
 * until Norway opens (issue 9's "What it must show"): on the built-in {@code project-clover-2024} in
 * quick mode (bytes unchanged), every Dublin site's last batch ends within one day (the planning step)
 * of the date worked out by hand from the scenario's links and storage, and the site ends full.
 */
final class CloverDublinFillTest {

    private static final double DAY = 86_400;
    private static final double GBPS = 1e9 / 8;
    private static final double DUBLIN_STORAGE_BYTES = 6e15;

    @Test
    void plan_projectClover_fillsEachDublinSiteAtLinkSpeedFromItsReadyDate() {
        Scenario scenario = BuiltInScenarios.load("project-clover-2024").withQuickMode();
        RecordStore store = scenario.population().build(scenario.topology());
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);
        Topology topology = scenario.topology();

        // tiktok-dublin-1 is ready at the run's start (1 Sep 2023, day 0) and starts empty (all data is in
        // Virginia and Singapore). Until dublin-2 (1 Mar 2024) and Hamar (1 Nov 2024) can receive, nothing
        // can relay through them, so only virginia->dublin-1 (200 Gbps) and singapore->dublin-1 (100 Gbps)
        // feed it; its 800 Gbps ingest does not bind. 6 PB / (300 Gbps = 3.75e10 B/s) = 160,000 s = 1.852 d.
        double dublin1 = DUBLIN_STORAGE_BYTES / (300 * GBPS) / DAY;
        assertFilled(plan, topology.siteIndex("tiktok-dublin-1"), 0, dublin1);

        // tiktok-dublin-2 is ready on 1 Mar 2024: 30 + 31 + 30 + 31 + 31 + 29 (2024 is a leap year) = 182
        // days after the start. It is fed by virginia->dublin-2 (200 Gbps) and through the full dublin-1
        // (dublin-1->dublin-2, 800 Gbps, itself fed by 300 Gbps): 500 Gbps = 6.25e10 B/s, below its 800
        // Gbps ingest. 6 PB / 6.25e10 B/s = 96,000 s = 1.111 d, so full by day 183.111.
        double dublin2 = 182 + DUBLIN_STORAGE_BYTES / (500 * GBPS) / DAY;
        assertFilled(plan, topology.siteIndex("tiktok-dublin-2"), 182, dublin2);
    }

    private static void assertFilled(MigrationPlan plan, int site, double readyDay, double fullDay) {
        long bytes = 0;
        double first = Double.POSITIVE_INFINITY;
        double last = 0;
        for (TransferBatch b : plan.batches()) {
            if (b.destination() == site) {
                bytes += b.bytes();
                first = Math.min(first, b.plannedStartSeconds() / DAY);
                last = Math.max(last, b.plannedEndSeconds() / DAY);
            }
        }
        String context = String.format(
                "site %d: %d bytes from day %.3f to day %.3f; link speed fills it by day %.3f",
                site, bytes, first, last, fullDay);
        assertThat((double) bytes).as(context).isGreaterThanOrEqualTo(DUBLIN_STORAGE_BYTES * 0.999);
        assertThat(first).as(context).isGreaterThanOrEqualTo(readyDay).isLessThan(readyDay + 1);
        // Not earlier than link speed allows (a check of the arithmetic), at most one step later.
        assertThat(last)
                .as(context)
                .isGreaterThanOrEqualTo(fullDay * (1 - 1e-9))
                .isLessThanOrEqualTo(fullDay + 1);
    }
}
