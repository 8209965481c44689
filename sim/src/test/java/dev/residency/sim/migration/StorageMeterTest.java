package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storage meter's integral of piecewise-constant holdings equals a naive step-by-step sum: random
 * changes at whole seconds (several at one instant, long gaps, holdings going to zero and back, backups
 * coming and going), summed second by second as "held during [k, k+1)" from the list of changes alone.
 */
final class StorageMeterTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void byteSeconds_randomChanges_equalStepByStepSum(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int sites = 1 + random.nextInt(4);
        int horizon = 1 + random.nextInt(300);
        long[] start = new long[sites];
        for (int s = 0; s < sites; s++) {
            // Some sites start empty: the hard corner where a copy arrives at an empty destination.
            start[s] = random.nextInt(3) == 0 ? 0 : random.nextInt(1_000);
        }
        int changes = random.nextInt(60);
        int[] when = new int[changes];
        int[] where = new int[changes];
        long[] liveDelta = new long[changes];
        long[] backupDelta = new long[changes];
        long[] live = start.clone();
        long[] backups = new long[sites];
        int now = 0;
        StorageMeter meter = new StorageMeter(start);
        for (int c = 0; c < changes; c++) {
            // Many changes share an instant (a gap of 0), some come after long quiet spells.
            now = Math.min(horizon, now + (random.nextInt(3) == 0 ? 0 : random.nextInt(1 + horizon / 5)));
            int site = random.nextInt(sites);
            // A deletion moves live bytes to backups; a backup ages out; a copy arrives.
            long moved = live[site] == 0 ? 0 : random.nextLong(live[site] + 1);
            switch (random.nextInt(3)) {
                case 0 -> {
                    liveDelta[c] = -moved;
                    backupDelta[c] = moved;
                }
                case 1 -> backupDelta[c] = backups[site] == 0 ? 0 : -random.nextLong(backups[site] + 1);
                default -> liveDelta[c] = random.nextInt(500);
            }
            live[site] += liveDelta[c];
            backups[site] += backupDelta[c];
            when[c] = now;
            where[c] = site;
            meter.change(site, liveDelta[c], backupDelta[c], now);
        }
        double[] actual = meter.byteSecondsUntil(horizon);

        for (int s = 0; s < sites; s++) {
            long naive = 0;
            for (int k = 0; k < horizon; k++) {
                // Held during second [k, k+1): the start plus every change made at or before k.
                long held = start[s];
                for (int c = 0; c < changes; c++) {
                    if (where[c] == s && when[c] <= k) {
                        held += liveDelta[c] + backupDelta[c];
                    }
                }
                naive += held;
            }
            assertThat(actual[s])
                    .as("seed %d, site %d of %d, %d changes over %d s", seed, s, sites, changes, horizon)
                    .isCloseTo(naive, within(1e-6));
        }
    }

    @Test
    void byteSeconds_oneSiteTwoChanges_byHand() {
        StorageMeter meter = new StorageMeter(new long[] {100});
        // 100 B for 10 s, then 40 B live + 60 B backups for 5 s, then 40 B for 5 s:
        // 1,000 + 500 + 200 = 1,700 B·s.
        meter.change(0, -60, 60, 10);
        meter.change(0, 0, -60, 15);

        assertThat(meter.byteSecondsUntil(20)[0]).isEqualTo(1_700);
        assertThat(meter.live(0)).isEqualTo(40);
        assertThat(meter.backups(0)).isZero();
    }

    @Test
    void change_backInTime_isRefusedWithTheTimes() {
        StorageMeter meter = new StorageMeter(new long[] {1});
        meter.change(0, 1, 0, 10);

        assertThatThrownBy(() -> meter.change(0, 1, 0, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9.0")
                .hasMessageContaining("10.0");
    }
}
