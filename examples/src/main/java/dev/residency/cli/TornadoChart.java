package dev.residency.cli;

import dev.residency.sim.study.Figure;
import dev.residency.sim.study.SensitivityResult;
import dev.residency.sim.study.Swing;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarSeries;

/**
 * Draws a sensitivity study's tornado chart as a PNG: one row per input, widest swing on top, with
 * horizontal bars from the central value of the days to clean (backups included) to its value at the
 * input's low end and at its high end (for a choice, its first and last value; sensitivity.md has
 * every value). Runs that never got clean count as the NaN they are: no bar.
 */
final class TornadoChart {

    private TornadoChart() {}

    /**
     * Returns the PNG bytes of the chart.
     *
     * @throws IOException if encoding fails
     */
    static byte[] png(SensitivityResult result, String scenarioName) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Figure figure = Figure.CLEAN_DAYS;
        double central = figure.of(result.central());
        List<String> names = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        // XChart draws the first category at the top.
        List<Swing> ranked = new ArrayList<>(result.swings());
        ranked.sort((a, b) -> Double.compare(b.swing(figure), a.swing(figure)));
        for (Swing s : ranked) {
            names.add(
                    s.input().path() + " (" + s.low().value() + " / " + s.high().value() + ")");
            low.add(delta(figure.of(s.low().summary()), central));
            high.add(delta(figure.of(s.high().summary()), central));
        }
        HorizontalBarChart chart = new HorizontalBarChart(1100, 200 + 90 * Math.max(1, names.size()));
        chart.setTitle(scenarioName + ": days to clean incl. backups");
        chart.setXAxisTitle(String.format(
                java.util.Locale.ROOT,
                "change from %.1f days at central values (one input at its low / high end, others central)",
                central));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        HorizontalBarSeries lo = chart.addSeries("low end", low, names);
        lo.setFillColor(new Color(25, 60, 120));
        HorizontalBarSeries hi = chart.addSeries("high end", high, names);
        hi.setFillColor(new Color(200, 30, 30));
        return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    }

    private static double delta(double value, double central) {
        return Double.isFinite(value) && Double.isFinite(central) ? value - central : 0;
    }
}
