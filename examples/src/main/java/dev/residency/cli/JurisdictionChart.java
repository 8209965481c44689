package dev.residency.cli;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.TimeSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code jurisdictions.png}: violating bytes on live systems per home jurisdiction over time,
 * the median over replications (series aligned by sample, a short one extended with its last value),
 * with calendar dates on the time axis and the deadline marked. The {@value #LINES} jurisdictions with
 * the most violating bytes get a line each; the rest are summed into one line.
 */
final class JurisdictionChart {

    /** How many jurisdictions get their own line. */
    static final int LINES = 8;

    private static final double DAY = 86_400;

    private JurisdictionChart() {}

    /**
     * Returns the PNG bytes of the chart.
     *
     * @throws IllegalArgumentException if {@code results} is empty
     * @throws IOException if encoding fails
     */
    static byte[] png(List<RunResult> results, Instant start, double deadlineSeconds, String title) throws IOException {
        checkNotNull(results, "results");
        checkArgument(!results.isEmpty(), "a chart needs at least one run");
        System.setProperty("java.awt.headless", "true");
        TimeSeries longest = results.stream()
                .map(RunResult::series)
                .max(Comparator.comparingInt(TimeSeries::size))
                .orElseThrow();
        int homes = longest.jurisdictions().size();
        int n = longest.size();
        double[] x = new double[n];
        double[][] median = new double[homes][n];
        double[] values = new double[results.size()];
        for (int i = 0; i < n; i++) {
            x[i] = longest.seconds(i) / DAY;
            for (int h = 0; h < homes; h++) {
                for (int r = 0; r < results.size(); r++) {
                    TimeSeries s = results.get(r).series();
                    values[r] = s.size() == 0 ? 0 : s.violating(h, Math.min(i, s.size() - 1));
                }
                median[h][i] = median(values);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int h = 0; h < homes; h++) {
            order.add(h);
        }
        double[] peak = new double[homes];
        for (int h = 0; h < homes; h++) {
            peak[h] = Arrays.stream(median[h]).max().orElse(0);
        }
        order.sort(Comparator.comparingDouble((Integer h) -> -peak[h]).thenComparing(h -> h));
        double top = Arrays.stream(peak).max().orElse(0);
        double unit = top >= 1e15 ? 1e15 : top >= 1e12 ? 1e12 : 1e9;
        String unitName = unit == 1e15 ? "PB" : unit == 1e12 ? "TB" : "GB";
        XYChart chart = new XYChartBuilder()
                .width(1000)
                .height(560)
                .title(title)
                .xAxisTitle("date (UTC)")
                .yAxisTitle("violating bytes on live systems (" + unitName + ")")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(day -> Formats.date(start, day * DAY));
        if (n > 0) {
            double[] rest = new double[n];
            boolean anyRest = false;
            for (int k = 0; k < order.size(); k++) {
                int h = order.get(k);
                if (k < LINES) {
                    line(chart, longest.jurisdictions().get(h).code(), x, scaled(median[h], unit));
                } else {
                    anyRest = true;
                    for (int i = 0; i < n; i++) {
                        rest[i] += median[h][i];
                    }
                }
            }
            if (anyRest) {
                line(chart, "other " + (homes - LINES) + " jurisdictions", x, scaled(rest, unit));
            }
        }
        if (!Double.isNaN(deadlineSeconds)) {
            XYSeries deadline = chart.addSeries(
                    "deadline",
                    new double[] {deadlineSeconds / DAY, deadlineSeconds / DAY},
                    new double[] {0, Math.max(top / unit, 1e-9) * 1.05});
            deadline.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            deadline.setMarker(SeriesMarkers.NONE);
            deadline.setLineColor(new Color(200, 30, 30));
            deadline.setLineStyle(
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(2f));
    }

    private static double[] scaled(double[] values, double unit) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / unit;
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
