package dev.residency.sim.network;

/** The flow network's own events, scheduled on the simulator's component channel. */
sealed interface NetworkEvent permits NetworkEvent.Wake, NetworkEvent.Recompute, NetworkEvent.Arrive {

    /** The earliest flow completion is due. */
    record Wake() implements NetworkEvent {}

    /**
     * Rates must be recomputed for the arcs changed during this instant; {@code deferred} is true
     * once the event has moved behind the other events of the instant.
     */
    record Recompute(boolean deferred) implements NetworkEvent {}

    /**
     * The route latency of flow {@code flowId} has elapsed; {@code serial} tells this flow apart
     * from a later flow that reuses the id.
     */
    record Arrive(int flowId, long serial) implements NetworkEvent {}
}
