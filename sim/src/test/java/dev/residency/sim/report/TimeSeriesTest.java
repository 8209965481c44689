package dev.residency.sim.report;

import static dev.residency.sim.report.RunResults.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.residency.geo.Jurisdiction;
import org.junit.jupiter.api.Test;

/** {@link TimeSeries}: sums per sample, defensive copies, value equality and its size checks. */
final class TimeSeriesTest {

    @Test
    void sums_perSample_addJurisdictionsAndBackups() {
        TimeSeries s = series(new double[] {0, 60}, new long[] {100, 50}, new long[] {10, 5}, new long[] {1, 2});

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.jurisdictions()).containsExactly(Jurisdiction.US, Jurisdiction.CA);
        assertThat(s.seconds(1)).isEqualTo(60);
        assertThat(s.violating(1, 0)).isEqualTo(10);
        // 50 + 5 = 55; with backups 55 + 2 = 57.
        assertThat(s.violatingTotal(1)).isEqualTo(55);
        assertThat(s.violatingWithBackups(1)).isEqualTo(57);
        assertThat(s.backup(0)).isEqualTo(1);
        assertThat(s.toString()).isEqualTo("TimeSeries[2 samples, [US, CA]]");
    }

    @Test
    void constructor_copiesItsArrays() {
        double[] seconds = {0};
        long[] us = {9};
        long[] backups = {3};
        long[] inFlight = {4};
        long[] backlog = {5};
        double[] utilisation = {0.5};
        TimeSeries s = new TimeSeries(
                ImmutableList.of(Jurisdiction.US), seconds, new long[][] {us}, backups, inFlight, backlog, utilisation);

        seconds[0] = 7;
        us[0] = 0;
        backups[0] = 0;
        inFlight[0] = 0;
        backlog[0] = 0;
        utilisation[0] = 0;

        assertThat(s.seconds(0)).isEqualTo(0);
        assertThat(s.violating(0, 0)).isEqualTo(9);
        assertThat(s.backup(0)).isEqualTo(3);
        assertThat(s.inFlight(0)).isEqualTo(4);
        assertThat(s.backlog(0)).isEqualTo(5);
        assertThat(s.linkUtilisation(0)).isEqualTo(0.5);
    }

    @Test
    void equals_sameValues_equalAndSameHash_anyDifference_unequal() {
        TimeSeries base = full(0, 9, 3, 4, 5, 0.5);

        assertThat(base).isEqualTo(full(0, 9, 3, 4, 5, 0.5)).hasSameHashCodeAs(full(0, 9, 3, 4, 5, 0.5));
        assertThat(base).isNotEqualTo(full(1, 9, 3, 4, 5, 0.5));
        assertThat(base).isNotEqualTo(full(0, 8, 3, 4, 5, 0.5));
        assertThat(base).isNotEqualTo(full(0, 9, 2, 4, 5, 0.5));
        assertThat(base).isNotEqualTo(full(0, 9, 3, 3, 5, 0.5));
        assertThat(base).isNotEqualTo(full(0, 9, 3, 4, 4, 0.5));
        assertThat(base).isNotEqualTo(full(0, 9, 3, 4, 5, 0.25));
        assertThat(base).isNotEqualTo("TimeSeries[1 samples, [US]]");
        assertThat(base.hashCode()).isNotEqualTo(full(0, 9, 3, 4, 5, 0.25).hashCode());
        assertThat(base.hashCode()).isNotEqualTo(full(0, 9, 3, 4, 4, 0.5).hashCode());
        assertThat(base.hashCode()).isNotEqualTo(full(0, 9, 3, 3, 5, 0.5).hashCode());
        assertThat(base.hashCode()).isNotEqualTo(full(0, 9, 2, 4, 5, 0.5).hashCode());
        assertThat(base.hashCode()).isNotEqualTo(full(0, 8, 3, 4, 5, 0.5).hashCode());
        assertThat(base.hashCode()).isNotEqualTo(full(1, 9, 3, 4, 5, 0.5).hashCode());
    }

    @Test
    void constructor_seriesOfOtherLengths_areRefused() {
        assertThatThrownBy(() -> series(new double[] {0, 60}, new long[] {1}, new long[] {1, 2}, new long[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("violating row length 1 != samples 2");
        assertThatThrownBy(() -> series(new double[] {0, 60}, new long[] {1, 2}, new long[] {1, 2}, new long[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every series needs 2 samples");
        assertThatThrownBy(() -> new TimeSeries(
                        ImmutableList.of(Jurisdiction.US),
                        new double[1],
                        new long[2][1],
                        new long[1],
                        new long[1],
                        new long[1],
                        new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one row per jurisdiction");
    }

    private static TimeSeries full(double t, long us, long backup, long inFlight, long backlog, double utilisation) {
        return new TimeSeries(
                ImmutableList.of(Jurisdiction.US),
                new double[] {t},
                new long[][] {{us}},
                new long[] {backup},
                new long[] {inFlight},
                new long[] {backlog},
                new double[] {utilisation});
    }
}
