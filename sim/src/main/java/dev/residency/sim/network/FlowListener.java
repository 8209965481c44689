package dev.residency.sim.network;

/**
 * Hears how a flow ends. Called from within the simulator's event loop; the flow id is already
 * released when the call is made (it may be reused by a flow started from the callback).
 */
@FunctionalInterface
public interface FlowListener {

    /** Called when the last byte of flow {@code flowId} arrives, at simulation time {@code timeSeconds}. */
    void onFlowComplete(int flowId, double timeSeconds);

    /**
     * Called when flow {@code flowId}, whose policy is {@link FailurePolicy#ABORT}, is aborted
     * because an arc of its route failed, at {@code timeSeconds}, after {@code bytesTransferred}
     * bytes had arrived. The default does nothing.
     */
    default void onFlowAborted(int flowId, double timeSeconds, double bytesTransferred) {}

    /**
     * Called when flow {@code flowId}, whose policy is {@link FailurePolicy#RESTART}, loses its
     * progress because an arc of its route failed, at {@code timeSeconds}: the {@code bytesLost}
     * bytes that had arrived (more than zero) must be sent again. The flow stays live, with its id.
     * The default does nothing.
     */
    default void onFlowRestarted(int flowId, double timeSeconds, double bytesLost) {}
}
