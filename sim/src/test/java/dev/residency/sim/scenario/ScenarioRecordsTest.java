package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks of the scenario's small records ({@link AggregateRow}, {@link LiveWrites}, {@link
 * PlanningSettings}) from both sides of their edges with their messages, and the rescaling of rows and
 * writes by hand.
 */
final class ScenarioRecordsTest {

    private static final Category VIDEOS = new Category("videos", true, true, false);

    private static AggregateRow row(ImmutableList<String> sites, long records, long bytes, long users) {
        return new AggregateRow(Jurisdiction.US, VIDEOS, sites, records, bytes, users, false);
    }

    @Test
    void aggregateRow_checksAtTheirEdges_rescaledByHand() {
        ImmutableList<String> src = ImmutableList.of("src");
        AggregateRow smallest = row(src, 1, 0, 1);
        assertThat(smallest.records()).isEqualTo(1);

        assertThatThrownBy(() -> row(ImmutableList.of(), 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a row of US ")
                .hasMessageEndingWith(" needs at least one site");
        assertThatThrownBy(() -> row(src, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("records must be positive, was 0");
        assertThatThrownBy(() -> row(src, 1, -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("totalBytes must not be negative, was -1");
        assertThatThrownBy(() -> row(src, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users must be in [1, records=1], was 0");
        assertThatThrownBy(() -> row(src, 3, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users must be in [1, records=3], was 4");

        // 1,000 records of 700 users at a factor of 3: round(333.3) = 333 records, round(233.3) = 233 users.
        AggregateRow big = row(src, 1_000, 5_000, 700);
        assertThat(big.rescaled(3)).isEqualTo(row(src, 333, 5_000, 233));
        assertThat(big.rescaled(1)).isEqualTo(big);
        // Never below one record and one user.
        assertThat(big.rescaled(5_000)).isEqualTo(row(src, 1, 5_000, 1));
        assertThatThrownBy(() -> big.rescaled(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("factor must be at least 1, was 0");
    }

    @Test
    void liveWrites_checksAtTheirEdges_rescaledByHand() {
        assertThat(new LiveWrites(0, 0).rescaled(1)).isEqualTo(new LiveWrites(0, 0));
        assertThat(new LiveWrites(1_000, 0.5).rescaled(4)).isEqualTo(new LiveWrites(4_000, 0.5));
        assertThatThrownBy(() -> new LiveWrites(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bytesPerUserPerDay must not be negative, was -1");
        assertThatThrownBy(() -> new LiveWrites(0, -Double.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signupsPerUserPerDay must not be negative, was -4.9E-324");
        assertThatThrownBy(() -> new LiveWrites(0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signupsPerUserPerDay must not be negative, was Infinity");
        assertThatThrownBy(() -> new LiveWrites(1, 0).rescaled(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("factor must be at least 1, was 0");
    }

    private static PlanningSettings planning(long batch, Duration step, Map<String, Long> used) {
        return new PlanningSettings(
                "flow",
                batch,
                step,
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.of(),
                ImmutableMap.copyOf(used));
    }

    @Test
    void planningSettings_checksAtTheirEdges() {
        PlanningSettings least = planning(1, Duration.ofNanos(1), Map.of("src", 0L));
        assertThat(least.targetBatchBytes()).isEqualTo(1);

        assertThatThrownBy(() -> new PlanningSettings(
                        "greedy-ish",
                        1,
                        Duration.ofDays(1),
                        ImmutableMap.of(),
                        ImmutableMap.of(),
                        ImmutableList.of(),
                        ImmutableMap.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("planner must be one of ")
                .hasMessageEndingWith(", was \"greedy-ish\"");
        assertThatThrownBy(() -> planning(0, Duration.ofDays(1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("targetBatchBytes must be positive, was 0");
        assertThatThrownBy(() -> planning(1, Duration.ZERO, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeStep must be positive, was PT0S");
        assertThatThrownBy(() -> planning(1, Duration.ofSeconds(-1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeStep must be positive, was PT-1S");
        assertThatThrownBy(() -> planning(1, Duration.ofDays(1), Map.of("src", -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("used bytes of src must not be negative, was -1");
    }
}
