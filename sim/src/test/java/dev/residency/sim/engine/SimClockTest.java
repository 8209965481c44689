package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Property: {@link SimClock} maps seconds to instants and back, to the nanosecond. */
final class SimClockTest {

    private static final Instant START = Instant.parse("2020-08-01T00:00:00Z");

    @Test
    void toInstant_dayAndAHalf_addsThirtySixHours() {
        SimClock clock = SimClock.startingAt(START);

        // 1.5 days = 1.5 * 86,400 s = 129,600 s = 36 h.
        assertThat(clock.toInstant(129_600.0)).isEqualTo(Instant.parse("2020-08-02T12:00:00Z"));
    }

    @Test
    void toInstant_fractionalSeconds_roundsToNanos() {
        SimClock clock = SimClock.startingAt(START);

        assertThat(clock.toInstant(0.25)).isEqualTo(START.plusMillis(250));
        assertThat(clock.toInstant(-0.5)).isEqualTo(START.minusMillis(500));
    }

    @Test
    void toSeconds_roundTrip_returnsSameSeconds() {
        SimClock clock = SimClock.startingAt(START);

        assertThat(clock.toSeconds(clock.toInstant(12_345.678)))
                .isCloseTo(12_345.678, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void toInstant_nan_throws() {
        assertThatThrownBy(() -> SimClock.startingAt(START).toInstant(Double.NaN))
                .hasMessageContaining("NaN");
    }
}
