package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property: {@link Simulator} fires events in (time, insertion) order, advances its clock to each
 * event, runs instant-end hooks once after the last event of each instant, and routes component
 * events to their targets.
 */
final class SimulatorTest {

    private static final SimClock CLOCK = SimClock.startingAt(Instant.parse("2020-08-01T00:00:00Z"));

    /** The example event type of these tests: a sealed interface with one record per kind. */
    sealed interface Ping permits Ping.Hello, Ping.Bye {
        /** Says hello. */
        record Hello(String who) implements Ping {}

        /** Says goodbye. */
        record Bye(String who) implements Ping {}
    }

    @Test
    void run_mainEvents_firedInTimeThenInsertionOrderWithClock() {
        List<String> seen = new ArrayList<>();
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> {
            String text = e instanceof Ping.Hello h ? "hello " + h.who() : "bye " + ((Ping.Bye) e).who();
            seen.add(s.now() + " " + text);
        });
        sim.schedule(2.0, new Ping.Bye("a"));
        sim.schedule(1.0, new Ping.Hello("a"));
        sim.schedule(2.0, new Ping.Hello("b"));

        sim.run();

        assertThat(seen).containsExactly("1.0 hello a", "2.0 bye a", "2.0 hello b");
        assertThat(sim.processedEvents()).isEqualTo(3);
        assertThat(sim.now()).isEqualTo(2.0);
    }

    @Test
    void runUntil_eventsBeyondTime_leftPendingAndClockAdvanced() {
        List<Double> seen = new ArrayList<>();
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> seen.add(s.now()));
        sim.schedule(1.0, new Ping.Hello("x"));
        sim.schedule(5.0, new Ping.Hello("y"));
        sim.schedule(9.0, new Ping.Hello("z"));

        sim.runUntil(5.0);

        assertThat(seen).containsExactly(1.0, 5.0);
        assertThat(sim.now()).isEqualTo(5.0);
        assertThat(sim.pendingEvents()).isEqualTo(1);
        sim.runUntil(7.0);
        assertThat(sim.now()).isEqualTo(7.0);
        assertThat(sim.clock().toInstant(sim.now())).isEqualTo(Instant.parse("2020-08-01T00:00:07Z"));
    }

    @Test
    void runWhile_conditionTurnsFalse_stopsBeforeNextEvent() {
        List<Double> seen = new ArrayList<>();
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> seen.add(s.now()));
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i, new Ping.Hello("n"));
        }

        sim.runWhile(() -> seen.size() < 4);

        assertThat(seen).containsExactly(1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void step_eachCall_handlesOneEvent() {
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> {});
        sim.schedule(1.0, new Ping.Hello("a"));

        assertThat(sim.step()).isTrue();
        assertThat(sim.step()).isFalse();
    }

    @Test
    void onInstantEnd_severalEventsPerInstant_hookRunsOncePerInstantAfterThem() {
        List<String> log = new ArrayList<>();
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> log.add("event@" + s.now()));
        sim.onInstantEnd(() -> log.add("end@" + sim.now()));
        sim.schedule(1.0, new Ping.Hello("a"));
        sim.schedule(1.0, new Ping.Hello("b"));
        sim.schedule(2.0, new Ping.Hello("c"));

        sim.run();

        assertThat(log).containsExactly("event@1.0", "event@1.0", "end@1.0", "event@2.0", "end@2.0");
    }

    @Test
    void onInstantEnd_hookSchedulesAtSameInstant_eventRunsThenHookAgain() {
        List<String> log = new ArrayList<>();
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> log.add("event " + e));
        boolean[] once = {false};
        sim.onInstantEnd(() -> {
            log.add("end@" + sim.now());
            if (!once[0]) {
                once[0] = true;
                sim.schedule(0.0, new Ping.Bye("late"));
            }
        });
        sim.schedule(1.0, new Ping.Hello("a"));

        sim.run();

        assertThat(log).containsExactly("event Hello[who=a]", "end@1.0", "event Bye[who=late]", "end@1.0");
    }

    @Test
    void schedule_componentEvent_goesToItsTargetInOrder() {
        List<String> log = new ArrayList<>();
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> log.add("main " + e));
        sim.schedule(1.0, (String text) -> log.add("component " + text + "@" + sim.now()), "tick");
        sim.schedule(1.0, new Ping.Hello("a"));

        sim.run();

        assertThat(log).containsExactly("component tick@1.0", "main Hello[who=a]");
    }

    @Test
    void cancel_pendingEvent_neverFires() {
        List<Ping> seen = new ArrayList<>();
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> seen.add(e));
        long handle = sim.schedule(1.0, new Ping.Hello("a"));
        sim.schedule(2.0, new Ping.Hello("b"));

        assertThat(sim.cancel(handle)).isTrue();
        sim.run();

        assertThat(seen).containsExactly(new Ping.Hello("b"));
    }

    @Test
    void stop_insideHandler_runReturnsAfterCurrentEvent() {
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> s.stop());
        sim.schedule(1.0, new Ping.Hello("a"));
        sim.schedule(2.0, new Ping.Hello("b"));

        sim.run();

        assertThat(sim.now()).isEqualTo(1.0);
        assertThat(sim.pendingEvents()).isEqualTo(1);
    }

    @Test
    void schedule_inThePastOrNegativeDelay_throwsNamingValue() {
        Simulator<Ping> sim = new Simulator<>(CLOCK, (s, e) -> {});
        sim.schedule(5.0, new Ping.Hello("a"));
        sim.run();

        assertThatThrownBy(() -> sim.scheduleAt(4.0, new Ping.Hello("b"))).hasMessageContaining("4.0");
        assertThatThrownBy(() -> sim.schedule(-1.0, new Ping.Hello("b"))).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> sim.runUntil(3.0)).hasMessageContaining("3.0");
    }

    @Test
    void withoutMainHandler_mainEventFires_throws() {
        Simulator<Object> sim = Simulator.withoutMainHandler(CLOCK);
        sim.schedule(1.0, "stray");

        assertThatThrownBy(sim::run).hasMessageContaining("stray");
    }
}
