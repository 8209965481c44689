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
 * Uncertain inputs on the command line: {@code run --assumptions}, {@code residency sensitivity} and
 * {@code residency compare}. A bad flag, input path, variant or count is refused before any work
 * with exit status 2, a message naming it, and nothing written; good ones write their files.
 */
final class UncertaintyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String S = "microsoft-tiktok-2020";

    @TempDir
    Path tmp;

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("unknown assumption mode", "is not an assumption mode", "run", S, "--assumptions", "sometimes"),
                bad(
                        "sensitivity unknown input, did-you-mean",
                        "did you mean",
                        "sensitivity",
                        S,
                        "--input",
                        "run.backups.retension"),
                bad(
                        "sobol one sample",
                        "--sobol: \"1\" must be 0 (none) or between 2",
                        "sensitivity",
                        S,
                        "--sobol",
                        "1"),
                bad("sobol too many", "--sobol: \"5000\"", "sensitivity", S, "--sobol", "5000"),
                bad("sobol negative", "--sobol: \"-3\"", "sensitivity", S, "--sobol", "-3"),
                bad("sensitivity zero replications", "--replications: \"0\"", "sensitivity", S, "--replications", "0"),
                bad("sensitivity zero threads", "--threads: \"0\"", "sensitivity", S, "--threads", "0"),
                bad(
                        "sensitivity distribution low above high",
                        "LOW must be below HIGH (low > high)",
                        "sensitivity",
                        S,
                        "--set",
                        "run.backups.retention={uniform: [180d, 14d]}"),
                bad(
                        "sensitivity distribution empty range",
                        "an empty range",
                        "sensitivity",
                        S,
                        "--set",
                        "run.backups.retention={uniform: [30d, 30d]}"),
                bad(
                        "sensitivity set unknown path",
                        "did you mean \"retention\"",
                        "sensitivity",
                        S,
                        "--set",
                        "run.backups.retentoin=30d"),
                bad(
                        "sensitivity of a scenario without any",
                        "has no uncertain input",
                        "sensitivity",
                        "project-texas-2022"),
                bad("compare one scenario alone", "give two or more scenarios", "compare", S),
                bad("compare empty variant", "is empty", "compare", S, "--variant", ""),
                bad("compare named empty variant", "is empty", "compare", S, "--variant", "fast:"),
                bad(
                        "compare empty setting",
                        "empty setting between ';'",
                        "compare",
                        S,
                        "--variant",
                        "x: run.backups.retention=14d;"),
                bad("compare blank name", "blank name", "compare", S, "--variant", " : run.seed=3"),
                bad("compare setting without '='", "is not PATH=VALUE", "compare", S, "--variant", "x: run.seed"),
                bad(
                        "compare variant unknown path, did-you-mean",
                        "did you mean \"retention\"",
                        "compare",
                        S,
                        "--variant",
                        "x: run.backups.retentoin=14d"),
                bad(
                        "compare variant invalid-making value",
                        "is not after run.start",
                        "compare",
                        S,
                        "--variant",
                        "early: run.deadline=2020-07-01"),
                bad(
                        "compare variants with one name",
                        "two variants are named \"x\"",
                        "compare",
                        S,
                        "--variant",
                        "x: run.seed=1",
                        "--variant",
                        "x: run.seed=2"),
                bad(
                        "compare two scenarios and a variant",
                        "exactly one scenario",
                        "compare",
                        S,
                        "project-texas-2022",
                        "--variant",
                        "x: run.seed=1"),
                bad("compare unknown scenario", "neither a built-in scenario nor a file", "compare", S, "nowhere-2020"),
                bad(
                        "compare assumption mode",
                        "is not an assumption mode",
                        "compare",
                        S,
                        S + "-in-country",
                        "--assumptions",
                        "x"),
                bad(
                        "compare zero replications",
                        "--replications: \"0\"",
                        "compare",
                        S,
                        S + "-in-country",
                        "--replications",
                        "0"));
    }

    private static Arguments bad(String name, String expected, String command, String... rest) {
        return CliRunner.badCase(name, expected, command, rest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badFlagInputOrVariant_refusedBeforeWork_exit2_nothingWritten(
            String name, String expected, String command, List<String> rest) {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(rest);
        args.addAll(List.of("--out", out.toString(), "--quiet"));

        CliRunner r = CliRunner.run(args.toArray(String[]::new));

        r.assertRefusedBeforeWork(name, expected, out, tmp);
    }

    @Test
    void run_drawnThenCentral_headlineSaysWhatItCovers_summaryRecordsDraws() throws IOException {
        Path drawn = tmp.resolve("drawn");
        Path central = tmp.resolve("central");

        CliRunner d =
                CliRunner.run("run", S, "--quick", "--quiet", "--decides-replications", "0", "--out", drawn.toString());
        CliRunner c = CliRunner.run(
                "run",
                S,
                "--quick",
                "--quiet",
                "--decides-replications",
                "0",
                "--assumptions",
                "central",
                "--out",
                central.toString());

        assertThat(d.status()).as(d.err()).isEqualTo(ExitCodes.OK);
        assertThat(d.out()).contains("replications, drawing faults and 5 uncertain inputs");
        assertThat(c.out()).contains("drawing faults only, 5 uncertain inputs at central values");
        JsonNode json = JSON.readTree(Files.readString(drawn.resolve("summary.json")));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(3);
        assertThat(json.at("/assumptions/mode").asText()).isEqualTo("drawn");
        assertThat(json.at("/assumptions/inputs")).hasSize(5);
        assertThat(json.at("/runs/0/draws/run.backups.retention").asText()).isNotEmpty();
        JsonNode centralJson = JSON.readTree(Files.readString(central.resolve("summary.json")));
        assertThat(centralJson.at("/assumptions/mode").asText()).isEqualTo("central");
        assertThat(centralJson.at("/runs/0/draws").size()).isZero();
        assertThat(Files.readString(drawn.resolve("report.md"))).contains("## Uncertain inputs drawn per replication");
    }

    @Test
    void sensitivity_quick_writesRankedTableCsvAndTornado() throws IOException {
        Path out = tmp.resolve("s");

        CliRunner r = CliRunner.run(
                "sensitivity",
                S,
                "--quick",
                "--quiet",
                "--input",
                "run.backups.retention",
                "--input",
                "run.verificationRate",
                "--sobol",
                "2",
                "--out",
                out.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        String md = Files.readString(out.resolve("sensitivity.md"));
        assertThat(md).contains("| 1 | `run.backups.retention` | 14d |").contains("Saltelli (2010)");
        assertThat(Files.readString(out.resolve("sensitivity.csv")))
                .startsWith("method,input,value")
                .contains("one-at-a-time,run.backups.retention,270d,2,0.0,")
                .contains("sobol-first-order-saltelli,run.verificationRate");
        assertThat(Files.size(out.resolve("tornado.png"))).isGreaterThan(1000);
    }

    @Test
    void compare_variants_sideBySide() throws IOException {
        Path out = tmp.resolve("c");

        CliRunner r = CliRunner.run(
                "compare",
                S,
                "--quick",
                "--quiet",
                "--assumptions",
                "central",
                "--variant",
                "retention 14d: run.backups.retention=14d",
                "--out",
                out.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        // At central values retention is 180 days (missed); at 14 days the backups are gone in time.
        assertThat(r.out()).contains("| met by the deadline | 0 of 2 (0.0%) | 2 of 2 (100.0%) |");
        JsonNode json = JSON.readTree(Files.readString(out.resolve("compare.json")));
        assertThat(json.at("/variants/1/name").asText()).isEqualTo("retention 14d");
        assertThat(json.at("/variants/1/probabilityMet").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(out.resolve("compare.csv"))).startsWith("figure,variant,value\n");
        assertThat(Files.size(out.resolve("compare.png"))).isGreaterThan(1000);
    }
}
