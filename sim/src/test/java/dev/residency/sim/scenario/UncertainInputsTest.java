package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An estimate written as a distribution loads as its central value, is listed with its plausible
 * range, and a malformed one (low above high, ends of different kinds, a misspelt distribution) is
 * refused at its path.
 */
final class UncertainInputsTest {

    private static final ScenarioSource TIKTOK = ScenarioSource.builtIn("microsoft-tiktok-2020");

    private static Overrides set(String... settings) {
        return Overrides.parse(List.of(settings));
    }

    private static UncertainInput retention(Overrides o) {
        return TIKTOK.uncertainInputs(o).stream()
                .filter(i -> i.path().equals("run.backups.retention"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void builtIn_marksItsEstimates_runsAtTheirModes() {
        assertThat(TIKTOK.uncertainInputs(Overrides.NONE))
                .extracting(UncertainInput::path)
                .containsExactly(
                        "links[0].bandwidth",
                        "run.verificationRate",
                        "run.deletionRate",
                        "run.liveWrites.US.bytesPerUserPerDay",
                        "run.backups.retention");
        UncertainInput retention = retention(Overrides.NONE);
        assertThat(retention.central()).isEqualTo("180d");
        assertThat(retention.values()).containsExactly("14d", "270d");
        assertThat(TIKTOK.load().run().backups().retention()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void uniform_centredOnMidpoint() {
        Overrides o = set("run.backups.retention={uniform: [10d, 30d]}");

        // (10 + 30) / 2 = 20 days.
        assertThat(TIKTOK.load(o).run().backups().retention()).isEqualTo(Duration.ofDays(20));
        assertThat(retention(o).central()).isEqualTo("20d");
    }

    @Test
    void lognormal_rangeIsFifthToNinetyFifthPercentile() {
        UncertainInput u =
                TIKTOK.uncertainInputs(set("run.catchUpThreshold={lognormal: {median: 1 GB, sigma: 1}}")).stream()
                        .filter(i -> i.path().equals("run.catchUpThreshold"))
                        .findFirst()
                        .orElseThrow();

        // 1 GB × e^(∓1.6449) = 1 GB × 0.193041 and × 5.1803: 193.041 MB and 5.18 GB.
        assertThat(u.values()).containsExactly("\"193.041 MB\"", "\"5.18 GB\"");
        assertThat(u.central()).isEqualTo("1 GB");
    }

    @Test
    void choice_centredOnFirstValue() {
        Overrides o = set("run.backups.cryptoShred={choice: [true, false]}");

        assertThat(TIKTOK.load(o).run().backups().cryptoShred()).isTrue();
    }

    @Test
    void uniformLowAboveHigh_refusedAtPath() {
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> TIKTOK.load(set("run.backups.retention={uniform: [180d, 14d]}")));

        assertThat(e.errors()).extracting(ScenarioError::path).containsExactly("run.backups.retention");
        assertThat(e.errors().get(0).message()).contains("LOW must be below HIGH (low > high)");
    }

    @Test
    void triangularModeOutside_refused() {
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> TIKTOK.load(set("run.backups.retention={triangular: [14d, 300d, 180d]}")));

        assertThat(e.errors().get(0).message()).contains("MODE 300d must lie between LOW and HIGH");
    }

    @Test
    void endsOfDifferentKinds_refused() {
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> TIKTOK.load(set("run.backups.retention={uniform: [14d, 5 PB]}")));

        assertThat(e.errors().get(0).message()).contains("different kinds");
    }

    @Test
    void misspeltDistribution_didYouMean() {
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> TIKTOK.load(set("run.backups.retention={unifrom: [14d, 30d]}")));

        assertThat(e.errors().get(0).path()).isEqualTo("run.backups.retention");
        assertThat(e.errors().get(0).message()).contains("did you mean \"uniform\"");
    }

    @Test
    void centralValueOfWrongUnit_refusedLikeAValue() {
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> TIKTOK.load(set("run.backups.retention={uniform: [1 PB, 2 PB]}")));

        assertThat(e.errors().get(0).path()).isEqualTo("run.backups.retention");
        assertThat(e.errors().get(0).message()).contains("duration");
    }
}
