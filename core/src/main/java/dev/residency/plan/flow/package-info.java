/**
 * Network-flow algorithms on primitive arrays, the planner's hot core: a residual graph, Dinic's
 * maximum flow, Goldberg's cost-scaling minimum-cost flow, and flow decomposition into paths. Nothing
 * here knows about records or policies. Everything here is non-null by default.
 */
package dev.residency.plan.flow;
