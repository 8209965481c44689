package dev.residency.sim.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams, one per simulation component and replication.
 *
 * <p>Stream {@code (component, replication)} of master seed {@code s} is a XoShiRo256++ generator
 * (Commons RNG) whose 256-bit state is the SHA-256 digest of {@code (s, replication, component)}.
 * Hashing the name, rather than numbering components in creation order, keeps a component's stream
 * the same when other components are added or created in another order; the replication index
 * selects the substream, so replication {@code r} of a seed is the same run every time. Streams are
 * independent in the sense used by hash-seeded generators (as NumPy's {@code SeedSequence}): two
 * distinct inputs start at unrelated points of a period of 2^256 - 1, and the chance that two of n
 * streams of length L overlap is below n^2 L / 2^256.
 *
 * <p>Immutable and thread-safe; the generators it returns are not thread-safe.
 */
public final class RandomStreams {

    private final long seed;

    /** Creates the streams of master seed {@code seed}. */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** Returns the master seed. */
    public long seed() {
        return seed;
    }

    /**
     * Returns a new generator positioned at the start of stream {@code (component, replication)}:
     * each call returns the same sequence, so call once per component and keep the generator.
     *
     * @throws IllegalArgumentException if {@code component} is empty or {@code replication} negative
     */
    public UniformRandomProvider stream(String component, int replication) {
        checkNotNull(component, "component");
        checkArgument(!component.isEmpty(), "component must not be empty");
        checkArgument(replication >= 0, "replication must be >= 0, got %s", replication);
        byte[] digest = Hashing.sha256()
                .newHasher()
                .putLong(seed)
                .putInt(replication)
                .putString(component, StandardCharsets.UTF_8)
                .hash()
                .asBytes();
        ByteBuffer bytes = ByteBuffer.wrap(digest);
        long[] state = {bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong()};
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            // The all-zero state is the one fixed point of xoshiro; a digest of zero never occurs
            // in practice, but the generator must not get stuck if it did.
            state[0] = 0x9E3779B97F4A7C15L;
        }
        return RandomSource.XO_SHI_RO_256_PP.create(state);
    }
}
