package dev.residency.sim.scenario;

/** What happens when a run reaches its deadline with violating data left. */
public enum DeadlineRule {
    /** Keep migrating after the deadline; the report shows how late the run finished. */
    CONTINUE,
    /**
     * Delete, at the deadline, every violating copy that is still in place, counted as forced deletion
     * (the 2020 commitment's "what cannot be moved is deleted").
     */
    ENFORCE
}
