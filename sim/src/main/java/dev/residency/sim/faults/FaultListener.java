package dev.residency.sim.faults;

/** Hears failures and repairs as the {@link FaultInjector} applies them to the network. */
public interface FaultListener {

    /** Called after {@code target} went down at simulation time {@code timeSeconds}. */
    void onFailure(FaultTarget target, double timeSeconds);

    /** Called after {@code target} came back up at simulation time {@code timeSeconds}. */
    void onRepair(FaultTarget target, double timeSeconds);
}
