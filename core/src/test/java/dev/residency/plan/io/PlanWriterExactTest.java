package dev.residency.plan.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.BlockReason;
import dev.residency.audit.Tally;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Classification;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.RecordClass;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Route;
import dev.residency.topology.Topology;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The writer's exact output for a hand-made plan of two batches, two deletions and one blocked group,
 * written out by hand: field order, escapes in JSON strings, quoting in CSV cells, deletions ordered
 * by reason in CSV but as planned in JSON, {@code null} for a missing batch and for a ratio that is
 * not finite, and the empty sections of an empty plan.
 */
final class PlanWriterExactTest {

    private static final Topology TOPOLOGY = Topology.builder()
            .site(PlanFixtures.site("va", "US", 1L << 40))
            .site(PlanFixtures.site("sg", "SG", 1L << 40))
            .link(PlanFixtures.link("va", "sg", 1e9, 0.02))
            .build();

    private static final Route SG_VA =
            new Route(1, 0, ImmutableIntArray.of(TOPOLOGY.arcBetween(1, 0).getAsInt()));

    /**
     * Batch 0 (wave 0) copies records 0 and 1 (200 bytes) from 0 s to 4 s, batch 1 (wave 1) record 2
     * (100 bytes) from 4 s to 4.5 s; record 3 is deleted as unmovable, records 0 and 1 at sg after
     * batch 0; record 4 is held.
     */
    private static MigrationPlan plan(String planner, String method, double makespan, double lowerBound) {
        return new MigrationPlan(
                planner,
                new Classification(
                        new Tally(3, 300),
                        ImmutableSortedMap.of(
                                RecordClass.DELETE, new Tally(1, 100), RecordClass.MOVE, new Tally(2, 200)),
                        ImmutableSortedMap.of(DeletionReason.UNMOVABLE, new Tally(1, 100)),
                        ImmutableSortedMap.of(BlockReason.LEGAL_HOLD, new Tally(1, 50))),
                ImmutableList.of(
                        new TransferBatch(0, 0, 1, 0, SG_VA, ImmutableIntArray.of(0, 1), 200, 0, 4),
                        new TransferBatch(1, 1, 1, 0, SG_VA, ImmutableIntArray.of(2), 100, 4, 4.5)),
                ImmutableList.of(
                        new Deletion(1, ImmutableIntArray.of(3), 100, DeletionReason.UNMOVABLE, OptionalInt.empty(), 0),
                        new Deletion(
                                1, ImmutableIntArray.of(0, 1), 200, DeletionReason.AFTER_MOVE, OptionalInt.of(0), 4)),
                ImmutableList.of(new BlockedGroup(
                        "keep \"US\"",
                        BlockReason.LEGAL_HOLD,
                        Jurisdiction.US,
                        "pro\\file",
                        ImmutableIntArray.of(4),
                        50)),
                makespan,
                lowerBound,
                0.25,
                300,
                ImmutableSortedMap.of(DeletionReason.UNMOVABLE, 100L, DeletionReason.AFTER_MOVE, 200L),
                0,
                method,
                0,
                0,
                ImmutableList.of());
    }

    @Test
    void json_handPlan_exactText() {
        String planner = "p\"q\\r\nx\ry\tz\u0001";
        String expected = String.join(
                "\n",
                "{",
                "  \"summary\": {",
                "    \"planner\": \"p\\\"q\\\\r\\nx\\ry\\tz\\u0001\",",
                "    \"method\": \"lp, exact\",",
                "    \"violatingRecords\": 3,",
                "    \"violatingBytes\": 300,",
                "    \"batches\": 2,",
                "    \"waves\": 2,",
                "    \"bytesToMove\": 300,",
                "    \"bytesToDelete\": 300,",
                "    \"bytesToDelete.AFTER_MOVE\": 200,",
                "    \"bytesToDelete.UNMOVABLE\": 100,",
                "    \"makespanSeconds\": 4.5,",
                "    \"lowerBoundSeconds\": 3.0,",
                "    \"qualityRatio\": 1.5,",
                "    \"egressCostUsd\": 0.25,",
                "    \"violatingBytesAtDeadline\": 0",
                "  },",
                "  \"classification\": {",
                "    \"MOVE\": {\"records\": 2, \"bytes\": 200},",
                "    \"DELETE\": {\"records\": 1, \"bytes\": 100},",
                "    \"DELETE/UNMOVABLE\": {\"records\": 1, \"bytes\": 100},",
                "    \"BLOCKED/LEGAL_HOLD\": {\"records\": 1, \"bytes\": 50}",
                "  },",
                "  \"batches\": [",
                "    {\"id\": 0, \"wave\": 0, \"source\": \"sg\", \"destination\": \"va\", \"route\": \"sg>va\","
                        + " \"records\": 2, \"bytes\": 200, \"startSeconds\": 0.0, \"endSeconds\": 4.0},",
                "    {\"id\": 1, \"wave\": 1, \"source\": \"sg\", \"destination\": \"va\", \"route\": \"sg>va\","
                        + " \"records\": 1, \"bytes\": 100, \"startSeconds\": 4.0, \"endSeconds\": 4.5}",
                "  ],",
                "  \"deletions\": [",
                "    {\"site\": \"sg\", \"reason\": \"UNMOVABLE\", \"records\": 1, \"bytes\": 100, \"afterBatch\": null,"
                        + " \"earliestSeconds\": 0.0},",
                "    {\"site\": \"sg\", \"reason\": \"AFTER_MOVE\", \"records\": 2, \"bytes\": 200, \"afterBatch\": 0,"
                        + " \"earliestSeconds\": 4.0}",
                "  ],",
                "  \"blocked\": [",
                "    {\"rule\": \"keep \\\"US\\\"\", \"reason\": \"LEGAL_HOLD\", \"home\": \"US\", \"category\":"
                        + " \"pro\\\\file\", \"records\": 1, \"bytes\": 50}",
                "  ]",
                "}",
                "");
        assertThat(PlanWriter.json(plan(planner, "lp, exact", 4.5, 3), TOPOLOGY))
                .isEqualTo(expected);
    }

