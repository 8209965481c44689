package dev.residency.architecture.planfixture.internal;

/** A fixture's solver, internal to the fixture's package family. */
public final class Solver {

    /** Returns a solved value. */
    public static int solve() {
        return 1;
    }

    private Solver() {}
}
