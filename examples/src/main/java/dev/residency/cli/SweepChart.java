package dev.residency.cli;

import dev.residency.sim.study.Axis;
import dev.residency.sim.study.SweepPoint;
import dev.residency.sim.study.SweepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * Draws a sweep's headline figures over its first axis as a PNG: the probability of meeting the
 * deadline (left axis) and the mean days to full compliance (right axis), one pair of lines per value
 * of the other axes. A first axis that is not a quantity is drawn by point number.
 */
final class SweepChart {

    private static final Color[] COLORS = {
        new Color(25, 60, 120),
        new Color(200, 30, 30),
        new Color(40, 140, 60),
        new Color(230, 140, 20),
        new Color(120, 60, 160),
        new Color(90, 90, 90)
    };

    private SweepChart() {}

    /**
     * Returns the PNG bytes of the chart of {@code sweep}.
     *
     * @throws IOException if encoding fails
     */
    static byte[] png(SweepResult sweep, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Axis first = sweep.axes().get(0);
        boolean numeric = true;
        for (int i = 0; i < first.values().size(); i++) {
            numeric &= first.plotValue(i).isPresent();
        }
        String unit = first.plotUnit();
        XYChart chart = new XYChartBuilder()
                .width(1000)
                .height(560)
                .title(title)
                .xAxisTitle(
                        numeric ? first.path() + (unit.isEmpty() ? "" : " (" + unit + ")") : first.path() + " (point)")
                .yAxisTitle("P(deadline met)")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.setYAxisGroupTitle(1, "mean days to full compliance");
        Map<String, List<SweepPoint>> groups = new LinkedHashMap<>();
        for (SweepPoint p : sweep.points()) {
            String rest = p.settings().subList(1, p.settings().size()).toString();
            groups.computeIfAbsent(rest, k -> new ArrayList<>()).add(p);
        }
        int g = 0;
        for (Map.Entry<String, List<SweepPoint>> group : groups.entrySet()) {
            List<SweepPoint> points = group.getValue();
            double[] x = new double[points.size()];
            double[] met = new double[points.size()];
            double[] days = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                int valueIndex =
                        first.values().indexOf(points.get(i).settings().get(0).value());
                x[i] = numeric ? first.plotValue(valueIndex).orElseThrow() : valueIndex + 1;
                met[i] = points.get(i).summary().metDeadline().estimate();
                double d = points.get(i).summary().fullComplianceDays().mean();
                days[i] = Double.isFinite(d) ? d : Double.NaN;
            }
            String label = groups.size() == 1 ? "" : " " + group.getKey();
            Color color = COLORS[g++ % COLORS.length];
            XYSeries p = chart.addSeries("P(met)" + label, x, met);
            p.setLineColor(color);
            p.setMarkerColor(color);
            p.setLineStyle(new BasicStroke(2f));
            XYSeries d = chart.addSeries("full compliance, days" + label, x, days);
            d.setYAxisGroup(1);
            d.setLineColor(color);
            d.setMarkerColor(color);
            d.setLineStyle(
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    }
}
