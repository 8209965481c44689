package dev.residency.inventory.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.inventory.ObjectShards;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DuckDB computes the shard formula exactly as Java does, extreme ids included. */
final class ShardSqlTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void sql_agreesWithJava(long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        // Even seeds: a power of two (the SQL masks), odd seeds: any count (the SQL takes a modulus).
        int shards = seed % 2 == 0 ? 1 << rng.nextInt(21) : 1 + rng.nextInt(ObjectShards.MAX_SHARDS);
        long[] ids = new long[2004];
        ids[0] = Long.MIN_VALUE;
        ids[1] = Long.MAX_VALUE;
        ids[2] = -1;
        ids[3] = -ObjectShards.MODULUS;
        for (int i = 4; i < ids.length; i++) {
            ids[i] = i % 3 == 0 ? rng.nextLong() : rng.nextInt(1 << 30);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT)");
            try (DuckDBAppender a =
                    c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                for (long id : ids) {
                    a.beginRow().append(id).endRow();
                }
            }
            int n = 0;
            try (ResultSet r = s.executeQuery("SELECT id, " + ObjectShards.sql("id", shards) + " AS shard FROM t")) {
                while (r.next()) {
                    long id = r.getLong(1);
                    assertThat(r.getInt(2))
                            .as("seed %s, id %s, shards %s", seed, id, shards)
                            .isEqualTo(ObjectShards.shardOf(id, shards));
                    n++;
                }
            }
            assertThat(n).isEqualTo(ids.length);
        }
    }

    /** The scan's key keeps the shard in its low bits: as few bits as hold every shard, by hand. */
    @Test
    void shardBits_byHand() {
        assertThat(DuckDbInventoryEngine.shardBits(1)).isZero();
        assertThat(DuckDbInventoryEngine.shardBits(2)).isEqualTo(1);
        assertThat(DuckDbInventoryEngine.shardBits(3)).isEqualTo(2);
        assertThat(DuckDbInventoryEngine.shardBits(4)).isEqualTo(2);
        assertThat(DuckDbInventoryEngine.shardBits(7)).isEqualTo(3);
        assertThat(DuckDbInventoryEngine.shardBits(1024)).isEqualTo(10);
        assertThat(DuckDbInventoryEngine.shardBits(1025)).isEqualTo(11);
        assertThat(DuckDbInventoryEngine.shardBits(ObjectShards.MAX_SHARDS)).isEqualTo(20);
    }

    /** For any count of shards, the largest shard fits in the bits and one bit fewer would not hold it. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void shardBits_holdTheLargestShardAndNoFewer(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            int shards = 1 + rng.nextInt(ObjectShards.MAX_SHARDS);
            int bits = DuckDbInventoryEngine.shardBits(shards);
            long largest = shards - 1;
            assertThat(largest).as("shards %s", shards).isLessThan(1L << bits);
            if (bits > 0) {
                assertThat(largest).as("shards %s", shards).isGreaterThanOrEqualTo(1L << (bits - 1));
            }
        }
    }
}
