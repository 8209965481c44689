/**
 * JMH benchmarks of {@code core}: the compliance audit, population generation, and a store of 10^8
 * records.
 *
 * <p>Not a library: benchmarks may use any type of any module, internal ones included. Everything
 * here is non-null by default.
 */
package dev.residency.benchmarks.core;
