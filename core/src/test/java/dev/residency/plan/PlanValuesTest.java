package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.Tally;
import dev.residency.topology.Route;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The plan's value types: every check at its boundary (the first value refused, with its message, and
 * the last one accepted), and their small derived numbers worked by hand (ratios, rates, sums, wave
 * counts).
 */
final class PlanValuesTest {

    private static final Route ZERO_TO_ONE = new Route(0, 1, ImmutableIntArray.of(0));

    private static TransferBatch batch(int id, int wave, long bytes, double start, double end) {
        return new TransferBatch(id, wave, 0, 1, ZERO_TO_ONE, ImmutableIntArray.of(0), bytes, start, end);
    }

    private static MigrationPlan plan(
            List<TransferBatch> batches,
            double makespan,
            double lowerBound,
            double egress,
            long bytesToMove,
            Map<DeletionReason, Long> deleted,
            double area,
            double areaLowerBound,
            List<PartTiming> parts) {
        Classification none = new Classification(
                Tally.ZERO, ImmutableSortedMap.of(), ImmutableSortedMap.of(), ImmutableSortedMap.of());
        return new MigrationPlan(
                "hand",
                none,
                ImmutableList.copyOf(batches),
                ImmutableList.of(),
                ImmutableList.of(),
                makespan,
                lowerBound,
                egress,
                bytesToMove,
                ImmutableSortedMap.copyOf(deleted),
                0,
                "hand",
                area,
                areaLowerBound,
                ImmutableList.copyOf(parts));
    }

    private static MigrationPlan withTimes(double makespan, double lowerBound, double area, double areaLowerBound) {
        return plan(List.of(), makespan, lowerBound, 0, 0, Map.of(), area, areaLowerBound, List.of());
    }

    @Test
    void migrationPlan_ratios_byHand() {
        assertThat(withTimes(30, 12, 0, 0).qualityRatio()).isEqualTo(2.5);
        assertThat(withTimes(0, 0, 0, 0).qualityRatio()).isEqualTo(1);
        assertThat(withTimes(5, 0, 0, 0).qualityRatio()).isInfinite();
        assertThat(withTimes(0, 0, 9, 4).areaRatio()).isEqualTo(2.25);
        assertThat(withTimes(0, 0, 0, 0).areaRatio()).isEqualTo(1);
        assertThat(withTimes(0, 0, 3, 0).areaRatio()).isInfinite();
    }

    @Test
    void migrationPlan_sumsWavesAndParts_byHand() {
        PartTiming us = new PartTiming(PartTiming.HOME, "US", 10, 4, 2);
        PartTiming rule = new PartTiming(PartTiming.RULE, "keep-US", 10, 4, 2);
        MigrationPlan p = plan(
                List.of(batch(0, 0, 1, 0, 1), batch(1, 2, 1, 1, 2)),
                2,
                1,
                0,
                2,
                Map.of(DeletionReason.AFTER_MOVE, 5L, DeletionReason.UNMOVABLE, 7L),
                0,
                0,
                List.of(us, rule));
        assertThat(p.bytesToDelete()).isEqualTo(12);
        // Waves 0 and 2: three waves (wave 1 is empty).
        assertThat(p.waveCount()).isEqualTo(3);
        assertThat(p.parts(PartTiming.HOME)).containsExactly(us);
        assertThat(p.parts(PartTiming.RULE)).containsExactly(rule);
        assertThat(withTimes(0, 0, 0, 0).waveCount()).isZero();
        assertThat(withTimes(0, 0, 0, 0).bytesToDelete()).isZero();
        assertThat(plan(List.of(batch(0, 0, 1, 0, 1)), 1, 1, 0, 1, Map.of(), 0, 0, List.of())
                        .waveCount())
                .isEqualTo(1);
    }

