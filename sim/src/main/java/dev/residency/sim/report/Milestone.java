package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * When one subject of a run (a home jurisdiction, a policy rule, a phase, or a site) reached its
 * milestones. Times are simulated seconds since the scenario's start, {@code NaN} when never reached.
 *
 * <p>For a jurisdiction, rule or phase, the subject covers the records of those homes, governed by
 * that rule, or of those categories: it is <b>clean on live systems</b> when every transfer batch
 * carrying such records is cut over (or aborted by the deadline rule) and every deletion job touching
 * them is done, and <b>clean with backups</b> when, in addition, the backups those jobs left have aged
 * out or been shredded. Blocked data (legal hold, unmovable and undeletable) never goes and is left
 * out, as in the run's headline. For a site, live means every deletion job at the site is done, with
 * backups likewise, and {@link #firstReceiptSeconds} is when the first copy into it began.
 *
 * @param kind what the subject is
 * @param name the jurisdiction code, rule name, phase name or site id
 * @param liveSeconds when the subject was clean on live systems
 * @param fullSeconds when it was clean with backups
 * @param firstReceiptSeconds for a site, when it began to receive migrated data; NaN otherwise or never
 */
public record Milestone(Kind kind, String name, double liveSeconds, double fullSeconds, double firstReceiptSeconds)
        implements java.io.Serializable {

    /** What a milestone's subject is. */
    public enum Kind {
        /** A home jurisdiction: its users' records. */
        JURISDICTION,
        /** A policy rule: the records it governs. */
        RULE,
        /** A phase of a phased program: the records of its categories. */
        PHASE,
        /** A site: the copies it holds and receives. */
        SITE;

        /** Returns the kind's lower-case name, as reports and scenario files write it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Creates a milestone; the name must not be blank. */
    public Milestone {
        checkNotNull(kind, "kind");
        checkNotNull(name, "name");
        checkArgument(!name.isBlank(), "milestone name must not be blank");
    }
}
