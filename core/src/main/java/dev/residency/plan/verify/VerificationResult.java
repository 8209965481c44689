package dev.residency.plan.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;

/**
 * What {@link PlanVerifier} found wrong with a plan.
 *
 * @param violations one message per violation found (at most {@link PlanVerifier#MAX_MESSAGES}),
 *     each naming the batch, deletion, record or site concerned
 * @param violationCount how many violations were found in all, possibly more than messages kept
 * @param failedChecks every check that at least one violation failed, also those whose messages were
 *     not kept
 */
public record VerificationResult(
        ImmutableList<String> violations, int violationCount, ImmutableSet<VerificationCheck> failedChecks) {

    /** Creates a result, copying the list and the set. */
    public VerificationResult {
        violations = ImmutableList.copyOf(violations);
        checkNotNull(failedChecks, "failedChecks");
        failedChecks = Sets.immutableEnumSet(failedChecks);
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
