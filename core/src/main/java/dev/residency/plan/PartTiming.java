package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * When one part of a migration, the data of one home jurisdiction or of one policy rule, is planned to
 * be compliant, and how early any plan could make it so.
 *
 * @param kind what the part is: {@link #HOME} or {@link #RULE}
 * @param name the jurisdiction's code or the rule's name
 * @param bytes the bytes the plan copies for the part (a record copied twice counts twice)
 * @param plannedSeconds when the part's last batch ends (0 when nothing of it moves)
 * @param lowerBoundSeconds the fluid lower bound on moving those bytes with the part's demand alone on
 *     the empty network ({@code ComplianceBounds.partLowerBoundSeconds} in the solver); never above {@code
 *     plannedSeconds} for a feasible plan
 */
public record PartTiming(String kind, String name, long bytes, double plannedSeconds, double lowerBoundSeconds) {

    /** The kind of a home jurisdiction's part. */
    public static final String HOME = "home";

    /** The kind of a policy rule's part. */
    public static final String RULE = "rule";

    /**
     * Creates a part's timing.
     *
     * @throws IllegalArgumentException if a number is negative or not finite
     */
    public PartTiming {
        checkNotNull(kind, "kind");
        checkNotNull(name, "name");
        checkArgument(bytes >= 0, "part %s %s: bytes must not be negative, was %s", kind, name, bytes);
        checkArgument(
                Double.isFinite(plannedSeconds) && plannedSeconds >= 0,
                "part %s %s: plannedSeconds must be finite and not negative, was %s",
                kind,
                name,
                plannedSeconds);
        checkArgument(
                Double.isFinite(lowerBoundSeconds) && lowerBoundSeconds >= 0,
                "part %s %s: lowerBoundSeconds must be finite and not negative, was %s",
                kind,
                name,
                lowerBoundSeconds);
    }

    /** Returns the planned time over its lower bound (1 when both are 0). */
    public double ratio() {
        if (lowerBoundSeconds == 0) {
            return plannedSeconds == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return plannedSeconds / lowerBoundSeconds;
    }
}
