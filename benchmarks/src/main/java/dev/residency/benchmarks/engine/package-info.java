/**
 * JMH benchmarks of the simulator's kernel: the event list under the hold model, against peers, and
 * the flow network's max-min fair sharing.
 *
 * <p>Not a library: benchmarks may use any type of any module, internal ones included. Everything
 * here is non-null by default.
 */
package dev.residency.benchmarks.engine;
