package dev.residency.sim.report;

import static dev.residency.sim.report.RunResults.empty;
import static dev.residency.sim.report.RunResults.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.CostInputs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RunCosts}, {@link SiteCost} and {@link CostSummary} on two hand-priced runs of sites a and b:
 * a cost the scenario does not price (NaN) is left out of every sum, and a kind no run prices is "not
 * modelled" rather than 0.
 */
final class CostSummaryTest {

    private static final double EPS = 1e-9;
    private static final double MONTH = CostInputs.MONTH_SECONDS;

    /** Site a: 1 GB-month, storage 10, no egress price, build 100; b: 2 GB-months, 20, egress 5, no build. */
    private static RunCosts first() {
        return new RunCosts(
                ImmutableList.of(
                        new SiteCost("a", 1e9 * MONTH, 10, Double.NaN, 100),
                        new SiteCost("b", 2e9 * MONTH, 20, 5, Double.NaN)),
                1,
                1_000,
                Double.NaN);
    }

    /** Site a: 3 GB-months, storage 30, build 100; b: nothing held, egress 15; three months of staff. */
    private static RunCosts second() {
        return new RunCosts(
                ImmutableList.of(
                        new SiteCost("a", 3e9 * MONTH, 30, Double.NaN, 100), new SiteCost("b", 0, 0, 15, Double.NaN)),
                3,
                3_000,
                Double.NaN);
    }

    private static RunResult priced(int replication, RunCosts costs) {
        return run(replication, 0, 0, true, empty(), Map.of(), List.of(), costs);
    }

    @Test
    void runCosts_byKind_sumTheSitesAndLeaveUnpricedOut() {
        RunCosts c = first();

        // Storage 10 + 20; egress NaN + 5 = 5; build 100 + NaN = 100; staff 1,000; one-off not priced.
        assertThat(c.usd(CostKind.STORAGE)).isEqualTo(30);
        assertThat(c.usd(CostKind.EGRESS)).isEqualTo(5);
        assertThat(c.usd(CostKind.BUILD)).isEqualTo(100);
        assertThat(c.usd(CostKind.STAFF)).isEqualTo(1_000);
        assertThat(c.usd(CostKind.ONE_OFF)).isNaN();
        // 30 + 5 + 100 + 1,000.
        assertThat(c.totalUsd()).isEqualTo(1_135);
        assertThat(c.sites().get(0).totalUsd()).isEqualTo(110);
        assertThat(c.sites().get(0).usd(CostKind.STAFF)).isNaN();
        assertThat(c.sites().get(1).usd(CostKind.EGRESS)).isEqualTo(5);
    }

    @Test
    void label_isTheReportsName() {
        assertThat(CostKind.ONE_OFF.label()).isEqualTo("one-off");
        assertThat(CostKind.STORAGE.label()).isEqualTo("storage");
    }

    @Test
    void sumModelled_nothingPriced_isNaN_zeroPriced_isZero() {
        assertThat(RunCosts.sumModelled(Double.NaN, Double.NaN)).isNaN();
        assertThat(RunCosts.sumModelled()).isNaN();
        assertThat(RunCosts.sumModelled(0, Double.NaN)).isZero();
        assertThat(new SiteCost("x", 0, Double.NaN, Double.NaN, Double.NaN).totalUsd())
                .isNaN();
        assertThat(new RunCosts(ImmutableList.of(), 0, Double.NaN, Double.NaN).totalUsd())
                .isNaN();
    }

    @Test
    void of_twoRuns_meansPerKindAndSite() {
        CostSummary s = CostSummary.of(List.of(priced(0, first()), priced(1, second())));

        // Storage 30 and 30; egress 5 and 15; build 100 and 100; staff 1,000 and 3,000.
        assertThat(s.byKind().get(CostKind.STORAGE).mean()).isCloseTo(30, within(EPS));
        assertThat(s.byKind().get(CostKind.EGRESS).mean()).isCloseTo(10, within(EPS));
        assertThat(s.byKind().get(CostKind.BUILD).mean()).isCloseTo(100, within(EPS));
        assertThat(s.byKind().get(CostKind.STAFF).mean()).isCloseTo(2_000, within(EPS));
        assertThat(s.modelled(CostKind.ONE_OFF)).isFalse();
        assertThat(s.modelled(CostKind.STAFF)).isTrue();
        // Totals 1,135 and 30 + 15 + 100 + 3,000 = 3,145.
        assertThat(s.totalUsd().mean()).isCloseTo(2_140, within(EPS));
        assertThat(s.months().mean()).isCloseTo(2, within(EPS));
        CostSummary.Site a = s.sites().get(0);
        assertThat(a.site()).isEqualTo("a");
        // 1 and 3 GB-months; totals 110 and 130.
        assertThat(a.gbMonths().mean()).isCloseTo(2, within(EPS));
        assertThat(a.storageUsd().mean()).isCloseTo(20, within(EPS));
        assertThat(a.egressUsd().n()).isZero();
        assertThat(a.buildUsd().mean()).isCloseTo(100, within(EPS));
        assertThat(a.totalUsd().mean()).isCloseTo(120, within(EPS));
        assertThat(a.usd(CostKind.STORAGE)).isSameAs(a.storageUsd());
        assertThat(a.usd(CostKind.EGRESS)).isSameAs(a.egressUsd());
        assertThat(a.usd(CostKind.BUILD)).isSameAs(a.buildUsd());
        assertThat(a.usd(CostKind.ONE_OFF).n()).isZero();
        CostSummary.Site b = s.sites().get(1);
        // Totals 20 + 5 = 25 and 0 + 15 = 15.
        assertThat(b.site()).isEqualTo("b");
        assertThat(b.gbMonths().mean()).isCloseTo(1, within(EPS));
        assertThat(b.totalUsd().mean()).isCloseTo(20, within(EPS));
    }

    @Test
    void of_runsWithOtherSites_isRefused() {
        RunCosts onlyA = new RunCosts(ImmutableList.of(first().sites().get(0)), 1, 0, 0);
        RunCosts renamed =
                new RunCosts(ImmutableList.of(first().sites().get(0), new SiteCost("c", 0, 0, 0, 0)), 1, 0, 0);

        assertThatThrownBy(() -> CostSummary.of(List.of(priced(0, first()), priced(3, onlyA))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replication 3 has other sites than replication 0");
        assertThatThrownBy(() -> CostSummary.of(List.of(priced(0, first()), priced(4, renamed))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replication 4 has other sites than replication 0");
        assertThatThrownBy(() -> CostSummary.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cost summary needs at least one run");
        assertThatThrownBy(() -> CostSummary.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("results");
        assertThatThrownBy(() -> new RunCosts(ImmutableList.of(), -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("months must not be negative, was -1.0");
        assertThatThrownBy(() -> new SiteCost("a", -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heldByteSeconds must not be negative, was -1.0");
    }
}
