package dev.residency.plan;

/** The class of a violating record in a plan: exactly one per record. */
public enum RecordClass {
    /** It already has enough compliant replicas; only its other copies are deleted. */
    ENOUGH_REPLICAS,
    /** A compliant copy is made by a transfer batch, then the violating copies are deleted. */
    MOVE,
    /** Its violating copies are deleted without a move (reason per {@link DeletionReason}). */
    DELETE,
    /** It must go but may not be deleted (legal hold, or unmovable and undeletable). */
    BLOCKED
}
