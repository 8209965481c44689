package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.residency.sim.scenario.internal.Quantity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Distributions written for an estimate, at their edges: a triangular mode on either end accepted
 * and outside refused, a lognormal's median and sigma of 0 refused and its plausible range its 5th to
 * 95th percentile (checked against the normal quantile from Commons Math), a uniform size range run
 * at its midpoint written without quotes, a choice listing a value twice, a misspelt distribution
 * over a list. Each file is the tiny valid scenario with a {@code backups} line added to {@code run}.
 */
final class UncertaintyEdgeTest {

    private static String withRun(String line) throws IOException, URISyntaxException {
        Path valid = MalformedScenariosTest.folder().resolveSibling("valid");
        return Files.readString(valid.resolve("tiny.yaml")).stripTrailing() + "\n  " + line + "\n";
    }

    private static List<UncertainInput> inputs(String line) throws Exception {
        return ScenarioSource.ofText(withRun(line), "tiny.yaml").uncertainInputs(Overrides.parse(List.of()));
    }

    private static ScenarioError refusal(String line) throws Exception {
        String text = withRun(line);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(text, "t.yaml"));
        assertThat(e).as("refused: %s", line).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void triangular_modeOnEitherEndAccepted_outsideRefused() throws Exception {
        assertThat(inputs("backups: {retention: {triangular: [1d, 1d, 5d]}}"))
                .singleElement()
                .satisfies(i -> assertThat(i.central()).isEqualTo("1d"));
        assertThat(inputs("backups: {retention: {triangular: [1d, 5d, 5d]}}"))
                .singleElement()
                .satisfies(i -> assertThat(i.parameters()).containsExactly("1d", "5d", "5d"));

        ScenarioError below = refusal("backups: {retention: {triangular: [2d, 1d, 5d]}}");
        assertThat(below.path()).isEqualTo("run.backups.retention");
        assertThat(below.message()).isEqualTo("triangular: MODE 1d must lie between LOW and HIGH");
        assertThat(refusal("backups: {retention: {triangular: [2d, 6d, 5d]}}").message())
                .isEqualTo("triangular: MODE 6d must lie between LOW and HIGH");
    }

    @Test
    void lognormal_zeroRefused_rangeIsTheFifthToNinetyFifthPercentile() throws Exception {
        assertThat(refusal("backups: {retention: {lognormal: {median: 0d, sigma: 1}}}")
                        .message())
                .isEqualTo("lognormal: median and sigma must be positive, were 0d and 1");
        assertThat(refusal("backups: {retention: {lognormal: {median: 10d, sigma: 0}}}")
                        .message())
                .isEqualTo("lognormal: median and sigma must be positive, were 10d and 0");

        UncertainInput in = inputs("backups: {retention: {lognormal: {median: 10d, sigma: 0.5}}}")
                .get(0);
        double z = new NormalDistribution().inverseCumulativeProbability(0.95);
        double median = 10 * 86_400;
        assertThat(in.central()).isEqualTo("10d");
        // Written to the second: within a second of median e^(-/+ z sigma).
        assertThat(Quantity.parse(in.values().get(0)).value()).isCloseTo(median * Math.exp(-z * 0.5), within(1.0));
        assertThat(Quantity.parse(in.values().get(1)).value()).isCloseTo(median * Math.exp(z * 0.5), within(1.0));
    }

    @Test
    void uniformSize_runsAtItsMidpointUnquoted() throws Exception {
        String text = withRun("backups: {retention: 3d}")
                .replace(
                        "planning:\n  planner: flow",
                        "planning:\n  planner: flow\n  targetBatchSize: {uniform: [1 GB, 3 GB]}");

        Scenario s = ScenarioLoader.load(text, "t.yaml");

        assertThat(s.planning().targetBatchBytes()).isEqualTo(2_000_000_000L);
        assertThat(s.run().backups().retention()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void choiceTwiceAndMisspeltDistribution_refused() throws Exception {
        assertThat(refusal("backups: {retention: {choice: [1d, 2d, 1d]}}").message())
                .isEqualTo("choice: lists 1d twice");
        ScenarioError misspelt = refusal("backups: {retention: {unifrom: [1d, 2d]}}");
        assertThat(misspelt.path()).isEqualTo("run.backups.retention");
        assertThat(misspelt.message())
                .startsWith("unknown distribution \"unifrom\"")
                .contains("uniform");
    }
}
