package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.CostSummary;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Proportion;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.DistributionSpec;
import dev.residency.sim.scenario.FailureSpec;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.units.Bandwidth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports never overstate and speak the file's language: blocked data is named wherever "every copy
 * gone" is said, "no movable data was lost" appears only when nothing movable was deleted, inputs are
 * written in the file's units and per real user, and an absent cost input reads "not modelled".
 */
final class ReportWordingTest {

    @TempDir
    Path tmp;

    @Test
    void distribution_eachKind_readsAsTheFileWritesIt() {
        assertThat(ReportText.distribution(new DistributionSpec.Exponential(Duration.ofDays(30))))
                .isEqualTo("exponential, mean 30d");
        assertThat(ReportText.distribution(new DistributionSpec.LogNormal(Duration.ofHours(4), 1.0)))
                .isEqualTo("lognormal, median 4h, sigma 1.0");
        assertThat(ReportText.distribution(new DistributionSpec.Weibull(0.7, Duration.ofDays(2))))
                .isEqualTo("Weibull, shape 0.7, scale 2d");
        assertThat(ReportText.distribution(new DistributionSpec.Fixed(Duration.ofMinutes(90))))
                .isEqualTo("fixed 1h 30m");
        assertThat(ReportText.failures(new FailureSpec(
                        new DistributionSpec.Exponential(Duration.ofHours(720)),
                        new DistributionSpec.LogNormal(Duration.ofHours(2), 0.5))))
                .isEqualTo("fail after exponential, mean 30d; repaired after lognormal, median 2h, sigma 0.5")
                .doesNotContain("PT");
    }

    @Test
    void liveWrites_perSimulatedUser_isWrittenPerRealUser() {
        // The file says 1 MB per user per day at scale 1000: the loader stores 1 GB per simulated user.
        LiveWrites stored = new LiveWrites(1_000_000_000L, 0.001);

        assertThat(ReportText.liveWrites(stored, 1000))
                .isEqualTo("1 MB per user per day, sign-ups 0.001 of the users per day");
    }

    @Test
    void byteRate_isWrittenInBytesPerSecond() {
        assertThat(ReportText.byteRate(Bandwidth.parse("20 GB/s"))).isEqualTo("20 GB/s");
    }

    @Test
    void movableDeleted_onlyAfterMoveAndUnmovable_isEmpty_deadlineOrStorage_isNamed() {
        assertThat(MarkdownReport.movableDeleted(summary(ImmutableSortedMap.of(
                        "AFTER_MOVE", Estimate.of(5e12, 5e12), "UNMOVABLE", Estimate.of(1e9, 1e9)))))
                .isEmpty();
        assertThat(MarkdownReport.movableDeleted(summary(ImmutableSortedMap.of(
                        "AFTER_MOVE", Estimate.of(5e12, 5e12), "DEADLINE", Estimate.of(0, 2e12)))))
                .startsWith("DEADLINE 1 TB");
        assertThat(MarkdownReport.movableDeleted(summary(ImmutableSortedMap.of(
                        "NO_STORAGE", Estimate.of(3e12, 3e12), "FORCED", Estimate.of(1e12, 1e12)))))
                .contains("NO_STORAGE 3 TB")
                .contains("FORCED 1 TB");
    }

    @Test
    void report_2020_namesBlockedDataAndSpeaksInRealUnits() throws IOException {
        Path out = tmp.resolve("r");
        CliRunner r = CliRunner.run("run", "microsoft-tiktok-2020", "--quick", "--quiet", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String report = Files.readString(out.resolve("report.md"));

        // 1 record in 2,000 is under legal hold: the headline and the "every copy gone" line name it.
        assertThat(report.lines().filter(l -> l.contains("every violating copy") || l.contains("Every violating copy")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("that may be removed"));
        assertThat(report).contains("of blocked data (legal hold ");
        assertThat(report)
                .doesNotContain("FailureSpec[")
                .doesNotContain("PT720H")
                .doesNotContain("per simulated user")
                .contains("Live writes of US users: 1 MB per user per day")
                .contains("links fail after exponential, mean 30d")
                .contains("deletion 10 GB/s per site");
    }

    @Test
    void report_noEgressPrice_saysNotModelledRatherThanZero() throws IOException {
        Path out = tmp.resolve("e");
        CliRunner r = CliRunner.run("run", "eu-data-boundary", "--quick", "--quiet", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String report = Files.readString(out.resolve("report.md"));

        assertThat(report).doesNotContain("US$ 0 ").doesNotContain("US$ 0\n").contains("not modelled");
    }

    private static ReplicationSummary summary(ImmutableSortedMap<String, Estimate> byReason) {
        Estimate zero = Estimate.of(0, 0);
        return new ReplicationSummary(
                "s",
                1,
                2,
                Proportion.of(0, 2),
                zero,
                zero,
                zero,
                zero,
                zero,
                zero,
                byReason,
                zero,
                zero,
                zero,
                zero,
                zero,
                ImmutableList.of(),
                new CostSummary(
                        Estimate.of(Double.NaN),
                        java.util.Arrays.stream(CostKind.values())
                                .collect(com.google.common.collect.ImmutableMap.toImmutableMap(
                                        k -> k, k -> Estimate.of(Double.NaN))),
                        ImmutableList.of(),
                        Estimate.of(0)));
    }
}
