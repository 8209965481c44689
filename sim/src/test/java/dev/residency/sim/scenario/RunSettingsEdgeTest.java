package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every check of {@link RunSettings}' constructor taken from both sides of its edge, through the
 * builder (the loader reports most of these first, so its tests do not reach them): the horizon's
 * 100-year limit, a deadline at the start and at the horizon's end, 1 and 10,000 replications, zero
 * rates, a deletion failure probability of 0 and just under 1, thresholds, chunks and freezes of 0.
 */
final class RunSettingsEdgeTest {

    private static final Instant START = Instant.parse("2020-08-02T00:00:00Z");

    private static RunSettings build(UnaryOperator<RunSettings.Builder> change) {
        return change.apply(RunSettings.builder(START)).build();
    }

    private static void refused(UnaryOperator<RunSettings.Builder> change, String message) {
        assertThatThrownBy(() -> build(change))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void horizon_upToOneHundredYears_positive() {
        assertThat(build(b -> b.horizon(Duration.ofDays(36_525))).horizon()).isEqualTo(Duration.ofDays(36_525));
        assertThat(build(b -> b.horizon(Duration.ofNanos(1))).horizon()).isEqualTo(Duration.ofNanos(1));
        refused(
                b -> b.horizon(Duration.ofDays(36_525).plusNanos(1)),
                "horizon must be at most PT876600H, was PT876600H0.000000001S");
        refused(b -> b.horizon(Duration.ZERO), "horizon must be positive, was PT0S");
        refused(b -> b.horizon(Duration.ofSeconds(-1)), "horizon must be positive, was PT-1S");
    }

    @Test
    void deadline_afterStart_notAfterTheHorizonsEnd() {
        Instant end = START.plus(Duration.ofDays(10));
        assertThat(build(b -> b.horizon(Duration.ofDays(10)).deadline(end)).deadline())
                .contains(end);
        assertThat(build(b -> b.deadline(START.plusNanos(1))).deadline()).contains(START.plusNanos(1));
        refused(b -> b.deadline(START), "deadline 2020-08-02T00:00:00Z must be after start 2020-08-02T00:00:00Z");
        refused(
                b -> b.horizon(Duration.ofDays(10)).deadline(end.plusNanos(1)),
                "deadline 2020-08-12T00:00:00.000000001Z must not be after the horizon's end 2020-08-12T00:00:00Z"
                        + " (start + PT240H)");
    }

    @Test
    void replications_oneToTenThousand() {
        assertThat(build(b -> b.replications(1)).replications()).isEqualTo(1);
        assertThat(build(b -> b.replications(10_000)).replications()).isEqualTo(10_000);
        refused(b -> b.replications(0), "replications must be between 1 and 10000, was 0");
        refused(b -> b.replications(10_001), "replications must be between 1 and 10000, was 10001");
    }

    @Test
    void rates_zeroRefused() {
        Bandwidth slowest = Bandwidth.ofBytesPerSecond(1);
        assertThat(build(b -> b.verificationRate(slowest).deletionRate(slowest)).deletionRate())
                .isEqualTo(slowest);
        refused(b -> b.verificationRate(Bandwidth.ofBytesPerSecond(0)), "verificationRate must be positive");
        refused(b -> b.deletionRate(Bandwidth.ofBytesPerSecond(0)), "deletionRate must be positive");
    }

    @Test
    void deletionFailureProbability_zeroToJustBelowOne() {
        assertThat(build(b -> b.deletionFailureProbability(0)).deletionFailureProbability())
                .isZero();
        double below = Math.nextDown(1.0);
        assertThat(build(b -> b.deletionFailureProbability(below)).deletionFailureProbability())
                .isEqualTo(below);
        refused(
                b -> b.deletionFailureProbability(1),
                "deletionFailureProbability must be in [0, 1) (1 would retry forever), was 1.0");
        refused(
                b -> b.deletionFailureProbability(-Double.MIN_VALUE),
                "deletionFailureProbability must be in [0, 1) (1 would retry forever), was -4.9E-324");
    }

    @Test
    void thresholdChunkAndFreeze_atZero() {
        assertThat(build(b -> b.catchUpThresholdBytes(1).deletionChunkBytes(1).writeFreeze(Duration.ZERO)))
                .satisfies(r -> {
                    assertThat(r.catchUpThresholdBytes()).isEqualTo(1);
                    assertThat(r.deletionChunkBytes()).isEqualTo(1);
                    assertThat(r.writeFreeze()).isZero();
                });
        refused(b -> b.catchUpThresholdBytes(0), "catchUpThresholdBytes must be positive, was 0");
        refused(b -> b.deletionChunkBytes(0), "deletionChunkBytes must be positive, was 0");
        refused(b -> b.writeFreeze(Duration.ofNanos(-1)), "writeFreeze must not be negative, was PT-0.000000001S");
    }
}
