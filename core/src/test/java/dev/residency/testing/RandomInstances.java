package dev.residency.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationSpec;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.Action;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * Seeded generators of random, valid instances of the core model: connected topologies, category
 * mixes, residency policies, record stores and population specs. Every method draws only from the
 * {@link SplittableRandom} it is given (or one seeded from the given seed), in a fixed order, so the
 * same seed always gives the same instance: a property test that fails prints its seed, and the
 * instance can be rebuilt from it.
 *
 * <p>Instances are deliberately small and dense in coincidences (few jurisdictions, few operators,
 * bandwidths from a short list so that ties occur, replica sets drawn from a small pool so that
 * interning is exercised). This class is part of the core test-jar, for the planner's and the
 * simulator's tests. Stateless and thread-safe; the random generators passed in are not.
 */
public final class RandomInstances {

    /** The jurisdictions random sites and users are drawn from. */
    public static final ImmutableList<Jurisdiction> JURISDICTIONS = ImmutableList.of(
            Jurisdiction.US,
            Jurisdiction.CA,
            Jurisdiction.AU,
            Jurisdiction.NZ,
            Jurisdiction.SG,
            Jurisdiction.IN,
            Jurisdiction.IE,
            Jurisdiction.NO);

    /** The operators random sites are run by. */
    public static final ImmutableList<String> OPERATORS = ImmutableList.of("Oracle", "ByteDance", "Microsoft Azure");

    /** Link bandwidths in gigabits per second; a short list, so that equally wide routes occur. */
    private static final int[] GBPS = {1, 2, 5, 10, 40, 100};

    private RandomInstances() {}

    /**
     * Returns the seeds {@code 0 … count-1}, for {@code @MethodSource} of seeded property tests.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static LongStream seeds(int count) {
        checkArgument(count >= 0, "count must not be negative: %s", count);
        return LongStream.range(0, count);
    }

    /**
     * Returns a random connected topology of {@code sites} data centers with ids {@code dc0 …}: a
     * random spanning tree (each site after the first linked to a random earlier one), plus every
     * other pair linked with probability {@code extraLinkProbability}. Bandwidths are drawn per
     * direction from 1, 2, 5, 10, 40 and 100 Gbps, latencies are whole milliseconds in [1, 200],
     * egress costs in [0, 0.1) US dollars per GiB.
     *
     * @throws IllegalArgumentException if {@code sites} is not positive or the probability is not in
     *     [0, 1]
     */
    public static Topology topology(SplittableRandom rng, int sites, double extraLinkProbability) {
        checkNotNull(rng, "rng");
        checkArgument(sites > 0, "sites must be positive: %s", sites);
        checkArgument(
                extraLinkProbability >= 0 && extraLinkProbability <= 1,
                "extraLinkProbability must be in [0, 1]: %s",
                extraLinkProbability);
        Topology.Builder builder = Topology.builder();
        for (int s = 0; s < sites; s++) {
            builder.site(dataCenter(rng, "dc" + s));
        }
        boolean[][] linked = new boolean[sites][sites];
        for (int s = 1; s < sites; s++) {
            int parent = rng.nextInt(s);
            linked[parent][s] = true;
            // Random orientation, so that "from" is not always the lower index.
            builder.link(rng.nextBoolean() ? link(rng, parent, s) : link(rng, s, parent));
        }
        for (int a = 0; a < sites; a++) {
            for (int b = a + 1; b < sites; b++) {
                if (!linked[a][b] && rng.nextDouble() < extraLinkProbability) {
                    builder.link(link(rng, a, b));
                }
            }
        }
        return builder.build();
    }

    /** Returns a random connected topology of 2 to 8 sites with extra links at probability 0.3. */
    public static Topology topology(SplittableRandom rng) {
        return topology(rng, 2 + rng.nextInt(7), 0.3);
    }

    /** Returns a random data center with id {@code id}. */
    public static DataCenter dataCenter(SplittableRandom rng, String id) {
        return new DataCenter(
                id,
                pick(rng, JURISDICTIONS),
                pick(rng, OPERATORS),
                DataSize.ofTerabytes(1 + rng.nextInt(1000)),
                Bandwidth.ofGigabitsPerSecond(GBPS[rng.nextInt(GBPS.length)]),
                Bandwidth.ofGigabitsPerSecond(GBPS[rng.nextInt(GBPS.length)]));
    }

