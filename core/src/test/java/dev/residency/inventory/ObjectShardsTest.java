package dev.residency.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shard formula: values worked out by hand, and agreement with exact big-integer arithmetic. */
final class ObjectShardsTest {

    @Test
    void shardOf_handValues() {
        assertThat(ObjectShards.shardOf(0, 1024)).isZero();
        // 48271 = 47 · 1024 + 143.
        assertThat(ObjectShards.shardOf(1, 1024)).isEqualTo(143);
        // -1 ≡ P-1; (P-1) · 48271 ≡ P - 48271 = 2147435376 = 2097104 · 1024 + 880.
        assertThat(ObjectShards.shardOf(-1, 1024)).isEqualTo(880);
        // P ≡ 0.
        assertThat(ObjectShards.shardOf(ObjectShards.MODULUS, 1024)).isZero();
        assertThat(ObjectShards.shardOf(123_456_789L, 1)).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shardOf_agreesWithBigIntegerArithmetic(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            long id = i < 4 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -ObjectShards.MODULUS, 0}[i] : rng.nextLong();
            int shards = 1 + rng.nextInt(i % 2 == 0 ? 7 : ObjectShards.MAX_SHARDS);
            int expected = exactShard(id, shards);
            assertThat(ObjectShards.shardOf(id, shards))
                    .as("seed %s, id %s, shards %s", seed, id, shards)
                    .isEqualTo(expected);
        }
    }

    /**
     * The SQL form's arithmetic, done in Java's {@code long}s step by step as an engine does it, gives
     * the values of exact big-integer arithmetic: one modulus after the product instead of two around
     * the shift, and a mask for powers of two.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {6, 7, 8})
    void sqlForm_agreesWithBigIntegerArithmetic(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] extremes = {
            Long.MIN_VALUE,
            Long.MAX_VALUE,
            -ObjectShards.MODULUS,
            ObjectShards.MODULUS,
            -1,
            0,
            1,
            ObjectShards.MODULUS - 1,
            -(ObjectShards.MODULUS - 1),
            2 * ObjectShards.MODULUS,
            Long.MIN_VALUE + 1
        };
        for (int i = 0; i < 20_000; i++) {
            long id = i < extremes.length ? extremes[i] : i % 2 == 0 ? rng.nextLong() : rng.nextInt();
            int shards = i % 3 == 0 ? 1 << rng.nextInt(21) : 1 + rng.nextInt(ObjectShards.MAX_SHARDS);
            long shifted = id % ObjectShards.MODULUS + ObjectShards.MODULUS;
            long mixed = Math.multiplyExact(shifted, ObjectShards.MULTIPLIER) % ObjectShards.MODULUS;
            long sqlValue = (shards & (shards - 1)) == 0 ? mixed & (shards - 1) : mixed % shards;
            long expected = exactShard(id, shards);
            assertThat(sqlValue)
                    .as("seed %s, id %s, shards %s", seed, id, shards)
                    .isEqualTo(expected);
        }
    }

    /** The formula in exact big-integer arithmetic: (id mod P) · 48271 mod P mod shards. */
    private static int exactShard(long id, int shards) {
        BigInteger p = BigInteger.valueOf(ObjectShards.MODULUS);
        return BigInteger.valueOf(id)
                .mod(p)
                .multiply(BigInteger.valueOf(ObjectShards.MULTIPLIER))
                .mod(p)
                .mod(BigInteger.valueOf(shards))
                .intValueExact();
    }

    @Test
    void shardOf_badShardCount_refused() {
        assertThatThrownBy(() -> ObjectShards.shardOf(1, 0)).hasMessageContaining("shards must be in 1..");
        assertThatThrownBy(() -> ObjectShards.sql("id", ObjectShards.MAX_SHARDS + 1))
                .hasMessageContaining("shards must be in 1..");
    }

    @Test
    void shardOf_mostShards_accepted() {
        // 48271 < 2^20, so object 1 is in shard 48271 of 2^20.
        assertThat(ObjectShards.shardOf(1, ObjectShards.MAX_SHARDS)).isEqualTo(48_271);
        assertThatThrownBy(() -> ObjectShards.shardOf(1, ObjectShards.MAX_SHARDS + 1))
                .hasMessage("shards must be in 1..1048576, was 1048577");
    }

    @Test
    void sql_theFormulaSpelledOut() {
        assertThat(ObjectShards.sql("id", 8))
                .isEqualTo("((((id) % 2147483647 + 2147483647) * 48271 % 2147483647) & 7)");
        assertThat(ObjectShards.sql("id", 1000))
                .isEqualTo("((((id) % 2147483647 + 2147483647) * 48271 % 2147483647) % 1000)");
        assertThat(ObjectShards.sql("x", 1)).endsWith("& 0)");
        assertThat(ObjectShards.sql("x", 3)).endsWith("% 3)");
        assertThat(ObjectShards.sql("x", ObjectShards.MAX_SHARDS)).endsWith("& 1048575)");
        assertThatThrownBy(() -> ObjectShards.sql("x", 0)).hasMessage("shards must be in 1..1048576, was 0");
    }
}
