package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.sim.scenario.ObservedMilestone.Subject;
import dev.residency.sim.scenario.ObservedMilestone.What;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every check of {@link ObservedMilestone}'s constructor, refused with its message and accepted at its
 * edge (a one-day range, a zero tolerance, a site observed receiving, the whole migration without a
 * name), and {@code reproducedBy} exactly at the tolerance's edge.
 */
final class ObservedMilestoneChecksTest {

    private static final Instant DAY1 = Instant.parse("2021-03-01T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2021-03-02T00:00:00Z");

    @Test
    void checks_refusedWithTheirMessages() {
        assertThatThrownBy(() -> new ObservedMilestone(
                        What.CLEAN, Subject.ALL, "", Optional.empty(), Optional.empty(), Duration.ZERO, "press"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an observed milestone needs a date, from or to");
        assertThatThrownBy(() -> new ObservedMilestone(
                        What.CLEAN, Subject.ALL, "", Optional.of(DAY2), Optional.of(DAY1), Duration.ZERO, "press"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observed range ends 2021-03-01T00:00:00Z before it starts 2021-03-02T00:00:00Z");
        assertThatThrownBy(() -> new ObservedMilestone(
                        What.CLEAN,
                        Subject.ALL,
                        "",
                        Optional.of(DAY1),
                        Optional.empty(),
                        Duration.ofMillis(-1),
                        "press"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> new ObservedMilestone(
                        What.RECEIVING,
                        Subject.JURISDICTION,
                        "US",
                        Optional.of(DAY1),
                        Optional.empty(),
                        Duration.ZERO,
                        "press"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only a site can be observed receiving data");
        assertThatThrownBy(() -> new ObservedMilestone(
                        What.CLEAN, Subject.RULE, " ", Optional.of(DAY1), Optional.empty(), Duration.ZERO, "press"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rule milestone needs a name");
        assertThatThrownBy(() -> new ObservedMilestone(
                        What.CLEAN, Subject.ALL, "", Optional.of(DAY1), Optional.empty(), Duration.ZERO, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an observed milestone needs its source");
    }

    @Test
    void edges_accepted() {
        ObservedMilestone oneInstant = new ObservedMilestone(
                What.CLEAN, Subject.ALL, "", Optional.of(DAY1), Optional.of(DAY1), Duration.ZERO, "press");
        assertThat(oneInstant.reproducedBy(DAY1)).isTrue();
        assertThat(oneInstant.reproducedBy(DAY1.plusMillis(1))).isFalse();
        assertThat(oneInstant.reproducedBy(DAY1.minusMillis(1))).isFalse();

        ObservedMilestone onlyTo = new ObservedMilestone(
                What.BACKUPS_GONE, Subject.ALL, "", Optional.empty(), Optional.of(DAY1), Duration.ZERO, "p");
        assertThat(onlyTo.reproducedBy(DAY1.minusSeconds(86_400 * 30))).isTrue();
        ObservedMilestone receiving = new ObservedMilestone(
                What.RECEIVING, Subject.SITE, "dst", Optional.of(DAY1), Optional.empty(), Duration.ofDays(1), "p");
        // One day of tolerance: exactly one day early is reproduced, a millisecond more is not.
        assertThat(receiving.reproducedBy(DAY1.minus(Duration.ofDays(1)))).isTrue();
        assertThat(receiving.reproducedBy(DAY1.minus(Duration.ofDays(1)).minusMillis(1)))
                .isFalse();
        assertThat(receiving.daysOutside(DAY1.minus(Duration.ofDays(2)))).isEqualTo(-2.0);
        assertThat(receiving.daysOutside(DAY2)).isZero();
    }
}
