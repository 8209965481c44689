package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.residency.sim.scenario.BuiltInScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in scenario validates and runs end to end in quick mode through the command line, with
 * a sound plan and a complete report.
 */
final class BuiltInScenariosIT {

    @TempDir
    Path tmp;

    static Stream<String> names() {
        return BuiltInScenarios.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void builtIn_quickRun_validatesPlansSoundlyAndReports(String name) throws IOException {
        CliRunner validated = CliRunner.run("validate", name);
        assertThat(validated.status()).as(validated.err()).isZero();

        CliRunner planned = CliRunner.run("plan", name, "--quick");
        assertThat(planned.status()).as(planned.err()).isZero();
        assertThat(planned.out()).contains("Verifier: the plan is sound.");

        Path out = tmp.resolve(name);
        CliRunner run = CliRunner.run("run", name, "--quick", "--quiet", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary =
                new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("scenario").get("name").asText()).isEqualTo(name);
        assertThat(summary.get("plan").get("qualityRatio").asDouble()).isGreaterThanOrEqualTo(1.0 - 1e-9);
        assertThat(Files.size(out.resolve("compliance.png"))).isPositive();
        // Schema 2: per-jurisdiction and per-phase dates in the data and in the report.
        assertThat(summary.get("schemaVersion").asInt()).isEqualTo(3);
        assertThat(summary.get("milestones").get("jurisdictions")).isNotEmpty();
        assertThat(summary.get("milestones").get("phases"))
                .hasSize(BuiltInScenarios.load(name).run().phases().size());
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("## When each part became compliant").contains("| home jurisdiction |");
        assertThat(Files.size(out.resolve("jurisdictions.png"))).isPositive();
    }
}
