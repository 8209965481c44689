package dev.residency.plan;

/** Why a plan deletes copies of a record. */
public enum DeletionReason {
    /** The source copy goes after its batch's verified compliant copy exists. */
    AFTER_MOVE,
    /** The category cannot be moved, so its violating copies are deleted at once. */
    UNMOVABLE,
    /** No route leads from any copy to an allowed site through sites the policy lets data pass. */
    NO_ROUTE,
    /** The allowed sites it can reach have no storage left for it. */
    NO_STORAGE,
    /** It cannot be moved before a hard deadline; lower keep priority is deleted first. */
    DEADLINE,
    /** The governing rule's action is DELETE. */
    POLICY_DELETE,
    /** The record already has enough compliant replicas; only its violating copies go. */
    EXCESS_REPLICA;

    /** Returns whether a deletion for this reason may remove a record's last copy. */
    public boolean mayDestroy() {
        return this != AFTER_MOVE && this != EXCESS_REPLICA;
    }
}
