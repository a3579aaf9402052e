package org.hhsweep.spark.analysis;

import java.util.Locale;
import org.apache.spark.sql.Row;
import org.hhsweep.spark.io.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histogram of inter-spike intervals (differences of consecutive spike_ms of one neuron) over the
 * chosen neurons. Intervals and bins are computed by Spark; only the bin counts reach the driver.
 */
final class IsiPlot {
    static final int DEFAULT_BINS = 40;
    static final int MAX_BINS = 500;

    /** counts[i] intervals in [lo + i * width, lo + (i + 1) * width). */
    record Data(long intervals, long neurons, double meanMs, double lo, double width, long[] counts) {
        double edge(int i) {
            return lo + i * width;
        }
    }

    private IsiPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        out.require(Tables.SPIKES, "the isi plot", "record.spikes: true");
        int bins = o.limit(DEFAULT_BINS, MAX_BINS);
        String trains = "SELECT spike_ms FROM spikes JOIN summaries USING (" + out.neuronKey() + ") WHERE size(spike_ms) >= 2"
                + SweepOutput.and(o.where());
        String isis = "SELECT explode(zip_with(slice(spike_ms, 2, size(spike_ms) - 1), slice(spike_ms, 1, size(spike_ms) - 1),"
                + " (later, earlier) -> later - earlier)) AS isi FROM (" + trains + ")";
        Row stats = out.sql("SELECT count(*), min(isi), max(isi), avg(isi) FROM (" + isis + ")").first();
        long n = stats.getLong(0);
        if (n == 0) {
            throw new PlotException("no neuron" + (o.where() == null ? "" : " matching --where " + o.where())
                    + " fired twice: no inter-spike intervals to show");
        }
        long neurons = out.sql("SELECT count(*) FROM (" + trains + ")").first().getLong(0);
        double min = stats.getDouble(1);
        double max = stats.getDouble(2);
        // Bins of a round width (1, 2, 2.5 or 5 x 10^k ms) starting at a multiple of it, so the
        // edges are numbers a reader can name; about the number of bins asked for.
        // The axis spans at least 1 ms around the intervals, so identical intervals (a regular
        // spiker) show as one narrow bar, not as a bar filling the plot.
        double span = Math.max(max - min, 1.0);
        double width = roundWidth(span / bins);
        double lo = Math.floor(Math.min(min, (min + max - span) / 2) / width) * width;
        bins = (int) Math.max(Math.floor((max - lo) / width) + 1, Math.ceil(span / width - 1e-9));
        long[] counts = new long[bins];
        for (Row r : out.sql("SELECT least(greatest(CAST(floor((isi - CAST(" + lo + " AS DOUBLE)) / CAST(" + width
                + " AS DOUBLE)) AS INT), 0), " + (bins - 1) + "), count(*) FROM (" + isis + ") GROUP BY 1").collectAsList()) {
            counts[r.getInt(0)] = r.getLong(1);
        }
        return new Data(n, neurons, stats.getDouble(3), lo, width, counts);
    }

    /** The smallest of 1, 2, 2.5, 5 x 10^k at or above raw. */
    static double roundWidth(double raw) {
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * decade >= raw * (1 - 1e-9)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        String summary = String.format(Locale.ROOT, "%,d intervals of %,d neurons in %d bins of %s ms; mean %.3f ms",
                d.intervals(), d.neurons(), d.counts().length, AxisLabels.number(d.width()), d.meanMs());
        return new Rendered(draw(d, out.name(), o.width(), o.height()), summary);
    }

    static Figure draw(Data d, String title, int width, int height) {
        int bins = d.counts().length;
        // A step outline over the bin edges: each count held from its left edge to its right edge.
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            x[i] = d.edge(i);
            y[i] = d.counts()[Math.min(i, bins - 1)];
        }
        XYChart c = new XYChart(width, height);
        ChartStyle.apply(c.getStyler());
        c.setTitle(String.format(Locale.ROOT, "%s: inter-spike intervals (%,d from %,d neurons, mean %.2f ms)", title,
                d.intervals(), d.neurons(), d.meanMs()));
        c.setXAxisTitle("inter-spike interval (ms)");
        c.setYAxisTitle("intervals per bin");
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisDecimalPattern("0");
        int decimals = Math.max(0, new java.math.BigDecimal(AxisLabels.number(d.width())).scale());
        c.getStyler().setXAxisDecimalPattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
        XYSeries s = c.addSeries("intervals", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        return Figure.of(c, width, height);
    }
}
