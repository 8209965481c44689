package dev.residency.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Property: a {@link FixedSchedule} returns its windows in order, cut at the query time. */
final class FixedScheduleTest {

    private final FixedSchedule schedule = FixedSchedule.of(new Outage(10, 20), new Outage(30, 40));

    @Test
    void nextOutage_beforeFirst_returnsFirst() {
        assertThat(schedule.nextOutage(0, null)).contains(new Outage(10, 20));
    }

    @Test
    void nextOutage_insideWindow_returnsRestOfWindow() {
        assertThat(schedule.nextOutage(15, null)).contains(new Outage(15, 20));
    }

    @Test
    void nextOutage_atEndOfWindow_returnsNextWindow() {
        assertThat(schedule.nextOutage(20, null)).contains(new Outage(30, 40));
        assertThat(schedule.nextOutage(40, null)).isEmpty();
    }

    @Test
    void constructor_overlappingWindows_throwsNamingBoth() {
        assertThatThrownBy(() -> new FixedSchedule(List.of(new Outage(0, 10), new Outage(5, 15))))
                .hasMessageContaining("windows[1]")
                .hasMessageContaining("windows[0]");
    }

    @Test
    void outage_endNotAfterStart_throws() {
        assertThatThrownBy(() -> new Outage(5, 5)).hasMessageContaining("endSeconds");
    }
}
