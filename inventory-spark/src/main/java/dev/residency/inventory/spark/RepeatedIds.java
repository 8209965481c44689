package dev.residency.inventory.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Finds the smallest object id that appears more than once, without aggregating by id: the ids are
 * spread over partitions by their hash (so every copy of an id lands in one partition), sorted within
 * each partition, and each partition reports the smallest id equal to its neighbour. A {@code
 * groupBy(id)} did the same work through a partial hash aggregation of as many keys as rows, which
 * cannot reduce anything when ids are unique: at 10^7 objects it took 18.4 s of CPU against 7.8 s for
 * this (docs/inventories.md, "Spark engine: where the scan's time goes").
 */
final class RepeatedIds {

    private RepeatedIds() {}

    /**
     * Returns the smallest id of {@code ids} (a frame whose column {@code id} holds no null) that
     * appears more than once, or nothing if every id is unique.
     */
    static OptionalLong smallest(Dataset<Row> ids) {
        List<Long> repeated = ids.select(col("id"))
                .repartition(col("id"))
                .sortWithinPartitions(col("id"))
                .as(Encoders.LONG())
                .mapPartitions(new SmallestRepeat(), Encoders.LONG())
                .collectAsList();
        return repeated.stream().mapToLong(Long::longValue).min();
    }

    /** Returns, for a partition of ids in ascending order, the smallest id equal to its predecessor. */
    static final class SmallestRepeat implements MapPartitionsFunction<Long, Long> {

        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Long> call(Iterator<Long> sorted) {
            boolean first = true;
            long previous = 0;
            while (sorted.hasNext()) {
                long id = sorted.next();
                if (!first && id == previous) {
                    // Ascending order: the first repeat met is the partition's smallest.
                    return List.of(id).iterator();
                }
                previous = id;
                first = false;
            }
            return Collections.emptyIterator();
        }
    }
}
