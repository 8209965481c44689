package dev.residency.architecture.planfixture.plan.verify;

import dev.residency.architecture.planfixture.plan.internal.Solver;

/** A fixture's verifier that uses the solver: reported by {@code useNoInternals}. */
public final class Checker {

    /** Returns whether the internal solver agrees. */
    public static boolean check() {
        return Solver.solve() == 1;
    }

    private Checker() {}
}
