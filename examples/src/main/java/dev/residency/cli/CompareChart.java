package dev.residency.cli;

import dev.residency.sim.report.ReplicationSummary.BandPoint;
import dev.residency.sim.study.Comparison.Compared;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a comparison's overlaid chart as a PNG: per variant, the median over its replications of the
 * violating bytes (backups included) against days since its start.
 */
final class CompareChart {

    private static final Color[] COLORS = {
        new Color(25, 60, 120), new Color(200, 30, 30), new Color(40, 140, 60),
        new Color(230, 140, 20), new Color(120, 60, 160), new Color(90, 90, 90)
    };

    private CompareChart() {}

    /**
     * Returns the PNG bytes.
     *
     * @throws IOException if encoding fails
     */
    static byte[] png(List<Compared> compared) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder()
                .width(1000)
                .height(560)
                .title("Violating bytes over time (median over replications, backups included)")
                .xAxisTitle("days since start")
                .yAxisTitle("violating bytes (PB)")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        int i = 0;
        for (Compared c : compared) {
            List<BandPoint> band = c.outcome().summary().band();
            double[] x = new double[Math.max(1, band.size())];
            double[] y = new double[x.length];
            for (int p = 0; p < band.size(); p++) {
                x[p] = band.get(p).seconds() / Formats.DAY;
                y[p] = band.get(p).median() / 1e15;
            }
            XYSeries s = chart.addSeries(c.variant().name(), x, y);
            Color color = COLORS[i++ % COLORS.length];
            s.setLineColor(color);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f));
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    }
}
