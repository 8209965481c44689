package dev.residency.sim.study;

/** Hears how far a study has got; called from worker threads, so an implementation must be thread-safe. */
@FunctionalInterface
public interface Progress {

    /** Ignores progress. */
    Progress NONE = (done, total) -> {};

    /** Reports that {@code done} of {@code total} replications have finished. */
    void update(int done, int total);
}
