package dev.residency.policy;

/** What a rule demands of a record that violates it. */
public enum Action {
    /** Move a compliant copy into place and delete the others; where moving is impossible, delete. */
    MOVE,
    /** Delete the copies outside the allowed places without moving anything. */
    DELETE,
    /** Leave the record where it is: the rule exempts it. */
    EXEMPT
}
