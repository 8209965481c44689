package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.report.Milestone;
import dev.residency.sim.report.MilestoneSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.TimeSeries;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-subject milestones: worked out by hand on one link, and, over random migrations, consistent
 * with the run's own compliance times and with its per-jurisdiction series.
 */
final class MilestoneTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void execute_oneBatchWithBackups_jurisdictionRuleAndSitesReachTheirDatesByHand() {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = MigrationFixtures.usInUs();
        MigrationPlan plan = MigrationFixtures.plan(store, policy, 1_000_000_000_000L);
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .verificationRate(new Bandwidth(1e9))
                .deletionRate(new Bandwidth(1e10))
                .deletionFailureProbability(0)
                .writeFreeze(Duration.ofSeconds(300))
                .backups(new Backups(Duration.ofHours(1), false))
                .build();
        MigrationSetup setup = MigrationSetup.prepare(
                MigrationFixtures.scenario("milestones", topology, policy, PlanningSettings.defaults(), run),
                store,
                plan);

        RunResult result = MigrationRun.execute(setup, 0);

        // Copy 10 ms + 1e10 B / 1.25e8 B/s = 80.010 s; verification 1e10 / 1e9 = 10 s; freeze 300 s;
        // deletion of the sg copy 1e10 / 1e10 = 1 s: clean on live systems at 391.010 s, and the
        // backup of the deleted copy goes 3,600 s later.
        double live = 0.010 + 80 + 10 + 300 + 1;
        Milestone us = find(result, Milestone.Kind.JURISDICTION, "US");
        assertThat(us.liveSeconds()).isCloseTo(live, within(TOLERANCE));
        assertThat(us.fullSeconds()).isCloseTo(live + 3_600, within(TOLERANCE));
        Milestone rule = find(result, Milestone.Kind.RULE, "us-in-us");
        assertThat(rule.liveSeconds()).isCloseTo(live, within(TOLERANCE));
        assertThat(rule.fullSeconds()).isCloseTo(live + 3_600, within(TOLERANCE));
        // The destination starts receiving at 0 s and never held a violating copy.
        Milestone destination = find(result, Milestone.Kind.SITE, "us");
        assertThat(destination.firstReceiptSeconds()).isCloseTo(0, within(TOLERANCE));
        assertThat(destination.liveSeconds()).isZero();
        Milestone source = find(result, Milestone.Kind.SITE, "sg");
        assertThat(source.firstReceiptSeconds()).isNaN();
        assertThat(source.liveSeconds()).isCloseTo(live, within(TOLERANCE));
        assertThat(source.fullSeconds()).isCloseTo(live + 3_600, within(TOLERANCE));

        MilestoneSummary summary = MilestoneSummary.of(List.of(result, result));
        assertThat(summary.find(Milestone.Kind.JURISDICTION, "US")
                        .orElseThrow()
                        .liveDays()
                        .mean())
                .isCloseTo(live / 86_400, within(1e-12));
        assertThat(summary.of(Milestone.Kind.SITE)).hasSize(2);
    }

    static LongStream seeds() {
        return LongStream.range(0, 100).map(s -> 7_000 + s);
    }

    /**
     * The last jurisdiction to be clean sets the run's own compliance times (computed elsewhere, from
     * the ledger), and after its date a jurisdiction's violating bytes on live systems no longer change.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void execute_randomMigration_jurisdictionMilestonesAgreeWithRunAndSeries(long seed) {
        RandomMigrations.Case c = RandomMigrations.of(seed);
        RunResult result = MigrationRun.execute(c.setup(), 0);
        List<Milestone> homes = result.milestones().stream()
                .filter(m -> m.kind() == Milestone.Kind.JURISDICTION)
                .toList();
        assertThat(homes).as("%s", c).hasSize(c.setup().jurisdictions().size());
        double lastLive =
                homes.stream().mapToDouble(Milestone::liveSeconds).max().orElse(0);
        double lastFull =
                homes.stream().mapToDouble(Milestone::fullSeconds).max().orElse(0);
        // Math.max propagates NaN: a jurisdiction never clean means the run never was either.
        if (Double.isNaN(result.liveComplianceSeconds())) {
            assertThat(lastLive).as("%s: live", c).isNaN();
        } else {
            assertThat(lastLive).as("%s: live", c).isCloseTo(result.liveComplianceSeconds(), within(TOLERANCE));
        }
        if (Double.isNaN(result.fullComplianceSeconds())) {
            assertThat(lastFull).as("%s: full", c).isNaN();
        } else {
            assertThat(lastFull).as("%s: full", c).isCloseTo(result.fullComplianceSeconds(), within(TOLERANCE));
        }
        TimeSeries series = result.series();
        for (int h = 0; h < homes.size(); h++) {
            Milestone m = homes.get(h);
            if (Double.isNaN(m.liveSeconds())) {
                assertThat(m.fullSeconds())
                        .as("%s: %s clean with backups but not live", c, m.name())
                        .isNaN();
                continue;
            }
            if (!Double.isNaN(m.fullSeconds())) {
                assertThat(m.liveSeconds())
                        .as("%s: %s live after full", c, m.name())
                        .isLessThanOrEqualTo(m.fullSeconds());
            }
            long settled = Long.MIN_VALUE;
            for (int i = 0; i < series.size(); i++) {
                if (series.seconds(i) >= m.liveSeconds()) {
                    if (settled == Long.MIN_VALUE) {
                        settled = series.violating(h, i);
                    }
                    assertThat(series.violating(h, i))
                            .as(
                                    "%s: %s violating at %ss, after its live date %ss",
                                    c, m.name(), series.seconds(i), m.liveSeconds())
                            .isEqualTo(settled);
                }
            }
        }
    }

    private static Milestone find(RunResult result, Milestone.Kind kind, String name) {
        return result.milestones().stream()
                .filter(m -> m.kind() == kind && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no milestone " + kind + " " + name));
    }
}
