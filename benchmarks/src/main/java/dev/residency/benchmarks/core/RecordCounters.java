package dev.residency.benchmarks.core;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Records handled by a benchmark, which JMH reports per second next to the operations. */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class RecordCounters {

    /** Records handled in this iteration. */
    public long records;

    /** Clears the count before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
        records = 0;
    }
}
