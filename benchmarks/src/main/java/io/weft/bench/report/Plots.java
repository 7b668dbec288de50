package io.weft.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts of time series, written as PNG for the performance page. */
public final class Plots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private Plots() {}

    /** One chart, the series sharing the y axis (so they must share a unit). */
    public static void write(Path png, String title, String yAxis, List<TimeSeries> series) throws IOException {
        // A benchmark run may be headless (CI, ssh): JFreeChart draws into an image, no display needed.
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (TimeSeries one : series) {
            XYSeries line = new XYSeries(one.name() + " (" + one.unit() + ")", false, true);
            one.points().forEach(point -> line.add(point.seconds(), point.value()));
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "seconds since start", yAxis, data, PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
