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
        BigInteger p = BigInteger.valueOf(ObjectShards.MODULUS);
        for (int i = 0; i < 10_000; i++) {
            long id = i < 4 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -ObjectShards.MODULUS, 0}[i] : rng.nextLong();
            int shards = 1 + rng.nextInt(i % 2 == 0 ? 7 : ObjectShards.MAX_SHARDS);
            int expected = BigInteger.valueOf(id)
                    .mod(p)
                    .multiply(BigInteger.valueOf(ObjectShards.MULTIPLIER))
                    .mod(p)
                    .mod(BigInteger.valueOf(shards))
                    .intValueExact();
            assertThat(ObjectShards.shardOf(id, shards))
                    .as("seed %s, id %s, shards %s", seed, id, shards)
                    .isEqualTo(expected);
        }
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
                .isEqualTo("(((((id) % 2147483647 + 2147483647) % 2147483647) * 48271) % 2147483647 % 8)");
        assertThat(ObjectShards.sql("x", 1)).endsWith("% 1)");
        assertThat(ObjectShards.sql("x", ObjectShards.MAX_SHARDS)).endsWith("% 1048576)");
        assertThatThrownBy(() -> ObjectShards.sql("x", 0)).hasMessage("shards must be in 1..1048576, was 0");
    }
}
