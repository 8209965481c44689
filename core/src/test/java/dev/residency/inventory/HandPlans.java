package dev.residency.inventory;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.BlockReason;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Route;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.OptionalInt;

/**
 * Hand-made plans on {@link InventoryFixtures#TOPOLOGY}, whose record indices are unit indices of a
 * scan: only the decisions matter to the inventory code, so estimates are zero.
 */
final class HandPlans {

    static final Topology TOPOLOGY = InventoryFixtures.TOPOLOGY;
    /** Site index of "va". */
    static final int VA = 0;
    /** Site index of "sg". */
    static final int SG = 1;

    private HandPlans() {}

    /** A plan of the given decisions with zero estimates. */
    static MigrationPlan plan(List<TransferBatch> batches, List<Deletion> deletions, List<BlockedGroup> blocked) {
        return PlanFixtures.decisionsOnly(batches, deletions, blocked);
    }

    /** A batch copying {@code records} from sg to va. */
    static TransferBatch sgToVa(int id, int... records) {
        Route route = new Route(
                SG, VA, ImmutableIntArray.of(TOPOLOGY.arcBetween(SG, VA).getAsInt()));
        return new TransferBatch(id, 0, SG, VA, route, ImmutableIntArray.copyOf(records), 1, 0, 1);
    }

    /** A deletion at {@code site}, after {@code afterBatch} when it is not negative. */
    static Deletion deletion(int site, DeletionReason reason, int afterBatch, int... records) {
        return new Deletion(
                site,
                ImmutableIntArray.copyOf(records),
                1,
                reason,
                afterBatch < 0 ? OptionalInt.empty() : OptionalInt.of(afterBatch),
                0);
    }

    /** US profile records kept in place under legal hold. */
    static BlockedGroup legalHold(int... records) {
        return new BlockedGroup(
                "keep-US", BlockReason.LEGAL_HOLD, Jurisdiction.US, "profile", ImmutableIntArray.copyOf(records), 1);
    }
}