    @Test
    void migrationPlan_badNumbers_refused() {
        assertThatThrownBy(() -> withTimes(Double.POSITIVE_INFINITY, 0, 0, 0))
                .hasMessage("makespanSeconds must be finite and not negative, was Infinity");
        assertThatThrownBy(() -> withTimes(-1, 0, 0, 0))
                .hasMessage("makespanSeconds must be finite and not negative, was -1.0");
        assertThatThrownBy(() -> withTimes(0, Double.NaN, 0, 0))
                .hasMessage("lowerBoundSeconds must be finite and not negative, was NaN");
        assertThatThrownBy(() -> withTimes(0, -0.5, 0, 0))
                .hasMessage("lowerBoundSeconds must be finite and not negative, was -0.5");
        assertThatThrownBy(() -> withTimes(0, 0, Double.NaN, 0))
                .hasMessage("areaByteSeconds must be finite and not negative, was NaN");
        assertThatThrownBy(() -> withTimes(0, 0, -1, 0))
                .hasMessage("areaByteSeconds must be finite and not negative, was -1.0");
        assertThatThrownBy(() -> withTimes(0, 0, 0, Double.POSITIVE_INFINITY))
                .hasMessage("areaLowerBoundByteSeconds must be finite and not negative, was Infinity");
        assertThatThrownBy(() -> withTimes(0, 0, 0, -2))
                .hasMessage("areaLowerBoundByteSeconds must be finite and not negative, was -2.0");
        assertThatThrownBy(() -> plan(List.of(), 0, 0, -0.01, 0, Map.of(), 0, 0, List.of()))
                .hasMessage("egressCostUsd must not be negative, was -0.01");
        assertThatThrownBy(() -> plan(List.of(), 0, 0, 0, -1, Map.of(), 0, 0, List.of()))
                .hasMessage("bytesToMove must not be negative, was -1");
    }

    @Test
    void partTiming_checksAndRatio() {
        assertThat(new PartTiming(PartTiming.HOME, "US", 0, 6, 4).ratio()).isEqualTo(1.5);
        assertThat(new PartTiming(PartTiming.HOME, "US", 0, 0, 0).ratio()).isEqualTo(1);
        assertThat(new PartTiming(PartTiming.HOME, "US", 0, 1, 0).ratio()).isInfinite();
        assertThatThrownBy(() -> new PartTiming(PartTiming.RULE, "r", -1, 0, 0))
                .hasMessage("part rule r: bytes must not be negative, was -1");
        assertThatThrownBy(() -> new PartTiming(PartTiming.RULE, "r", 0, -1, 0))
                .hasMessage("part rule r: plannedSeconds must be finite and not negative, was -1.0");
        assertThatThrownBy(() -> new PartTiming(PartTiming.RULE, "r", 0, Double.NaN, 0))
                .hasMessage("part rule r: plannedSeconds must be finite and not negative, was NaN");
        assertThatThrownBy(() -> new PartTiming(PartTiming.RULE, "r", 0, 0, -1))
                .hasMessage("part rule r: lowerBoundSeconds must be finite and not negative, was -1.0");
        assertThatThrownBy(() -> new PartTiming(PartTiming.RULE, "r", 0, 0, Double.POSITIVE_INFINITY))
                .hasMessage("part rule r: lowerBoundSeconds must be finite and not negative, was Infinity");
    }

