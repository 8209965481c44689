package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a stochastic model driven by {@link RandomStreams} produces the same event sequence,
 * bit for bit, for the same seed and replication, and a different one for another replication.
 */
final class DeterminismTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Events of a small queueing model. */
    sealed interface Job permits Job.Arrive, Job.Leave, Job.Cancel {
        /** A job arrives. */
        record Arrive(int id) implements Job {}

        /** A job leaves. */
        record Leave(int id) implements Job {}

        /** A job's departure is cancelled. */
        record Cancel(long handle) implements Job {}
    }

    private static List<String> trace(long seed, int replication) {
        RandomStreams streams = new RandomStreams(seed);
        UniformRandomProvider arrivals = streams.stream("arrivals", replication);
        UniformRandomProvider service = streams.stream("service", replication);
        List<String> trace = new ArrayList<>();
        int[] next = {0};
        Simulator<Job> sim = new Simulator<>(SimClock.startingAt(Instant.EPOCH), (s, e) -> {
            trace.add(Double.doubleToRawLongBits(s.now()) + " " + e);
            if (e instanceof Job.Arrive a) {
                long leave = s.schedule(-Math.log1p(-service.nextDouble()) * 2, new Job.Leave(a.id()));
                if (service.nextInt(4) == 0) {
                    s.schedule(service.nextDouble(), new Job.Cancel(leave));
                }
                if (next[0] < 200) {
                    // Rounded inter-arrival times create ties, which insertion order must break.
                    s.schedule(Math.floor(-Math.log1p(-arrivals.nextDouble()) * 4), new Job.Arrive(++next[0]));
                }
            } else if (e instanceof Job.Cancel c) {
                s.cancel(c.handle());
            }
        });
        sim.schedule(0, new Job.Arrive(0));
        sim.run();
        return trace;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void run_sameSeed_sameEventSequence(long seed) {
        List<String> first = trace(seed, 0);

        assertThat(trace(seed, 0)).as("seed %d", seed).isEqualTo(first);
        assertThat(trace(seed, 1)).as("seed %d, replication 1", seed).isNotEqualTo(first);
    }
}
