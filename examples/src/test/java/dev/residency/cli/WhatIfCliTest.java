package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --set} on every command that reads a scenario and {@code residency sweep}: a bad override,
 * {@code --vary} or {@code --find} is refused before any work with exit status 2, a message naming the
 * path and value, and nothing written; good ones change the scenario and are listed in the reports.
 */
final class WhatIfCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String S = "microsoft-tiktok-2020";

    @TempDir
    Path tmp;

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad(
                        "unknown leaf, did-you-mean",
                        "did you mean \"retention\"",
                        "run",
                        "--set",
                        "run.backups.retentoin=30d"),
                bad(
                        "unknown section, did-you-mean",
                        "did you mean \"backups\"",
                        "plan",
                        "--set",
                        "run.backup.retention=30d"),
                bad("index out of range", "sites has 7 elements", "audit", "--set", "sites[9].storage=1 PB"),
                bad("wrong unit", "duration \"5 PB\" is not", "run", "--set", "run.backups.retention=5 PB"),
                bad("deadline before start", "is not after run.start", "run", "--set", "run.deadline=2020-07-01"),
                bad("no equals sign", "is not PATH=VALUE", "run", "--set", "run.seed"),
                bad("no path", "has no path", "plan", "--set", "=3"),
                bad(
                        "operator running no site",
                        "did you mean \"Microsoft Azure\"",
                        "run",
                        "--set",
                        "policy.rules[0].allowed.operators=[Microsft Azure]"),
                bad("negative bandwidth", "must be positive", "run", "--set", "links[0].bandwidth=-5 Gbps"),
                bad("zero replications", "must be positive", "run", "--set", "run.replications=0"),
                bad(
                        "interrupted transfers not a policy",
                        "run.faults.interruptedTransfers: \"retry\" must be one of resume, restart",
                        "run",
                        "--set",
                        "run.faults.interruptedTransfers=retry"),
                bad(
                        "interrupted transfers abort",
                        "run.faults.interruptedTransfers: \"abort\" must be one of resume, restart",
                        "run",
                        "--set",
                        "run.faults.interruptedTransfers=abort"),
                bad("unclosed flow value", "not YAML", "run", "--set", "policy.rules[0].homes=[US"),
                bad(
                        "set on sweep",
                        "did you mean \"retention\"",
                        "sweep",
                        "--set",
                        "run.backups.retentoin=30d",
                        "--vary",
                        "run.seed=1,2"),
                bad(
                        "range low above high",
                        "must be below HIGH",
                        "sweep",
                        "--vary",
                        "run.backups.retention=180d..14d:5"),
                bad("empty range", "an empty range", "sweep", "--vary", "run.backups.retention=30d..30d:5"),
                bad(
                        "ends of different units",
                        "both ends need one unit kind",
                        "sweep",
                        "--vary",
                        "run.backups.retention=14d..5 PB:5"),
                bad("one point", "between 2 and", "sweep", "--vary", "run.backups.retention=14d..180d:1"),
                bad("no points", "gives no number of points", "sweep", "--vary", "run.backups.retention=14d..180d"),
                bad("no values", "an empty range", "sweep", "--vary", "run.backups.retention="),
                bad(
                        "vary unknown path",
                        "did you mean \"retention\"",
                        "sweep",
                        "--vary",
                        "run.backups.retension=1d,2d"),
                bad(
                        "vary wrong unit for the field",
                        "duration \"5 PB\" is not",
                        "sweep",
                        "--vary",
                        "run.backups.retention=5 PB,6 PB"),
                bad(
                        "vary invalid-making value",
                        "is not after run.start",
                        "sweep",
                        "--vary",
                        "run.deadline=2020-09-15,2020-07-01"),
                bad(
                        "vary not a quantity",
                        "is not a number, a duration",
                        "sweep",
                        "--vary",
                        "run.backups.retention=fortnight..180d:3"),
                bad(
                        "vary same path twice",
                        "varied twice",
                        "sweep",
                        "--vary",
                        "run.seed=1,2",
                        "--vary",
                        "run.seed=3,4"),
                bad(
                        "grid too large",
                        "more than 1000",
                        "sweep",
                        "--vary",
                        "run.seed=1..100:100",
                        "--vary",
                        "run.replications=1..20:20"),
                bad("find with a list", "must be a range", "sweep", "--find", "run.backups.retention=0d,30d"),
                bad("find low above high", "must be below HIGH", "sweep", "--find", "run.backups.retention=180d..0d"),
                bad(
                        "find unknown path",
                        "did you mean \"retention\"",
                        "sweep",
                        "--find",
                        "run.backups.retentoin=0d..9d:4"),
                bad(
                        "vary and find together",
                        "cannot be combined",
                        "sweep",
                        "--vary",
                        "run.seed=1,2",
                        "--find",
                        "run.backups.retention=0d..9d"),
                bad("neither vary nor find", "give --vary", "sweep"),
                bad(
                        "distribution low above high",
                        "LOW must be below HIGH (low > high)",
                        "run",
                        "--set",
                        "run.backups.retention={uniform: [180d, 14d]}"),
                bad(
                        "misspelt distribution",
                        "did you mean \"uniform\"",
                        "run",
                        "--set",
                        "run.backups.retention={unifrom: [14d, 30d]}"),
                bad("negative decides replications", "must not be negative", "run", "--decides-replications", "-1"));
    }

    private static Arguments bad(String name, String expected, String command, String... rest) {
        return CliRunner.badCase(name, expected, command, rest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badOverrideOrRange_refusedBeforeWork_exit2_nothingWritten(
            String name, String expected, String command, List<String> rest) {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(command, S));
        args.addAll(rest);
        if (!command.equals("audit") && !command.equals("validate")) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (command.equals("run") || command.equals("sweep")) {
            args.add("--quiet");
        }

        CliRunner r = CliRunner.run(args.toArray(String[]::new));

        r.assertRefusedBeforeWork(name, expected, out, tmp);
    }

    @Test
    void validate_withSets_checksTheChangedScenario() {
        CliRunner ok =
                CliRunner.run("validate", S, "--set", "run.backups.retention=30d", "--set", "sites[2].storage=50 PB");
        CliRunner bad = CliRunner.run("validate", S, "project-texas-2022", "--set", "run.backups.retentoin=30d");

        assertThat(ok.status()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("ok: " + S);
        assertThat(bad.status()).isEqualTo(ExitCodes.BAD_INPUT);
        // Both scenarios are checked and both errors printed.
        assertThat(bad.err()).contains("builtin:" + S).contains("builtin:project-texas-2022");
    }

    @Test
    void run_withSet_changesAnswerAndListsOverrideInBothReports() throws IOException {
        Path out = tmp.resolve("r");
        CliRunner r = CliRunner.run(
                "run", S, "--quick", "--quiet", "--set", "run.backups.retention=0d", "--out", out.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("`--set run.backups.retention=0d`");
        // With backups gone at deletion, the quick run finishes within the 44 days (the 180-day default
        // retention alone is past the deadline).
        assertThat(report).contains("**Yes.**");
        JsonNode overrides = JSON.readTree(out.resolve("summary.json").toFile())
                .get("scenario")
                .get("overrides");
        assertThat(overrides).hasSize(1);
        assertThat(overrides.get(0).get("path").asText()).isEqualTo("run.backups.retention");
        assertThat(overrides.get(0).get("value").asText()).isEqualTo("0d");
    }

    @Test
    void run_withSetInterruptedTransfersRestart_accepted_reportListsThePolicyAmongTheFaults() throws IOException {
        Path restart = tmp.resolve("restart");
        // The same run without the override: run S --quick --quiet --out FOLDER, made once for the classes
        // that read it.
        Path resume = SharedQuickRun.folder();
        CliRunner r = CliRunner.run(
                "run",
                S,
                "--quick",
                "--quiet",
                "--set",
                "run.faults.interruptedTransfers=restart",
                "--out",
                restart.toString());
        CliRunner d = SharedQuickRun.result();

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(d.status()).as(d.err()).isEqualTo(ExitCodes.OK);
        String restartReport = Files.readString(restart.resolve("report.md"));
        String resumeReport = Files.readString(resume.resolve("report.md"));
        assertThat(restartReport)
                .contains("`--set run.faults.interruptedTransfers=restart`")
                .containsPattern("(?m)^- Faults: .* scheduled outages; interrupted transfers restart\\.$");
        // The built-in scenario does not set the field: the default, resume, is what the report names.
        assertThat(resumeReport)
                .containsPattern("(?m)^- Faults: .* scheduled outages; interrupted transfers resume\\.$")
                .doesNotContain("interrupted transfers restart");
    }

    @Test
    void run_quickBuiltIn_reportStatesWhatDecidesTheAnswer() throws IOException {
        // run S --quick --quiet --out FOLDER, made once for the classes that read it.
        Path out = SharedQuickRun.folder();
        CliRunner r = SharedQuickRun.result();

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        // The console shows the answer block, which now names the deciding input and its threshold.
        assertThat(r.out()).containsPattern("\\*\\*What decides it:\\*\\* met iff run.backups.retention <= \\d+d");
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report)
                .contains("## What decides the answer")
                .contains("| `run.backups.retention` | triangular | 180d | 14d to 270d | **yes** |")
                .contains("| `run.deletionRate` | triangular | 10 GB/s | 5 GB/s to 40 GB/s | no |");
    }

    @Test
    void plan_withSet_plansChangedScenario() {
        CliRunner r = CliRunner.run("plan", S, "--quick", "--set", "planning.planner=greedy");

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("by the greedy planner");
    }

    @Test
    void sweep_quickRetention_writesTableCsvAndChart() throws IOException {
        Path out = tmp.resolve("s");
        CliRunner r = CliRunner.run(
                "sweep",
                S,
                "--quick",
                "--quiet",
                "--replications",
                "1",
                "--vary",
                "run.backups.retention=0d,180d",
                "--out",
                out.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sweep.md", "sweep.csv", "sweep.png");
        }
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).startsWith("run.backups.retention,runs,met,");
        assertThat(csv.get(1)).startsWith("0d,1,1,");
        assertThat(csv.get(2)).startsWith("180d,1,0,");
        assertThat(Files.readString(out.resolve("sweep.md")))
                .contains("1 population built, reused 1 time; 1 plan made, reused 1 time");
        assertThat(Files.readAllBytes(out.resolve("sweep.png"))).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void sweep_quickFind_statesThresholdWithBracket() throws IOException {
        Path out = tmp.resolve("f");
        CliRunner r = CliRunner.run(
                "sweep",
                S,
                "--quick",
                "--quiet",
                "--find",
                "run.backups.retention=0d..180d:19",
                "--out",
                out.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .containsPattern("met iff run.backups.retention <= \\d+d \\(bracket: met at \\d+d, missed at");
        assertThat(Files.readString(out.resolve("find.md"))).contains("| 1 | 0d | 2 of 2 |");
        assertThat(Files.readAllLines(out.resolve("find.csv")).get(0))
                .isEqualTo("order,run.backups.retention,runs,met,met_probability");
    }
}
