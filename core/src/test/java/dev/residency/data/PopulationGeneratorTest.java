package dev.residency.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.residency.geo.Jurisdiction;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import dev.residency.units.DataSize;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PopulationGenerator} is deterministic (the same spec gives the same store in every column,
 * bit for bit; another seed gives another store), numbers users consecutively in jurisdiction order,
 * places each jurisdiction's records on its placement, and draws counts, sizes and holds with the
 * spec's parameters.
 */
final class PopulationGeneratorTest {

    private static final Topology TOPOLOGY = RandomInstances.topology(new SplittableRandom(11), 6, 0.3);

    /** Returns a 64-bit hash of every column and table of {@code store}. */
    static long hash(RecordStore store) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, store.size());
        h = mix(h, store.jurisdictions().hashCode());
        h = mix(h, store.categories().hashCode());
        h = mix(h, store.replicaSets().all().hashCode());
        for (int i = 0; i < store.size(); i++) {
            h = mix(h, store.user(i));
            h = mix(h, store.homeIndex(i));
            h = mix(h, store.categoryIndex(i));
            h = mix(h, store.bytes(i));
            h = mix(h, store.replicaSet(i));
            h = mix(h, store.legalHold(i) ? 1 : 0);
        }
        return h;
    }

    private static long mix(long h, long value) {
        // FNV-1a over the eight bytes of value.
        for (int b = 0; b < 8; b++) {
            h ^= (value >>> (8 * b)) & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static LongStream seeds() {
        return RandomInstances.seeds(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generate_sameSpecTwice_sameStoreBitForBit(long seed) {
        PopulationSpec spec = RandomInstances.populationSpec(new SplittableRandom(seed), TOPOLOGY, 200);
        RecordStore a = PopulationGenerator.generate(spec, TOPOLOGY);
        RecordStore b = PopulationGenerator.generate(spec, TOPOLOGY);
        assertThat(hash(b)).as("seed %d", seed).isEqualTo(hash(a));
        assertThat(b.totalBytes()).as("seed %d", seed).isEqualTo(a.totalBytes());
        assertThat(b.size()).as("seed %d", seed).isEqualTo(a.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generate_otherSeed_otherStore(long seed) {
        PopulationSpec spec = RandomInstances.populationSpec(new SplittableRandom(seed), TOPOLOGY, 200);
        if (spec.totalUsers() == 0) {
            return; // nothing to tell apart
        }
        PopulationSpec other = new PopulationSpec(
                spec.seed() + 1,
                spec.users(),
                spec.meanRecordsPerUser(),
                spec.categories(),
                spec.placements(),
                spec.defaultPlacement(),
                spec.legalHoldFraction());
        assertThat(hash(PopulationGenerator.generate(other, TOPOLOGY)))
                .as("seed %d", seed)
                .isNotEqualTo(hash(PopulationGenerator.generate(spec, TOPOLOGY)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generate_randomSpec_usersConsecutiveAndPlacedAsSpecified(long seed) {
        PopulationSpec spec = RandomInstances.populationSpec(new SplittableRandom(seed), TOPOLOGY, 200);
        RecordStore store = PopulationGenerator.generate(spec, TOPOLOGY);
        assertThat((long) store.userCount()).as("seed %d", seed).isEqualTo(spec.totalUsers());
        int previousUser = 0;
        for (int i = 0; i < store.size(); i++) {
            int user = store.user(i);
            assertThat(user - previousUser)
                    .as("seed %d record %d: users in order, none skipped", seed, i)
                    .isBetween(0, 1);
            previousUser = user;
            Jurisdiction home = store.jurisdictions().get(store.homeIndex(i));
            int[] expected = spec.placementOf(home).stream()
                    .mapToInt(TOPOLOGY::siteIndex)
                    .sorted()
                    .toArray();
            assertThat(store.replicaSets().sites(store.replicaSet(i)).toArray())
                    .as("seed %d record %d", seed, i)
                    .containsExactly(expected);
            assertThat(store.bytes(i)).as("seed %d record %d", seed, i).isPositive();
        }
    }

    @Test
    void generate_largeSample_matchesSpecParameters() {
        // 20,000 users × mean 3 = 60,000 records expected; two categories weighted 3:1; legal hold 5%.
        PopulationSpec spec = PopulationSpec.builder()
                .seed(42)
                .users(Jurisdiction.US, 15_000)
                .users(Jurisdiction.CA, 5_000)
                .place(Jurisdiction.US, "dc0", "dc1")
                .placeOthers("dc2")
                .meanRecordsPerUser(3)
                .category(new CategoryShare(Category.VIDEOS, 3, DataSize.parse("10 MB"), 1.0))
                .category(new CategoryShare(Category.PROFILE, 1, DataSize.parse("2 kB"), 0))
                .legalHoldFraction(0.05)
                .build();
        RecordStore store = PopulationGenerator.generate(spec, TOPOLOGY);
        int n = store.size();
        // Records: sum of 20,000 × (1 + Poisson(2)); sd = sqrt(20,000 × 2) = 200, so ±1,000 is 5 sd.
        assertThat(n).isBetween(59_000, 61_000);
        int videos = 0;
        int held = 0;
        long profileBytes = -1;
        double logSum = 0;
        double logSquares = 0;
        for (int i = 0; i < n; i++) {
            if (store.categories().get(store.categoryIndex(i)).equals(Category.VIDEOS)) {
                videos++;
                logSum += Math.log(store.bytes(i));
                logSquares += Math.log(store.bytes(i)) * Math.log(store.bytes(i));
            } else {
                // sigma 0: every profile record is exactly the 2,000-byte median.
                assertThat(store.bytes(i)).isEqualTo(2_000);
                profileBytes = store.bytes(i);
            }
            held += store.legalHold(i) ? 1 : 0;
        }
        assertThat(profileBytes).isEqualTo(2_000);
        // Share of videos 3/4; binomial sd ≈ sqrt(0.1875 / 60,000) ≈ 0.0018.
        assertThat((double) videos / n).isCloseTo(0.75, within(0.01));
        // Hold 5%; sd ≈ sqrt(0.0475 / 60,000) ≈ 0.0009.
        assertThat((double) held / n).isCloseTo(0.05, within(0.005));
        // Mean log size = log(10^7) ≈ 16.118; sd of the mean ≈ 1 / sqrt(45,000) ≈ 0.005.
        assertThat(logSum / videos).isCloseTo(Math.log(1e7), within(0.03));
        // Log sizes are normal with sigma 1: variance 1, whose sample sd is sqrt(2 / 45,000) ≈ 0.007.
        double mean = logSum / videos;
        assertThat(logSquares / videos - mean * mean).isCloseTo(1.0, within(0.05));
    }

    @Test
    void generate_placementOnUnknownSite_isRefusedNamingIt() {
        PopulationSpec spec = PopulationSpec.builder()
                .users(Jurisdiction.US, 1)
                .place(Jurisdiction.US, "dc0", "nowhere")
                .category(new CategoryShare(Category.LOGS, 1, DataSize.parse("1 kB"), 0))
                .build();
        assertThatThrownBy(() -> PopulationGenerator.generate(spec, TOPOLOGY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("placement of US")
                .hasMessageContaining("\"nowhere\"");
    }

    @Test
    void generate_jurisdictionWithoutUsersOrPlacement_isAccepted() {
        // Regression: the spec accepts a jurisdiction with 0 users and no placement, and the generator
        // used to look its placement up anyway (NoSuchElementException).
        PopulationSpec spec = PopulationSpec.builder()
                .users(Jurisdiction.US, 3)
                .users(Jurisdiction.IN, 0)
                .place(Jurisdiction.US, "dc0")
                .category(new CategoryShare(Category.LOGS, 1, DataSize.parse("1 kB"), 0))
                .build();
        RecordStore store = PopulationGenerator.generate(spec, TOPOLOGY);
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.totalBytes()).isEqualTo(3_000);
    }

    @Test
    void generate_tooManyRecordsForOneStore_isRefusedBeforeWork() {
        // 2 × 10^9 users × 1.5 records = 3 × 10^9, more than 0.95 × (2^31 - 1) ≈ 2.04 × 10^9.
        PopulationSpec spec = PopulationSpec.builder()
                .users(Jurisdiction.US, 2_000_000_000)
                .meanRecordsPerUser(1.5)
                .place(Jurisdiction.US, "dc0")
                .category(new CategoryShare(Category.LOGS, 1, DataSize.parse("1 kB"), 0))
                .build();
        assertThatThrownBy(() -> PopulationGenerator.generate(spec, TOPOLOGY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit in one store");
    }
}
