package dev.residency.plan.internal.solve;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.BlockReason;
import dev.residency.audit.ComplianceAudit;
import dev.residency.data.Category;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.plan.Classification;
import dev.residency.plan.DeletionReason;
import dev.residency.policy.Action;
import dev.residency.policy.PolicyIndex;
import dev.residency.policy.Rule;
import java.util.Optional;

/**
 * The first classification, per group of records alike (home, category, replica set, legal hold):
 * untouched, enough compliant replicas, move, delete (with its reason) or blocked. Moves may still
 * turn into deletions when the flow cannot carry them; the plan's {@link Classification} is final.
 */
final class Triage {

    static final byte UNTOUCHED = 0;
    static final byte ENOUGH = 1;
    static final byte MOVE = 2;
    static final byte DELETE = 3;
    static final byte BLOCKED = 4;

    final RecordGroups groups;
    final PolicyIndex index;
    final byte[] fate;
    final DeletionReason[] deleteReason;
    final BlockReason[] blockReason;
    final int[] rule;
    final int[] copies;

    private Triage(RecordGroups groups, PolicyIndex index) {
        this.groups = groups;
        this.index = index;
        int n = groups.count();
        fate = new byte[n];
        deleteReason = new DeletionReason[n];
        blockReason = new BlockReason[n];
        rule = new int[n];
        copies = new int[n];
        RecordStore store = groups.store();
        for (int g = 0; g < n; g++) {
            int h = groups.home(g);
            int c = groups.category(g);
            int r = index.ruleOf(h, c);
            rule[g] = r;
            if (!index.violates(h, c, groups.replicaSet(g))) {
                continue;
            }
            Category category = store.categories().get(c);
            Action action = index.actionOf(h, c);
            Optional<BlockReason> blocked = ComplianceAudit.blockReason(groups.legalHold(g), category, action);
            if (blocked.isPresent()) {
                fate[g] = BLOCKED;
                blockReason[g] = blocked.get();
                continue;
            }
            if (action == Action.DELETE) {
                fate[g] = DELETE;
                deleteReason[g] = DeletionReason.POLICY_DELETE;
                continue;
            }
            Rule governing = index.rule(r);
            int compliant = index.compliantReplicas(r, groups.replicaSet(g));
            if (compliant >= governing.minCompliantReplicas()) {
                fate[g] = ENOUGH;
                deleteReason[g] = DeletionReason.EXCESS_REPLICA;
            } else if (!category.movable()) {
                fate[g] = DELETE;
                deleteReason[g] = DeletionReason.UNMOVABLE;
            } else {
                fate[g] = MOVE;
                copies[g] = governing.minCompliantReplicas() - compliant;
            }
        }
    }

    static Triage of(RecordGroups groups, PolicyIndex index) {
        return new Triage(groups, index);
    }

    /** Returns the sites of group {@code g}'s replica set that its rule does not allow. */
    int[] violatingSites(int g) {
        ImmutableIntArray sites = groups.store().replicaSets().sites(groups.replicaSet(g));
        int r = rule[g];
        return sites.stream().filter(s -> !index.allows(r, s)).toArray();
    }

    /** Returns whether group {@code g}'s category may lose all its copies. */
    boolean deletable(int g) {
        return groups.store().categories().get(groups.category(g)).deletable();
    }
}
