package dev.residency.architecture.planfixture.outside;

import dev.residency.architecture.planfixture.plan.Api;
import dev.residency.architecture.planfixture.plan.internal.Solver;

/** A fixture's class outside the family that uses its internals: reported by {@code internalsUsedOnlyUnder}. */
public final class Caller {

    /** Returns the API's value (allowed) plus the internal solver's (reported). */
    public static int call() {
        return Api.plan() + Solver.solve();
    }

    private Caller() {}
}
