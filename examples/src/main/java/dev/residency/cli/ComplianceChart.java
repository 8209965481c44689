package dev.residency.cli;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.ReplicationSummary.BandPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws violating bytes over time as a PNG: the median over replications as a line, the spread from
 * the smallest to the largest replication as a band, and the deadline as a vertical line. Rendered
 * headless with XChart.
 */
public final class ComplianceChart {

    private static final double DAY = 86_400;

    private ComplianceChart() {}

    /**
     * Returns the PNG bytes of the chart for {@code summary}.
     *
     * @param deadlineSeconds the deadline in simulated seconds, or NaN for none
     * @throws IOException if encoding fails
     */
    public static byte[] png(ReplicationSummary summary, double deadlineSeconds, String title) throws IOException {
        return draw(summary, deadlineSeconds, title, null);
    }

    /**
     * Returns the PNG bytes of the chart for {@code summary}, its time axis in calendar dates counted
     * from {@code start} (UTC).
     *
     * @param deadlineSeconds the deadline in simulated seconds, or NaN for none
     * @param start the scenario's start
     * @throws IOException if encoding fails
     */
    public static byte[] png(ReplicationSummary summary, double deadlineSeconds, String title, Instant start)
            throws IOException {
        return draw(summary, deadlineSeconds, title, checkNotNull(start, "start"));
    }

    /** Draws the chart; a null {@code start} (private use only) labels the axis in days since the start. */
    private static byte[] draw(ReplicationSummary summary, double deadlineSeconds, String title, Instant start)
            throws IOException {
        checkNotNull(summary, "summary");
        System.setProperty("java.awt.headless", "true");
        List<BandPoint> band = summary.band();
        double peak = band.stream().mapToDouble(BandPoint::max).max().orElse(0);
        Unit unit = Unit.forBytes(peak);
        int n = band.size();
        double[] x = new double[n];
        double[] median = new double[n];
        double[] live = new double[n];
        double[] polygonX = new double[2 * n];
        double[] polygonY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            BandPoint p = band.get(i);
            x[i] = p.seconds() / DAY;
            median[i] = p.median() / unit.bytes;
            live[i] = p.liveMedian() / unit.bytes;
            polygonX[i] = x[i];
            polygonY[i] = p.max() / unit.bytes;
            polygonX[2 * n - 1 - i] = x[i];
            polygonY[2 * n - 1 - i] = p.min() / unit.bytes;
        }
        XYChart chart = new XYChartBuilder()
                .width(1000)
                .height(560)
                .title(title)
                .xAxisTitle(start == null ? "days since start" : "date (UTC)")
                .yAxisTitle("violating bytes (" + unit.name + ")")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        if (start != null) {
            chart.getStyler().setxAxisTickLabelsFormattingFunction(day -> Formats.date(start, day * DAY));
        }
        if (n > 0) {
            XYSeries spread =
                    chart.addSeries("spread over " + summary.runs() + " replications (min to max)", polygonX, polygonY);
            spread.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            spread.setMarker(SeriesMarkers.NONE);
            spread.setFillColor(new Color(70, 130, 180, 90));
            spread.setLineColor(new Color(70, 130, 180, 90));
            XYSeries liveLine = chart.addSeries("median, live systems only (backups left out)", x, live);
            liveLine.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            liveLine.setMarker(SeriesMarkers.NONE);
            liveLine.setLineColor(new Color(230, 140, 20));
            liveLine.setLineStyle(new BasicStroke(2f));
            XYSeries line = chart.addSeries("median, backups included", x, median);
            line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(new Color(25, 60, 120));
            line.setLineStyle(new BasicStroke(2f));
        }
        if (!Double.isNaN(deadlineSeconds)) {
            double top = Math.max(peak / unit.bytes, 1e-9) * 1.05;
            XYSeries deadline = chart.addSeries(
                    "deadline", new double[] {deadlineSeconds / DAY, deadlineSeconds / DAY}, new double[] {0, top});
            deadline.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            deadline.setMarker(SeriesMarkers.NONE);
            deadline.setLineColor(new Color(200, 30, 30));
            deadline.setLineStyle(
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    }

    private enum Unit {
        GB("GB", 1e9),
        TB("TB", 1e12),
        PB("PB", 1e15),
        EB("EB", 1e18);

        private final String name;
        private final double bytes;

        Unit(String name, double bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        static Unit forBytes(double peak) {
            Unit chosen = GB;
            for (Unit u : values()) {
                if (peak >= u.bytes) {
                    chosen = u;
                }
            }
            return chosen;
        }
    }
}
