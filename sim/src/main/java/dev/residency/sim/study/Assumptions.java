package dev.residency.sim.study;

/**
 * How a run treats the estimates a scenario file writes as distributions ({@link
 * dev.residency.sim.scenario.UncertainInput}).
 */
public enum Assumptions {
    /**
     * Each replication draws every uncertain input from its own seeded stream (see {@link InputDraws}),
     * so the probability of meeting the deadline covers faults and assumptions.
     */
    DRAWN,
    /** Every uncertain input stays at its central value: the probability covers the faults only. */
    CENTRAL
}
