/**
 * What decides the answer: a scenario studied under changes. A {@link dev.residency.sim.study.Study}
 * is a scenario file with {@link dev.residency.sim.scenario.Overrides}; it runs as written, over a
 * grid of varied inputs ({@link dev.residency.sim.study.Axis}, a sweep), or bisects one input for the
 * value at which the headline answer flips ({@link dev.residency.sim.study.Threshold}). Results are
 * data; the command line only prints them.
 *
 * <p>Points of a sweep whose varied inputs cannot change the population or the plan share them
 * ({@link dev.residency.sim.study.InputKind}); results are identical whatever the thread count.
 * Everything here is non-null by default.
 */
package dev.residency.sim.study;