    @Test
    void json_emptyPlanAndInfiniteRatio_emptySectionsAndNull() {
        MigrationPlan empty = new MigrationPlan(
                "greedy",
                new Classification(
                        Tally.ZERO, ImmutableSortedMap.of(), ImmutableSortedMap.of(), ImmutableSortedMap.of()),
                ImmutableList.of(),
                ImmutableList.of(),
                ImmutableList.of(),
                2,
                0,
                0,
                0,
                ImmutableSortedMap.of(),
                0,
                "none",
                0,
                0,
                ImmutableList.of());
        String json = PlanWriter.json(empty, TOPOLOGY);
        assertThat(json)
                .contains("\n    \"qualityRatio\": null,\n")
                .endsWith(String.join(
                        "\n",
                        "    \"violatingBytesAtDeadline\": 0",
                        "  },",
                        "  \"classification\": {",
                        "  },",
                        "  \"batches\": [",
                        "  ],",
                        "  \"deletions\": [",
                        "  ],",
                        "  \"blocked\": [",
                        "  ]",
                        "}",
                        ""));
        assertThat(PlanWriter.summaryCsv(empty))
                .contains("\nqualityRatio,null\n")
                .contains("\nwaves,0\n");
    }

    @Test
    void csv_handPlan_exactRows() {
        MigrationPlan p = plan("flow", "lp, \"exact\"", 4.5, 3);
        assertThat(PlanWriter.summaryCsv(p).lines())
                .containsExactly(
                        "key,value",
                        "planner,flow",
                        "method,\"lp, \"\"exact\"\"\"",
                        "violatingRecords,3",
                        "violatingBytes,300",
                        "batches,2",
                        "waves,2",
                        "bytesToMove,300",
                        "bytesToDelete,300",
                        "bytesToDelete.AFTER_MOVE,200",
                        "bytesToDelete.UNMOVABLE,100",
                        "makespanSeconds,4.5",
                        "lowerBoundSeconds,3.0",
                        "qualityRatio,1.5",
                        "egressCostUsd,0.25",
                        "violatingBytesAtDeadline,0");
        // Rates while the bytes move, after the route's 10 ms of latency: 200 bytes in 3.99 s, 100 bytes
        // in 0.49 s.
        assertThat(PlanWriter.batchesCsv(p, TOPOLOGY).lines())
                .containsExactly(
                        "id,wave,source,destination,route,records,bytes,start_s,end_s,rate_bytes_per_s,previous_leg,staging",
                        "0,0,sg,va,sg>va,2,200,0.0,4.0,50.125313283208015,,false",
                        "1,1,sg,va,sg>va,1,100,4.0,4.5,204.08163265306123,,false");
        // By reason (AFTER_MOVE before UNMOVABLE), although the plan lists them the other way round.
        assertThat(PlanWriter.deletionsCsv(p, TOPOLOGY).lines())
                .containsExactly(
                        "reason,site,records,bytes,after_batch,earliest_s",
                        "AFTER_MOVE,sg,2,200,0,4.0",
                        "UNMOVABLE,sg,1,100,,0.0");
        assertThat(PlanWriter.summaryCsv(plan("a\nb", "m", 1, 1))).contains("\nplanner,\"a\nb\"\n");
    }
}
