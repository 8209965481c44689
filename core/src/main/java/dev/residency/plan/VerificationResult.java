package dev.residency.plan;

import com.google.common.collect.ImmutableList;

/**
 * What {@link PlanVerifier} found wrong with a plan.
 *
 * @param violations one message per violation found (at most {@link PlanVerifier#MAX_MESSAGES}),
 *     each naming the batch, deletion, record or site concerned
 * @param violationCount how many violations were found in all, possibly more than messages kept
 */
public record VerificationResult(ImmutableList<String> violations, int violationCount) {

    /** Creates a result, copying the list. */
    public VerificationResult {
        violations = ImmutableList.copyOf(violations);
    }

    /** Returns whether the plan passed every check. */
    public boolean isValid() {
        return violationCount == 0;
    }

    @Override
    public String toString() {
        return isValid() ? "valid" : violationCount + " violation(s):\n  " + String.join("\n  ", violations);
    }
}
