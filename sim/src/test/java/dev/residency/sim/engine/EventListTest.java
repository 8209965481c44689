package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked cases of {@link EventList}: time order, first-in-first-out ties, cancellation, growth. */
final class EventListTest {

    @Test
    void poll_distinctTimes_returnsInTimeOrder() {
        EventList<String> list = new EventList<>();
        list.schedule(3.0, "c");
        list.schedule(1.0, "a");
        list.schedule(2.0, "b");

        assertThat(list.peekTime()).isEqualTo(1.0);
        assertThat(List.of(list.poll(), list.poll(), list.poll())).containsExactly("a", "b", "c");
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void poll_equalTimes_returnsInInsertionOrder() {
        EventList<Integer> list = new EventList<>();
        for (int i = 0; i < 100; i++) {
            list.schedule(i % 2 == 0 ? 5.0 : 0.0, i);
        }
        List<Integer> out = new ArrayList<>();
        while (!list.isEmpty()) {
            out.add(list.poll());
        }
        // All odd i (time 0) first in increasing i, then all even i (time 5).
        for (int k = 0; k < 50; k++) {
            assertThat(out.get(k)).isEqualTo(2 * k + 1);
            assertThat(out.get(50 + k)).isEqualTo(2 * k);
        }
    }

    @Test
    void poll_negativeZeroAndZero_treatedAsEqualTimes() {
        EventList<String> list = new EventList<>();
        list.schedule(0.0, "first");
        list.schedule(-0.0, "second");

        assertThat(list.poll()).isEqualTo("first");
        assertThat(list.poll()).isEqualTo("second");
    }

    @Test
    void cancel_pendingEvent_isSkippedAndSizeDrops() {
        EventList<String> list = new EventList<>();
        long a = list.schedule(1.0, "a");
        list.schedule(2.0, "b");

        assertThat(list.cancel(a)).isTrue();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.peekTime()).isEqualTo(2.0);
        assertThat(list.poll()).isEqualTo("b");
    }

    @Test
    void cancel_twiceOrAfterDelivery_returnsFalse() {
        EventList<String> list = new EventList<>();
        long a = list.schedule(1.0, "a");
        long b = list.schedule(2.0, "b");

        assertThat(list.cancel(a)).isTrue();
        assertThat(list.cancel(a)).isFalse();
        assertThat(list.poll()).isEqualTo("b");
        assertThat(list.cancel(b)).isFalse();
        assertThat(list.cancel(-1)).isFalse();
    }

    @Test
    void cancel_staleHandleOfReusedSlot_returnsFalse() {
        EventList<String> list = new EventList<>();
        long old = list.schedule(1.0, "old");
        list.poll();
        list.schedule(1.0, "new"); // reuses the slot of "old"

        assertThat(list.cancel(old)).isFalse();
        assertThat(list.poll()).isEqualTo("new");
    }

    @Test
    void cancel_mostEvents_compactsAndKeepsOrder() {
        EventList<Integer> list = new EventList<>();
        long[] handles = new long[10_000];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = list.schedule(handles.length - i, i);
        }
        for (int i = 0; i < handles.length; i++) {
            if (i % 10 != 0) {
                assertThat(list.cancel(handles[i])).isTrue();
            }
        }
        assertThat(list.size()).isEqualTo(1_000);
        int previous = Integer.MAX_VALUE;
        while (!list.isEmpty()) {
            int i = list.poll();
            assertThat(i % 10).isZero();
            assertThat(i).isLessThan(previous); // later i has an earlier time
            previous = i;
        }
    }

    @Test
    void schedule_pastSequenceLimit_renumbersAndKeepsOrderAndHandles() {
        EventList<Integer> list = new EventList<>(8);
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            handles.add(list.schedule(i % 3, i));
        }
        assertThat(list.cancel(handles.get(29))).isTrue();
        List<Integer> out = new ArrayList<>();
        while (!list.isEmpty()) {
            out.add(list.poll());
        }
        // Time 0: 0, 3, …, 27; time 1: 1, 4, …, 28; time 2: 2, 5, …, 26 (29 cancelled).
        List<Integer> expected = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int i = r; i < 30; i += 3) {
                if (i != 29) {
                    expected.add(i);
                }
            }
        }
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void schedule_invalidTime_throwsNamingValue() {
        EventList<String> list = new EventList<>();
        assertThatThrownBy(() -> list.schedule(-1.0, "x")).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> list.schedule(Double.NaN, "x")).hasMessageContaining("NaN");
        assertThatThrownBy(() -> list.schedule(Double.POSITIVE_INFINITY, "x")).hasMessageContaining("Infinity");
    }

    @Test
    void poll_empty_throws() {
        assertThatThrownBy(() -> new EventList<String>().poll()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clear_pendingEvents_emptiesAndInvalidatesHandles() {
        EventList<String> list = new EventList<>();
        long a = list.schedule(1.0, "a");
        list.clear();

        assertThat(list.isEmpty()).isTrue();
        assertThat(list.cancel(a)).isFalse();
    }
}
