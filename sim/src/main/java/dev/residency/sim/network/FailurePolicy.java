package dev.residency.sim.network;

/**
 * What a transferring flow does when an arc of its route fails (its capacity drops to zero).
 *
 * <p>Under every policy a failed arc carries nothing: flows over it get rate zero. The policy
 * decides what happens to the flow's progress. It applies to flows that are transferring when the
 * arc fails and to flows that begin transferring (after their latency) while it is down.
 */
public enum FailurePolicy {
    /** The flow stalls and keeps its progress; it resumes where it stopped once the arc is back. */
    RESUME,
    /** The flow stalls and loses its progress; it starts again from byte zero once the arc is back. */
    RESTART,
    /** The flow is removed and its listener's {@link FlowListener#onFlowAborted} is called. */
    ABORT
}
