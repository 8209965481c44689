package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.residency.units.Bandwidth;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The run section's optional settings read back as written (seed, rates, deletion failure probability,
 * chunk, catch-up threshold, write freeze, horizon), and the number checks at their edges: a
 * probability of exactly 0 and 1 (which the run then refuses on its own terms), a horizon of exactly the 100-year limit, a seed written as a float
 * just below and at 9e18, sign-ups per user of 0. Each file is the tiny valid scenario with lines added
 * to its {@code run} section.
 */
final class RunSettingsLoadTest {

    private static String tiny() throws IOException, URISyntaxException {
        Path valid = MalformedScenariosTest.folder().resolveSibling("valid");
        return Files.readString(valid.resolve("tiny.yaml"));
    }

    /** Loads tiny.yaml with {@code lines} (each indented as a key of {@code run}) added at its end. */
    private static Scenario load(String... lines) throws IOException, URISyntaxException {
        StringBuilder text = new StringBuilder(tiny().stripTrailing()).append('\n');
        for (String line : lines) {
            text.append("  ").append(line).append('\n');
        }
        return ScenarioLoader.load(text.toString(), "tiny.yaml");
    }

    private static ScenarioError refusal(String... lines) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(lines));
        assertThat(e).as("refused: %s", String.join("; ", lines)).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void optionalSettings_readBackAsWritten() throws Exception {
        RunSettings run = load(
                        "seed: 42",
                        "verificationRate: 5 Gbps",
                        "deletionRate: 3 GB/s",
                        "deletionFailureProbability: 0.25",
                        "deletionChunk: 64 MB",
                        "catchUpThreshold: 2 GB",
                        "writeFreeze: 3d",
                        "horizon: 400d")
                .run();

        assertThat(run.seed()).isEqualTo(42);
        assertThat(run.verificationRate()).isEqualTo(Bandwidth.parse("5 Gbps"));
        assertThat(run.deletionRate()).isEqualTo(Bandwidth.parse("3 GB/s"));
        assertThat(run.deletionFailureProbability()).isEqualTo(0.25);
        assertThat(run.deletionChunkBytes()).isEqualTo(64_000_000L);
        assertThat(run.catchUpThresholdBytes()).isEqualTo(2_000_000_000L);
        assertThat(run.writeFreeze()).isEqualTo(Duration.ofDays(3));
        assertThat(run.horizon()).isEqualTo(Duration.ofDays(400));
    }

    @Test
    void probability_zeroAndOneAccepted_pastThemRefused() throws Exception {
        assertThat(load("deletionFailureProbability: 0").run().deletionFailureProbability())
                .isZero();
        // 1 is a probability, so the field's own reading takes it; the run then refuses it as a whole.
        ScenarioError one = refusal("deletionFailureProbability: 1");
        assertThat(one.path()).isEqualTo("run");
        assertThat(one.message())
                .isEqualTo("deletionFailureProbability must be in [0, 1) (1 would retry forever), was 1.0");

        ScenarioError above = refusal("deletionFailureProbability: 1.000001");
        assertThat(above.path()).isEqualTo("run.deletionFailureProbability");
        assertThat(above.message()).contains("1.000001").contains("must be a probability between 0 and 1");
        ScenarioError below = refusal("deletionFailureProbability: -0.000001");
        assertThat(below.path()).isEqualTo("run.deletionFailureProbability");
        assertThat(below.message()).contains("must be a probability between 0 and 1");
    }

    @Test
    void horizon_exactlyTheLimitAccepted_oneDayMoreRefused() throws Exception {
        assertThat(load("horizon: 36525d").run().horizon()).isEqualTo(Duration.ofDays(36_525));

        ScenarioError e = refusal("horizon: 36526d");
        assertThat(e.path()).isEqualTo("run.horizon");
        assertThat(e.message()).contains("is longer than the limit of").contains("(100 years)");
    }

    @Test
    void seed_floatBelow9e18Accepted_at9e18Refused() throws Exception {
        assertThat(load("seed: 8.0e+18").run().seed()).isEqualTo(8_000_000_000_000_000_000L);
        assertThat(load("seed: 1.0e+3").run().seed()).isEqualTo(1_000L);

        ScenarioError e = refusal("seed: 9.0e+18");
        assertThat(e.path()).isEqualTo("run.seed");
        assertThat(e.message()).contains("is not a whole number");
    }

    @Test
    void signupsPerUser_zeroAccepted_negativeRefused() throws Exception {
        Scenario s = load("liveWrites:", "  US: {bytesPerUserPerDay: 1 kB, signupsPerUserPerDay: 0}");
        assertThat(s.run().liveWrites()).hasSize(1);

        ScenarioError e = refusal("liveWrites:", "  US: {bytesPerUserPerDay: 1 kB, signupsPerUserPerDay: -0.5}");
        assertThat(e.path()).isEqualTo("run.liveWrites.US.signupsPerUserPerDay");
        assertThat(e.message()).contains("must not be negative");
    }
}