    private static Link link(SplittableRandom rng, int from, int to) {
        return new Link(
                "dc" + from,
                "dc" + to,
                Bandwidth.ofGigabitsPerSecond(GBPS[rng.nextInt(GBPS.length)]),
                Bandwidth.ofGigabitsPerSecond(GBPS[rng.nextInt(GBPS.length)]),
                Duration.ofMillis(1 + rng.nextInt(200)),
                rng.nextDouble() * 0.1);
    }

    /**
     * Returns a random mix of 1 to 7 categories: some built-in ones, and custom ones ({@code c0 …})
     * whose movable, deletable and exceptable flags are random, so that blocked records occur.
     */
    public static ImmutableList<Category> categories(SplittableRandom rng) {
        int count = 1 + rng.nextInt(7);
        List<Category> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (rng.nextBoolean()) {
                Category builtIn = Category.BUILT_IN.get(rng.nextInt(Category.BUILT_IN.size()));
                if (!out.contains(builtIn)) {
                    out.add(builtIn);
                    continue;
                }
            }
            out.add(new Category("c" + i, rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean()));
        }
        return ImmutableList.copyOf(out);
    }

    /**
     * Returns a random policy of 1 to 4 rules over {@code topology}'s sites and {@code categories}:
     * each rule selects a random subset of {@link #JURISDICTIONS} (sometimes all) and of the
     * categories (sometimes all), allows a random subset of jurisdictions (sometimes further limited
     * to operators), and has a random action (mostly {@link Action#MOVE}), 1 or 2 required replicas,
     * and random exception of exceptable categories. Rules overlap often, so precedence matters.
     * Transit is {@link SiteConstraint#ANY} or a random constraint; keep priorities are random.
     */
    public static ResidencyPolicy policy(SplittableRandom rng, Topology topology, List<Category> categories) {
        checkNotNull(topology, "topology");
        checkNotNull(categories, "categories");
        int count = 1 + rng.nextInt(4);
        List<Rule> rules = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            ImmutableSortedSet<Jurisdiction> homes =
                    rng.nextInt(4) == 0 ? ImmutableSortedSet.of() : subset(rng, JURISDICTIONS, 0.4);
            ImmutableSortedSet<String> names = rng.nextInt(3) == 0
                    ? ImmutableSortedSet.of()
                    : subset(rng, categories.stream().map(Category::name).toList(), 0.5);
            Action action = rng.nextInt(5) < 3 ? Action.MOVE : rng.nextBoolean() ? Action.DELETE : Action.EXEMPT;
            rules.add(new Rule(
                    "rule-" + r, homes, names, siteConstraint(rng), action, 1 + rng.nextInt(2), rng.nextBoolean()));
        }
        SiteConstraint transit = rng.nextBoolean() ? SiteConstraint.ANY : siteConstraint(rng);
        Map<String, Integer> priorities = new TreeMap<>();
        for (Category c : categories) {
            if (rng.nextBoolean()) {
                priorities.put(c.name(), rng.nextInt(10));
            }
        }
        return new ResidencyPolicy(
                "random-policy", ImmutableList.copyOf(rules), transit, ImmutableMap.copyOf(priorities));
    }

    /** Returns a random site constraint: a random subset of jurisdictions, sometimes limited to operators. */
    public static SiteConstraint siteConstraint(SplittableRandom rng) {
        SiteConstraint c = new SiteConstraint(subset(rng, JURISDICTIONS, 0.4), ImmutableSortedSet.of());
        if (rng.nextInt(4) == 0) {
            c = new SiteConstraint(c.jurisdictions(), subset(rng, OPERATORS, 0.5));
        }
        return c;
    }

    /**
     * Returns a random store of {@code records} records on {@code topology}: users in [0, records/2],
     * homes from {@link #JURISDICTIONS}, categories from {@code categories}, sizes from 0 to about 10^9
     * bytes (log-uniform, zero now and then), replica sets of 1 to 3 sites drawn from a pool of at most
     * 6 distinct sets, and legal hold with probability {@code legalHoldFraction}.
     *
     * @throws IllegalArgumentException if {@code records} is negative, {@code categories} empty or the
     *     fraction outside [0, 1]
     */
    public static RecordStore recordStore(
            SplittableRandom rng, Topology topology, List<Category> categories, int records, double legalHoldFraction) {
        checkNotNull(topology, "topology");
        checkArgument(!categories.isEmpty(), "categories must not be empty");
        checkArgument(records >= 0, "records must not be negative: %s", records);
        checkArgument(
                legalHoldFraction >= 0 && legalHoldFraction <= 1,
                "legalHoldFraction must be in [0, 1]: %s",
                legalHoldFraction);
        RecordStore.Builder builder = RecordStore.builder(topology, records);
        int[][] pool = new int[1 + rng.nextInt(6)][];
        for (int p = 0; p < pool.length; p++) {
            pool[p] = replicaSites(rng, topology.siteCount());
        }
        int users = Math.max(1, records / 2);
        for (int i = 0; i < records; i++) {
            long bytes = rng.nextInt(20) == 0 ? 0 : (long) Math.pow(10, rng.nextDouble() * 9);
            builder.add(
                    rng.nextInt(users),
                    pick(rng, JURISDICTIONS),
                    pick(rng, categories),
                    bytes,
                    rng.nextDouble() < legalHoldFraction,
                    pool[rng.nextInt(pool.length)]);
        }
        return builder.build();
    }

    /** Returns 1 to 3 distinct random site indices below {@code siteCount}, in random order. */
    public static int[] replicaSites(SplittableRandom rng, int siteCount) {
        int k = 1 + rng.nextInt(Math.min(3, siteCount));
        int[] sites = rng.ints(0, siteCount).distinct().limit(k).toArray();
        return sites;
    }

    /**
     * Returns a random population spec over {@code topology}: 1 to 4 jurisdictions with up to {@code
     * maxUsersPerJurisdiction} users each, each placed on 1 to 3 random sites, 1 to 3 built-in
     * categories with random weights, medians and sigmas (sometimes 0), a mean of 1 to 4 records per
     * user, and legal hold on up to 10% of records. The spec's own seed is drawn from {@code rng}.
     */
    public static PopulationSpec populationSpec(SplittableRandom rng, Topology topology, int maxUsersPerJurisdiction) {
        checkArgument(maxUsersPerJurisdiction >= 0, "maxUsersPerJurisdiction must not be negative");
        PopulationSpec.Builder b = PopulationSpec.builder().seed(rng.nextLong());
        int homes = 1 + rng.nextInt(4);
        for (int h = 0; h < homes; h++) {
            Jurisdiction home = pick(rng, JURISDICTIONS);
            b.users(home, rng.nextInt(maxUsersPerJurisdiction + 1));
            int[] sites = replicaSites(rng, topology.siteCount());
            String[] ids = new String[sites.length];
            for (int i = 0; i < sites.length; i++) {
                ids[i] = topology.site(sites[i]).id();
            }
            b.place(home, ids);
        }
        int categories = 1 + rng.nextInt(3);
        List<Category> used = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            Category category = pick(rng, Category.BUILT_IN);
            if (used.contains(category)) {
                continue;
            }
            used.add(category);
            b.category(new CategoryShare(
                    category,
                    0.1 + rng.nextDouble(),
                    DataSize.ofBytes(1 + rng.nextInt(10_000_000)),
                    rng.nextInt(4) == 0 ? 0 : rng.nextDouble() * 2));
        }
        return b.meanRecordsPerUser(1 + rng.nextDouble() * 3)
                .legalHoldFraction(rng.nextBoolean() ? 0 : rng.nextDouble() * 0.1)
                .build();
    }

    /**
     * A random topology, store and policy that fit together, from one seed.
     *
     * @param seed the seed they were made from
     * @param topology a connected topology of 2 to 8 sites
     * @param categories the categories the store and policy use
     * @param store a store of 0 to 300 records
     * @param policy a policy over the topology and categories
     */
    public record Instance(
            long seed,
            Topology topology,
            ImmutableList<Category> categories,
            RecordStore store,
            ResidencyPolicy policy) {}

    /** Returns a random instance made from {@code seed}; the same seed gives an equal instance. */
    public static Instance instance(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Topology topology = topology(rng);
        ImmutableList<Category> categories = categories(rng);
        RecordStore store = recordStore(rng, topology, categories, rng.nextInt(301), rng.nextDouble() * 0.2);
        ResidencyPolicy policy = policy(rng, topology, categories);
        return new Instance(seed, topology, categories, store, policy);
    }

    /** Returns a uniformly chosen element of {@code list}. */
    public static <T> T pick(SplittableRandom rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    /** Returns a subset of {@code items}, each kept with probability {@code p}. */
    public static <T extends Comparable<T>> ImmutableSortedSet<T> subset(
            SplittableRandom rng, List<T> items, double p) {
        ImmutableSortedSet.Builder<T> out = ImmutableSortedSet.naturalOrder();
        for (T item : items) {
            if (rng.nextDouble() < p) {
                out.add(item);
            }
        }
        return out.build();
    }
}
