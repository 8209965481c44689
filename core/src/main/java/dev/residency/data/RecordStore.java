package dev.residency.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User records in columnar form: one primitive array per attribute (user id, home jurisdiction,
 * category, size in bytes, replica-set id) and a bit set for legal hold, so that 10^8 records take
 * about 19 bytes each. Jurisdictions and categories are small indices into tables; replica sets are
 * interned ({@link ReplicaSets}). A record object ({@link RecordView}) is only a view.
 *
 * <p>Replica-set site indices refer to the store's {@link #topology()}. Built once by a {@link
 * Builder}; immutable and thread-safe afterwards.
 */
public final class RecordStore {

    /** The most jurisdictions a store can index (a {@code short} per record). */
    public static final int MAX_JURISDICTIONS = Short.MAX_VALUE;
    /** The most categories a store can index (a {@code byte} per record). */
    public static final int MAX_CATEGORIES = Byte.MAX_VALUE;

    private final Topology topology;
    private final ImmutableList<Jurisdiction> jurisdictions;
    private final ImmutableList<Category> categories;
    private final ReplicaSets replicaSets;
    private final int size;
    private final int[] users;
    private final short[] homes;
    private final byte[] categoryOf;
    private final long[] bytes;
    private final int[] replicaSetOf;
    private final BitSet legalHold;
    private final int userCount;
    private final long totalBytes;

