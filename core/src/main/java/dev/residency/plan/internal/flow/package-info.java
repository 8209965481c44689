/**
 * Network-flow algorithms on primitive arrays, the planner's hot core: a residual graph, Dinic's
 * maximum flow, Goldberg's cost-scaling minimum-cost flow, and flow decomposition into paths. Nothing
 * here knows about records or policies.
 *
 * <p><b>Internal</b>: public only so that the solver in {@code dev.residency.plan.internal.solve} and the
 * benchmarks can reach it. It may change in any release (see {@code docs/embedding.md}); embedders
 * plan through {@link dev.residency.plan.Planners}. Everything here is non-null by default.
 */
package dev.residency.plan.internal.flow;
