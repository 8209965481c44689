package dev.residency.plan.verify;

/**
 * One check that {@link PlanVerifier} makes; a {@link VerificationResult} lists the checks a plan
 * failed. Every check has a negative test that builds a plan breaking it ({@code PlanVerifierTest}).
 */
public enum VerificationCheck {
    /** A batch's id is not its index in the plan. */
    BATCH_INDEX,
    /** A batch's arcs are not consecutive, or do not join its route's source and destination. */
    BATCH_ROUTE,
    /** A batch's stated bytes differ from the sum of its records' sizes. */
    BATCH_BYTES,
    /** A batch starts before a site on its route (destination included) is ready. */
    BATCH_BEFORE_READY,
    /** A batch ends after the hard deadline. */
    BATCH_AFTER_HARD_DEADLINE,
    /** A deletion's stated bytes differ from the sum of its records' sizes. */
    DELETION_BYTES,
    /** An {@code AFTER_MOVE} deletion waits for a batch the plan does not have. */
    DELETION_UNKNOWN_BATCH,
    /** An {@code AFTER_MOVE} deletion is earlier than the end of the batch it waits for. */
    DELETION_BEFORE_BATCH,
    /** The plan moves, deletes or blocks a record that complies (or that its rule exempts). */
    COMPLIANT_RECORD_TOUCHED,
    /** A batch copies a record to a site its rule does not allow. */
    DESTINATION_NOT_ALLOWED,
    /** A batch passes a record through a site the policy forbids for transit. */
    TRANSIT_FORBIDDEN,
    /** A batch moves a record before its home jurisdiction's approval. */
    BEFORE_APPROVAL,
    /** A batch copies a record from a site that does not hold it for the whole copy. */
    SOURCE_NOT_HELD,
    /** A batch copies a record to a site that already holds it. */
    DESTINATION_ALREADY_HOLDS,
    /** A deletion removes a copy that is not there. */
    DELETION_NO_COPY,
    /** A deletion removes a copy of a record under legal hold. */
    DELETION_LEGAL_HOLD,
    /** A deletion removes a compliant copy. */
    DELETION_COMPLIANT_COPY,
    /** An {@code AFTER_MOVE} deletion comes before its batch has copied the record. */
    AFTER_MOVE_WITHOUT_COPY,
    /** An {@code AFTER_MOVE} deletion leaves fewer compliant copies than the rule needs. */
    AFTER_MOVE_TOO_FEW_COPIES,
    /** An {@code EXCESS_REPLICA} deletion leaves fewer compliant copies than the rule needs. */
    EXCESS_REPLICA_TOO_FEW_COPIES,
    /** A destroying deletion removes a record whose category may not be deleted. */
    CATEGORY_NOT_DELETABLE,
    /** A record is destroyed for two different reasons. */
    TWO_DESTROY_REASONS,
    /** A deletion whose reason may not destroy records removes a record's last copy. */
    LAST_COPY_REMOVED,
    /** A record listed as blocked may be deleted, so it is not blocked. */
    BLOCKED_BUT_DELETABLE,
    /** A record listed as blocked is moved or deleted by the plan. */
    BLOCKED_BUT_HANDLED,
    /** A moved record is also deleted for a destroying reason or as an excess replica. */
    MOVED_AND_DELETED,
    /** A violating record is neither moved, deleted nor blocked. */
    VIOLATING_UNHANDLED,
    /** A record still violates at the end of the plan and is not listed as blocked. */
    VIOLATING_AT_END,
    /** The classification's tallies per record class differ from the records'. */
    CLASS_TALLY,
    /** The classification's deletions per reason differ from the records'. */
    DELETION_REASON_TALLY,
    /** The classification's blocked records per reason differ from the records'. */
    BLOCKED_REASON_TALLY,
    /** The classes, or the plan's violating tally, differ from the audit's violating tally. */
    VIOLATING_TOTAL,
    /** The plan's bytes to move differ from its batches'. */
    BYTES_TO_MOVE,
    /** The plan's bytes to delete per reason differ from its deletions'. */
    BYTES_TO_DELETE,
    /** The plan's makespan is not its last batch's end. */
    MAKESPAN,
    /** The plan's lower bound exceeds its makespan. */
    LOWER_BOUND,
    /** The plan's egress cost differs from its batches'. */
    EGRESS_COST,
    /** A batch with bytes takes no time once its route's latency is taken from its planned interval. */
    BATCH_NO_TIME,
    /** A batch uses a link during the link's maintenance window (its planned interval, latency included). */
    MAINTENANCE,
    /** The batches on an arc carry more than its bandwidth at some instant. */
    LINK_BANDWIDTH,
    /** The batches into a site carry more than its ingest limit at some instant. */
    SITE_INGEST,
    /** The batches out of a site carry more than its egress limit at some instant. */
    SITE_EGRESS,
    /** A destination would store more than its capacity at some instant (staging copies included). */
    STORAGE,
    /** A leg continues a batch that the plan does not have or that makes no staging copy. */
    LEG_PREVIOUS_UNKNOWN,
    /** A leg starts before its previous leg's copy has ended. */
    LEG_BEFORE_PREVIOUS,
    /** A leg copies from another site than the staging copy of its previous leg. */
    LEG_SOURCE,
    /** A leg carries other records or bytes than its previous leg. */
    LEG_RECORDS,
    /** A staging copy is continued by no leg, or by several. */
    STAGING_NOT_CONTINUED,
    /** A batch makes a staging copy at a site where the policy does not allow the record to be staged. */
    STAGING_NOT_ALLOWED
}
