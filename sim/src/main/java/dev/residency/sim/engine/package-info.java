/**
 * The discrete-event kernel: the {@link dev.residency.sim.engine.EventList} (a ladder queue over
 * primitive arrays, ties broken by insertion order), the {@link dev.residency.sim.engine.Simulator}
 * that runs it with a clock in seconds mapped to calendar time by a {@link
 * dev.residency.sim.engine.SimClock}, and {@link dev.residency.sim.engine.RandomStreams}, seeded
 * independent random streams per component and replication.
 *
 * <p><b>API</b>, for building other simulations on the same kernel; a migration is run through
 * {@code dev.residency.sim.migration}, not from here (see {@code docs/embedding.md}). Everything here
 * is non-null by default.
 */
package dev.residency.sim.engine;
