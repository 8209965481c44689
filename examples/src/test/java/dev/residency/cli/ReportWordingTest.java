package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        // run microsoft-tiktok-2020 --quick --quiet --out FOLDER, made once for the classes that read it.
        Path out = SharedQuickRun.folder();
        CliRunner r = SharedQuickRun.result();
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

    /**
     * A small scenario whose live systems are clean within minutes, whose deadline (44 days) falls
     * before any backup ages out, and whose backup retention is drawn from 60 to 90 days: the "Why"
     * sentence and the backups line name the retentions the runs drew, read back from {@code
     * summary.json}, not the central 75 days; at central values they name 75 days.
     */
    @Test
    void why_retentionDrawn_namesTheDrawnRetentionsNotTheCentralOne() throws IOException {
        Path scenario = tmp.resolve("drawn-retention.yaml");
        Files.writeString(
                scenario,
                String.join(
                        "\n",
                        "name: drawn-retention",
                        "sites:",
                        "  - {id: src, jurisdiction: SG, operator: Old, storage: 10 PB, ingest: 100 Gbps, egress: 100 Gbps}",
                        "  - {id: dst, jurisdiction: US, operator: New, storage: 10 PB, ingest: 100 Gbps, egress: 100 Gbps}",
                        "links:",
                        "  - {from: src, to: dst, bandwidth: 10 Gbps}",
                        "population:",
                        "  scale: 10",
                        "  users: {US: 100}",
                        "  categories:",
                        "    - {name: videos, medianSize: 1 MB}",
                        "  placements: {US: [src]}",
                        "policy:",
                        "  rules:",
                        "    - {name: us-in-us, homes: [US], allowed: {jurisdictions: [US]}}",
                        "run:",
                        "  start: 2020-08-02",
                        "  deadline: 2020-09-15",
                        "  replications: 4",
                        "  backups: {retention: {uniform: [60d, 90d]}, cryptoShred: false}",
                        ""));
        Path drawn = tmp.resolve("drawn");
        Path central = tmp.resolve("central");

        CliRunner d = CliRunner.run(
                "run", scenario.toString(), "--quiet", "--decides-replications", "0", "--out", drawn.toString());
        CliRunner c = CliRunner.run(
                "run",
                scenario.toString(),
                "--quiet",
                "--decides-replications",
                "0",
                "--assumptions",
                "central",
                "--out",
                central.toString());

        assertThat(d.status()).as(d.err()).isZero();
        assertThat(c.status()).as(c.err()).isZero();
        JsonNode runs = new ObjectMapper()
                .readTree(Files.readString(drawn.resolve("summary.json")))
                .get("runs");
        List<String> values = new ArrayList<>();
        runs.forEach(run -> values.add(run.at("/draws/run.backups.retention").asText()));
        assertThat(values).hasSize(4).doesNotContain("");
        // Order the four draws by their length, read from the text summary.json holds ("71d 4h ...").
        values.sort(Comparator.comparingLong(ReportWordingTest::seconds));
        String range = values.get(0) + " to " + values.get(3) + " (drawn per replication)";
        String report = Files.readString(drawn.resolve("report.md"));
        assertThat(report)
                .contains("Why: live systems were free of violating copies")
                .contains("what misses it is the backups of deleted data, kept " + range + " after deletion.")
                .contains("Backups of deleted data: kept for " + range + " after deletion.")
                .doesNotContain("kept 75d");
        assertThat(Files.readString(central.resolve("report.md")))
                .contains("what misses it is the backups of deleted data, kept 75d after deletion.")
                .contains("Backups of deleted data: kept for 75d after deletion.");
    }

    /** Returns the seconds of a duration written in days, hours, minutes and seconds ("71d 4h 3s"), milliseconds left out. */
    private static long seconds(String text) {
        long total = 0;
        for (String part : text.trim().split(" +")) {
            if (part.endsWith("ms")) {
                continue; // under a second: no tie among draws of 60 to 90 days comes down to it
            }
            long n = Long.parseLong(part.substring(0, part.length() - 1));
            total += n
                    * switch (part.charAt(part.length() - 1)) {
                        case 'd' -> 86_400;
                        case 'h' -> 3_600;
                        case 'm' -> 60;
                        case 's' -> 1;
                        default -> throw new AssertionError("unexpected duration " + text);
                    };
        }
        return total;
    }

    @Test
    void retention_drawnValues_areNamedByTheirRange() {
        assertThat(DrawsSection.retention("180d", List.of())).isEqualTo("180d");
        assertThat(DrawsSection.retention("180d", List.of("90d", "14d 12h", "270d")))
                .isEqualTo("14d 12h to 270d (drawn per replication)");
        assertThat(DrawsSection.retention("180d", List.of("30d", "30d"))).isEqualTo("30d (drawn per replication)");
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
