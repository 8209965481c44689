package dev.residency.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.geo.Jurisdiction;

/**
 * Violating records that cannot be brought into compliance, with the rule that they violate and the
 * reason they are stuck.
 *
 * @param rule the name of the governing rule
 * @param reason why they are blocked
 * @param home their home jurisdiction
 * @param category their category name
 * @param tally how many records and bytes (each record once)
 */
public record Blocked(String rule, BlockReason reason, Jurisdiction home, String category, Tally tally) {

    /** Creates an entry. */
    public Blocked {
        checkNotNull(rule, "rule");
        checkNotNull(reason, "reason");
        checkNotNull(home, "home");
        checkNotNull(category, "category");
        checkNotNull(tally, "tally");
    }
}