    @Test
    void transferBatch_checksAndRate() {
        // 100 bytes from t = 1 s to t = 5 s: 25 bytes per second.
        assertThat(batch(0, 0, 100, 1, 5).bytesPerSecond()).isEqualTo(25);
        assertThat(batch(0, 0, 100, 3, 3).bytesPerSecond()).isZero();
        assertThat(batch(0, 0, 0, 0, 0).bytes()).isZero();
        assertThatThrownBy(() -> new TransferBatch(3, 0, 1, 0, ZERO_TO_ONE, ImmutableIntArray.of(0), 1, 0, 1))
                .hasMessage("batch 3: route 0->1 does not join 1->0");
        assertThatThrownBy(() -> new TransferBatch(3, 0, 0, 2, ZERO_TO_ONE, ImmutableIntArray.of(0), 1, 0, 1))
                .hasMessage("batch 3: route 0->1 does not join 0->2");
        assertThatThrownBy(() -> new TransferBatch(3, 0, 0, 1, ZERO_TO_ONE, ImmutableIntArray.of(), 1, 0, 1))
                .hasMessage("batch 3 has no records");
        assertThatThrownBy(() -> batch(3, 0, -1, 0, 1)).hasMessage("batch 3: bytes must not be negative, was -1");
        assertThatThrownBy(() -> batch(3, 0, 1, -1, 1))
                .hasMessage("batch 3: times must satisfy 0 <= start <= end, were -1.0 and 1.0");
        assertThatThrownBy(() -> batch(3, 0, 1, 2, 1.5))
                .hasMessage("batch 3: times must satisfy 0 <= start <= end, were 2.0 and 1.5");
    }

    @Test
    void deletion_checks() {
        ImmutableIntArray one = ImmutableIntArray.of(4);
        assertThat(new Deletion(1, one, 0, DeletionReason.AFTER_MOVE, OptionalInt.of(0), 0).bytes())
                .isZero();
        assertThatThrownBy(() ->
                        new Deletion(1, ImmutableIntArray.of(), 1, DeletionReason.UNMOVABLE, OptionalInt.empty(), 0))
                .hasMessage("a deletion at site 1 has no records");
        assertThatThrownBy(() -> new Deletion(1, one, -1, DeletionReason.UNMOVABLE, OptionalInt.empty(), 0))
                .hasMessage("deletion bytes must not be negative, was -1");
        assertThatThrownBy(() -> new Deletion(1, one, 1, DeletionReason.AFTER_MOVE, OptionalInt.empty(), 0))
                .hasMessage("a deletion has an afterBatch exactly when its reason is AFTER_MOVE, was AFTER_MOVE with"
                        + " OptionalInt.empty");
        assertThatThrownBy(() -> new Deletion(1, one, 1, DeletionReason.NO_ROUTE, OptionalInt.of(2), 0))
                .hasMessage("a deletion has an afterBatch exactly when its reason is AFTER_MOVE, was NO_ROUTE with"
                        + " OptionalInt[2]");
        assertThatThrownBy(() -> new Deletion(1, one, 1, DeletionReason.NO_ROUTE, OptionalInt.empty(), -0.5))
                .hasMessage("earliestSeconds must not be negative, was -0.5");
    }

    @Test
    void deletionReason_onlyMoveAndExcessKeepTheLastCopy() {
        for (DeletionReason r : DeletionReason.values()) {
            boolean keeps = r == DeletionReason.AFTER_MOVE || r == DeletionReason.EXCESS_REPLICA;
            assertThat(r.mayDestroy()).as("%s", r).isEqualTo(!keeps);
        }
    }

    @Test
    void classification_missingClassOrReason_zero() {
        Classification c = new Classification(
                new Tally(3, 30),
                ImmutableSortedMap.of(RecordClass.MOVE, new Tally(3, 30)),
                ImmutableSortedMap.of(),
                ImmutableSortedMap.of());
        assertThat(c.of(RecordClass.MOVE)).isEqualTo(new Tally(3, 30));
        assertThat(c.of(RecordClass.DELETE)).isEqualTo(Tally.ZERO);
        assertThat(c.deleted(DeletionReason.NO_ROUTE)).isEqualTo(Tally.ZERO);
    }

    @Test
    void planners_byName() {
        assertThat(Planners.byName("flow").name()).isEqualTo("flow");
        assertThat(Planners.byName("greedy").name()).isEqualTo("greedy");
        assertThat(Planners.names()).contains("flow", "greedy");
        assertThatThrownBy(() -> Planners.byName("fastest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown planner \"fastest\" (known: [")
                .hasMessageContaining("flow")
                .hasMessageContaining("greedy");
    }
}
