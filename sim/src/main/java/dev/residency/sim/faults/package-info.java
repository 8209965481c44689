/**
 * Faults: failure models that produce outages ({@link dev.residency.sim.faults.RenewalFailureModel}
 * with exponential, Weibull or log-normal times, {@link dev.residency.sim.faults.FixedSchedule}
 * maintenance windows), the {@link dev.residency.sim.faults.FaultInjector} that applies them to arcs
 * and sites of the flow network, and the {@link dev.residency.sim.faults.CorruptionModel} of bytes
 * corrupted in transit and found at verification.
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}); a scenario's faults are usually given as {@code
 * dev.residency.sim.scenario.Faults}. Everything here is non-null by default.
 */
package dev.residency.sim.faults;
