package dev.residency.architecture.planfixture.plan.internal;

/** A fixture's solver, internal to the fixture's package family. */
public final class Solver {

    /** Returns a solved value. */
    public static int solve() {
        return 1;
    }

    private Solver() {}
}
