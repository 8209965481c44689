package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine's argument checks sitting exactly on their edges, accepted side and refused side: the
 * event list's renumbering limit, events at time 0 and -0, the simulator's "not before now" checks at
 * now, {@code runUntil} an infinite time, and replication 0 of the random streams.
 */
final class EngineEdgeTest {

    @Test
    void eventList_sequenceLimit_acceptedFromTwoTo2To36() {
        assertThatThrownBy(() -> new EventList<String>(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequenceLimit must be in (1, 2^36], got 1");
        assertThatThrownBy(() -> new EventList<String>((1L << 36) + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequenceLimit must be in (1, 2^36], got " + ((1L << 36) + 1));

        // A limit of 2 renumbers after every second event; the order in time, then in scheduling, holds.
        EventList<String> small = new EventList<>(2);
        small.schedule(3, "c");
        small.schedule(1, "a");
        small.schedule(3, "d");
        small.schedule(2, "b");
        small.schedule(1, "a2");
        List<String> polled = new ArrayList<>();
        while (!small.isEmpty()) {
            polled.add(small.poll());
        }
        assertThat(polled).containsExactly("a", "a2", "b", "c", "d");

        EventList<String> widest = new EventList<>(1L << 36);
        widest.schedule(0, "x");
        assertThat(widest.poll()).isEqualTo("x");
    }

    @Test
    void eventList_timeZeroAndMinusZero_acceptedAndTiedInSchedulingOrder() {
        EventList<String> list = new EventList<>();
        list.schedule(1e-300, "later");
        list.schedule(-0.0, "minusZero");
        list.schedule(0.0, "zero");

        assertThat(list.peekTime()).isZero();
        assertThat(list.poll()).isEqualTo("minusZero");
        assertThat(list.poll()).isEqualTo("zero");
        assertThat(list.poll()).isEqualTo("later");
        assertThatThrownBy(() -> list.schedule(-Double.MIN_VALUE, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeSeconds must be finite and >= 0, got -4.9E-324");
        assertThatThrownBy(() -> list.schedule(Double.MAX_VALUE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("payload");
    }

    @Test
    void simulator_eventsAtNowAndRunUntilNow_accepted_infiniteTimeRefused() {
        Simulator<Object> sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
        List<String> heard = new ArrayList<>();
        sim.scheduleAt(5, (String s) -> heard.add(s + "@" + sim.now()), "first");
        sim.runUntil(5);
        assertThat(sim.now()).isEqualTo(5.0);

        // At now exactly: an absolute time equal to now, a delay of 0, and runUntil(now) handles both.
        sim.scheduleAt(5, (String s) -> heard.add(s + "@" + sim.now()), "atNow");
        sim.schedule(0, (String s) -> heard.add(s + "@" + sim.now()), "noDelay");
        sim.runUntil(5);

        assertThat(heard).containsExactly("first@5.0", "atNow@5.0", "noDelay@5.0");
        assertThat(sim.processedEvents()).isEqualTo(3);
        assertThatThrownBy(() -> sim.scheduleAt(Double.POSITIVE_INFINITY, (String s) -> {}, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeSeconds must be finite and >= now (5.0), got Infinity");
        assertThatThrownBy(() -> sim.schedule(Double.POSITIVE_INFINITY, (String s) -> {}, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delaySeconds must be finite and >= 0, got Infinity");
        assertThatThrownBy(() -> sim.schedule(-Double.MIN_VALUE, (String s) -> {}, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delaySeconds must be finite and >= 0, got -4.9E-324");
    }

    /** Looped forever before: the empty list's next time, +infinity, is not after an infinite limit. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void simulator_runUntilInfinity_handlesEverythingAndLeavesTheClockAtTheLastEvent() {
        Simulator<Object> sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
        sim.scheduleAt(7, (String s) -> {}, "x");

        sim.runUntil(Double.POSITIVE_INFINITY);

        assertThat(sim.now()).isEqualTo(7.0);
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void randomStreams_replicationZero_acceptedAndDistinctFromOne() {
        RandomStreams streams = new RandomStreams(42);

        long zero = streams.stream("links", 0).nextLong();

        assertThat(streams.stream("links", 0).nextLong()).isEqualTo(zero);
        assertThat(streams.stream("links", 1).nextLong()).isNotEqualTo(zero);
        assertThatThrownBy(() -> streams.stream("links", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replication must be >= 0, got -1");
        assertThatThrownBy(() -> streams.stream("", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component must not be empty");
    }
}
