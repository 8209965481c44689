package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.UncertainInput;
import dev.residency.units.Durations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Draws of uncertain inputs: each distribution's quantile function at hand-computed points, the
 * empirical distribution of many replications' draws against the analytic one, and streams that do
 * not move when other inputs are added.
 */
final class InputDrawsTest {

    private static final UncertainInput RETENTION = new UncertainInput(
            "run.backups.retention",
            "triangular",
            "180d",
            ImmutableList.of("14d", "270d"),
            true,
            ImmutableList.of("14d", "180d", "270d"));
    private static final UncertainInput RATE =
            new UncertainInput("run.deletionRate", "uniform", "20 GB/s", ImmutableList.of("10 GB/s", "30 GB/s"), true);

    private static double days(String text) {
        return Durations.seconds(Durations.parse(text)) / 86_400;
    }

    @Test
    void quantile_uniform_isLinear() {
        UncertainInput u = new UncertainInput("r", "uniform", "20d", ImmutableList.of("10d", "30d"), true);

        // 10 + 0.25 × (30 - 10) = 15 days.
        assertThat(InputDraws.quantile(u, 0.25)).isEqualTo("15d");
    }

    @Test
    void quantile_triangular_modeAtItsCdfAndSquareRootBelow() {
        // F(mode) = (180 - 14) / (270 - 14) = 166 / 256: the quantile there is the mode.
        assertThat(days(InputDraws.quantile(RETENTION, 166.0 / 256))).isCloseTo(180, within(1e-4));
        // Below the mode: 14 + sqrt(0.5 × 256 × 166) = 14 + 145.767 = 159.767 days (whole seconds).
        assertThat(days(InputDraws.quantile(RETENTION, 0.5))).isCloseTo(159.767, within(1e-3));
        // Above: 270 - sqrt(0.1 × 256 × 90) = 270 - 48 = 222 days.
        assertThat(days(InputDraws.quantile(RETENTION, 0.9))).isCloseTo(222, within(1e-4));
    }

    @Test
    void quantile_lognormal_oneSigmaAboveMedian() {
        UncertainInput w = new UncertainInput(
                "w",
                "lognormal",
                "1 MB",
                ImmutableList.of("439.364 kB", "2.276 MB"),
                true,
                ImmutableList.of("1 MB", "0.5"));

        // Φ(1) = 0.841344746: 1 MB × e^0.5 = 1.64872 MB.
        assertThat(InputDraws.quantile(w, 0.8413447460685429)).isEqualTo("1.649 MB");
    }

    @Test
    void quantile_choice_equalShares() {
        UncertainInput c = new UncertainInput("c", "choice", "a", ImmutableList.of("a", "b", "c"), false);

        assertThat(List.of(
                        InputDraws.quantile(c, 0.1),
                        InputDraws.quantile(c, 0.34),
                        InputDraws.quantile(c, 0.66),
                        InputDraws.quantile(c, 0.99)))
                .containsExactly("a", "b", "b", "c");
    }

    @Test
    void draw_addingAnInput_leavesTheOthersDrawsAlone() {
        for (int r = 0; r < 50; r++) {
            ImmutableList<Overrides.Setting> alone = InputDraws.draw(List.of(RETENTION), 7, r);
            ImmutableList<Overrides.Setting> both = InputDraws.draw(List.of(RATE, RETENTION), 7, r);

            assertThat(both.get(1)).as("replication %s", r).isEqualTo(alone.get(0));
        }
    }

    /**
     * 400 replications' draws of the triangular retention: the share at or below the mode must be
     * 166/256 = 0.648 within 4 binomial standard errors (sqrt(0.648 × 0.352 / 400) = 0.0239), and the
     * mean (14 + 180 + 270) / 3 = 154.67 days within 4 standard errors (the triangular's standard
     * deviation is sqrt((a² + b² + c² - ab - ac - bc) / 18) = 52.75 days, over sqrt(400)).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void draw_manyReplications_followTheTriangular(long seed) {
        int n = 400;
        int atOrBelowMode = 0;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            double d = days(InputDraws.draw(List.of(RETENTION), seed, r).get(0).value());
            sum += d;
            atOrBelowMode += d <= 180 ? 1 : 0;
        }
        double p = 166.0 / 256;
        assertThat((double) atOrBelowMode / n).as("seed %s", seed).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n)));
        double sd = Math.sqrt((14.0 * 14 + 180 * 180 + 270 * 270 - 14 * 180 - 14 * 270 - 180 * 270) / 18);
        assertThat(sum / n).as("seed %s", seed).isCloseTo(464.0 / 3, within(4 * sd / Math.sqrt(n)));
    }
}
