package dev.residency.audit;

/** Why a violating record can be neither moved into place nor deleted. */
public enum BlockReason {
    /** The record is under legal hold: none of its copies may be deleted. */
    LEGAL_HOLD,
    /** Its category can neither be moved nor deleted (or the rule says delete and it is undeletable). */
    UNMOVABLE_UNDELETABLE
}