    private RecordStore(Builder b) {
        this.topology = b.topology;
        this.jurisdictions = ImmutableList.copyOf(b.jurisdictions);
        this.categories = ImmutableList.copyOf(b.categories);
        this.replicaSets = b.replicaSets;
        this.size = b.size;
        this.users = b.users;
        this.homes = b.homes;
        this.categoryOf = b.categoryOf;
        this.bytes = b.bytes;
        this.replicaSetOf = b.replicaSetOf;
        this.legalHold = b.legalHold;
        this.userCount = b.maxUser + 1;
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += bytes[i];
        }
        this.totalBytes = total;
    }

    /**
     * Returns a builder for records placed on {@code topology}, with room for {@code expectedRecords}
     * before its arrays grow.
     */
    public static Builder builder(Topology topology, int expectedRecords) {
        return new Builder(topology, expectedRecords);
    }

    /** Returns the topology whose site indices the replica sets use. */
    public Topology topology() {
        return topology;
    }

    /** Returns the number of records. */
    public int size() {
        return size;
    }

    /** Returns one more than the largest user id. */
    public int userCount() {
        return userCount;
    }

    /** Returns the sum of all record sizes in bytes (each record once, whatever its replicas). */
    public long totalBytes() {
        return totalBytes;
    }

    /** Returns the jurisdiction table; {@link #homeIndex(int)} indexes it. */
    public ImmutableList<Jurisdiction> jurisdictions() {
        return jurisdictions;
    }

    /** Returns the category table; {@link #categoryIndex(int)} indexes it. */
    public ImmutableList<Category> categories() {
        return categories;
    }

    /** Returns the interned replica sets; {@link #replicaSet(int)} indexes it. */
    public ReplicaSets replicaSets() {
        return replicaSets;
    }

    /** Returns the user id of record {@code i}. */
    public int user(int i) {
        checkElementIndex(i, size, "record");
        return users[i];
    }

    /** Returns the index of record {@code i}'s home jurisdiction in {@link #jurisdictions()}. */
    public int homeIndex(int i) {
        checkElementIndex(i, size, "record");
        return homes[i];
    }

    /** Returns the index of record {@code i}'s category in {@link #categories()}. */
    public int categoryIndex(int i) {
        checkElementIndex(i, size, "record");
        return categoryOf[i];
    }

    /** Returns the size of record {@code i} in bytes. */
    public long bytes(int i) {
        checkElementIndex(i, size, "record");
        return bytes[i];
    }

    /** Returns the replica-set id of record {@code i}. */
    public int replicaSet(int i) {
        checkElementIndex(i, size, "record");
        return replicaSetOf[i];
    }

    /** Returns whether record {@code i} is under legal hold. */
    public boolean legalHold(int i) {
        checkElementIndex(i, size, "record");
        return legalHold.get(i);
    }

    /** Returns a view of record {@code i}. */
    public RecordView record(int i) {
        checkElementIndex(i, size, "record");
        return new RecordView(
                i,
                users[i],
                jurisdictions.get(homes[i]),
                categories.get(categoryOf[i]),
                bytes[i],
                replicaSetOf[i],
                replicaSets.sites(replicaSetOf[i]),
                legalHold.get(i));
    }

    // Unchecked accessors for the aggregation pass of RecordGroups, which runs over every record.
    int replicaSetOfRaw(int i) {
        return replicaSetOf[i];
    }

    int homeRaw(int i) {
        return homes[i];
    }

    int categoryRaw(int i) {
        return categoryOf[i];
    }

    boolean legalHoldRaw(int i) {
        return legalHold.get(i);
    }

    long bytesRaw(int i) {
        return bytes[i];
    }

    /** Returns the approximate heap bytes held by the per-record arrays (capacity, not size). */
    public long heapBytes() {
        return 4L * users.length
                + 2L * homes.length
                + categoryOf.length
                + 8L * bytes.length
                + 4L * replicaSetOf.length
                + legalHold.size() / 8;
    }

    /**
     * Collects records. Appends are amortised O(1); arrays grow by half when full. Not thread-safe.
     */
    public static final class Builder {
        private final Topology topology;
        private final ReplicaSets replicaSets;
        private final List<Jurisdiction> jurisdictions = new ArrayList<>();
        private final Map<Jurisdiction, Integer> jurisdictionIds = new HashMap<>();
        private final List<Category> categories = new ArrayList<>();
        private final Map<String, Integer> categoryIds = new HashMap<>();
        private int size;
        private int[] users;
        private short[] homes;
        private byte[] categoryOf;
        private long[] bytes;
        private int[] replicaSetOf;
        private final BitSet legalHold = new BitSet();
        private int maxUser = -1;
        private boolean built;

        private Builder(Topology topology, int expectedRecords) {
            this.topology = checkNotNull(topology, "topology");
            checkArgument(expectedRecords >= 0, "expectedRecords must not be negative: %s", expectedRecords);
            this.replicaSets = new ReplicaSets(topology.siteCount());
            int capacity = Math.max(16, expectedRecords);
            users = new int[capacity];
            homes = new short[capacity];
            categoryOf = new byte[capacity];
            bytes = new long[capacity];
            replicaSetOf = new int[capacity];
        }

        /** Returns the table index of {@code jurisdiction}, adding it if new. */
        public int jurisdiction(Jurisdiction jurisdiction) {
            checkNotNull(jurisdiction, "jurisdiction");
            Integer id = jurisdictionIds.get(jurisdiction);
            if (id == null) {
                checkArgument(jurisdictions.size() < MAX_JURISDICTIONS, "too many jurisdictions");
                id = jurisdictions.size();
                jurisdictions.add(jurisdiction);
                jurisdictionIds.put(jurisdiction, id);
            }
            return id;
        }

        /**
         * Returns the table index of {@code category}, adding it if new.
         *
         * @throws IllegalArgumentException if a different category with the same name was added
         */
        public int category(Category category) {
            checkNotNull(category, "category");
            Integer id = categoryIds.get(category.name());
            if (id == null) {
                checkArgument(categories.size() < MAX_CATEGORIES, "too many categories (at most %s)", MAX_CATEGORIES);
                id = categories.size();
                categories.add(category);
                categoryIds.put(category.name(), id);
            } else {
                checkArgument(
                        categories.get(id).equals(category),
                        "category \"%s\" added twice with different properties: %s and %s",
                        category.name(),
                        categories.get(id),
                        category);
            }
            return id;
        }

        /** Returns the id of the replica set {@code sites} (site indices of the topology), interning it. */
        public int replicaSet(int... sites) {
            return replicaSets.intern(sites);
        }

        /**
         * Adds a record.
         *
         * @throws IllegalArgumentException if {@code user} or {@code bytes} is negative, or {@code sites}
         *     is empty or outside the topology
         */
        public Builder add(
                int user, Jurisdiction home, Category category, long bytes, boolean legalHold, int... sites) {
            return add(user, jurisdiction(home), category(category), bytes, replicaSet(sites), legalHold);
        }

        /**
         * Adds a record whose jurisdiction, category and replica set are already table indices of this
         * builder; the fast path for generators.
         *
         * @throws IllegalArgumentException if {@code user} or {@code bytes} is negative, or an index is
         *     not in its table
         */
        public Builder add(int user, int homeIndex, int categoryIndex, long bytes, int replicaSet, boolean legalHold) {
            checkState();
            checkArgument(user >= 0, "user must not be negative: %s", user);
            checkArgument(bytes >= 0, "record bytes must not be negative: %s", bytes);
            checkElementIndex(homeIndex, jurisdictions.size(), "homeIndex");
            checkElementIndex(categoryIndex, categories.size(), "categoryIndex");
            checkElementIndex(replicaSet, replicaSets.size(), "replicaSet");
            if (size == users.length) {
                grow();
            }
            users[size] = user;
            homes[size] = (short) homeIndex;
            categoryOf[size] = (byte) categoryIndex;
            this.bytes[size] = bytes;
            replicaSetOf[size] = replicaSet;
            if (legalHold) {
                this.legalHold.set(size);
            }
            maxUser = Math.max(maxUser, user);
            size++;
            return this;
        }

        /** Returns the number of records added so far. */
        public int size() {
            return size;
        }

        /**
         * Returns the store; the builder cannot be used afterwards.
         *
         * @throws IllegalStateException if called twice
         */
        public RecordStore build() {
            checkState();
            built = true;
            return new RecordStore(this);
        }

        private void checkState() {
            if (built) {
                throw new IllegalStateException("this builder has already built its store");
            }
        }

        private void grow() {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, users.length + (users.length >> 1) + 1L);
            checkArgument(capacity > users.length, "a record store holds at most %s records", users.length);
            users = Arrays.copyOf(users, capacity);
            homes = Arrays.copyOf(homes, capacity);
            categoryOf = Arrays.copyOf(categoryOf, capacity);
            bytes = Arrays.copyOf(bytes, capacity);
            replicaSetOf = Arrays.copyOf(replicaSetOf, capacity);
        }
    }
}
