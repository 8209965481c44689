/**
 * The flow-level network: transfers over routes of arcs whose bandwidth is shared max-min fairly
 * ({@link dev.residency.sim.network.FlowNetwork}), recomputed only for the flows a change touches,
 * with route latency, per-arc caps on concurrent flows, and failures that stall, restart or abort
 * flows ({@link dev.residency.sim.network.FailurePolicy}).
 *
 * <p>Start with {@link dev.residency.sim.network.FlowNetworkBuilder}.
 *
 * <p><b>API</b>, for simulating other transfers on the same network model; a migration builds its
 * network itself (see {@code docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.sim.network;
