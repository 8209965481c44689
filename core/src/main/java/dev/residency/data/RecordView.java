package dev.residency.data;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.geo.Jurisdiction;

/**
 * A read-only view of one record of a {@link RecordStore}; made on demand, never stored.
 *
 * @param index the record's position in the store
 * @param user the owning user's id
 * @param home the user's home jurisdiction
 * @param category the record's data category
 * @param bytes the record's size in bytes
 * @param replicaSet the id of its interned replica set
 * @param sites the data-center indices that hold a copy, sorted
 * @param legalHold whether the record is under legal hold and may not be deleted anywhere
 */
public record RecordView(
        int index,
        int user,
        Jurisdiction home,
        Category category,
        long bytes,
        int replicaSet,
        ImmutableIntArray sites,
        boolean legalHold) {}
