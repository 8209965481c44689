package dev.residency.sim.network;

/** Where a started flow is in its life. */
public enum FlowPhase {
    /** Waiting for a concurrent-flow slot on an arc of its route. */
    WAITING,
    /** Admitted, waiting for the route's latency to elapse before its first byte moves. */
    LATENT,
    /** Sharing bandwidth on its route (its rate may be zero if an arc has failed). */
    TRANSFERRING
}
