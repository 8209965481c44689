package dev.residency.architecture.planfixture.plan;

import dev.residency.architecture.planfixture.plan.internal.Solver;

/** A fixture's API type, which may use its own family's internals (not reported). */
public final class Api {

    /** Returns the internal solver's value. */
    public static int plan() {
        return Solver.solve();
    }

    private Api() {}
}
