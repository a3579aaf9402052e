package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hhsweep.spark.io.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Spike raster of the chosen neurons (the tutorial's second figure): a row per neuron, a tick per spike. */
final class RasterPlot {
    static final int DEFAULT_ROWS = 50;
    static final int MAX_ROWS = 1000;

    /** One neuron's spike times (ms). */
    record Train(long runId, int neuron, double[] spikesMs) {
    }

    /** The rows drawn, how many neurons matched, and the time axis' end (NaN: fit the spikes). */
    record Data(List<Train> trains, long matched, double durationMs) {
        long spikes() {
            long s = 0;
            for (Train t : trains) {
                s += t.spikesMs().length;
            }
            return s;
        }
    }

    private RasterPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        out.require(Tables.SPIKES, "the raster plot", "record.spikes: true");
        int n = o.limit(DEFAULT_ROWS, MAX_ROWS);
        String from = " FROM spikes JOIN summaries USING (run_id, neuron) WHERE true" + SweepOutput.and(o.where());
        long matched = out.sql("SELECT count(*)" + from).first().getLong(0);
        if (matched == 0) {
            throw new PlotException("no neuron matches --where " + o.where());
        }
        List<Train> trains = new ArrayList<>();
        for (org.apache.spark.sql.Row r : out.sql("SELECT run_id, neuron, spike_ms" + from
                + " ORDER BY run_id, neuron LIMIT " + n).collectAsList()) {
            List<Double> times = r.getList(2);
            trains.add(new Train(r.getLong(0), r.getInt(1), times.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        boolean sweptDuration = out.sweptPaths().contains("simulation.duration");
        double duration = sweptDuration ? Double.NaN : out.configNumber("simulation.duration").orElse(Double.NaN);
        return new Data(trains, matched, duration);
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        boolean oneRun = d.trains().stream().mapToLong(Train::runId).distinct().count() == 1;
        Figure f = draw(d, out.name(), oneRun, out.neuronsPerRun(), o.width(), o.height());
        String summary = String.format(Locale.ROOT, "%,d spikes of %d of %,d neuron%s", d.spikes(), d.trains().size(),
                d.matched(), d.matched() == 1 ? "" : "s")
                + (d.trains().size() < d.matched()
                ? " (the first by run and neuron; --limit N shows up to " + MAX_ROWS + ", --where picks others)" : "");
        return new Rendered(f, summary);
    }

    /**
     * One run: a row per neuron at its own index. Several runs: neurons numbered across runs,
     * run_id x neurons per run + neuron, so every row's run and neuron can be read off the axis.
     */
    static Figure draw(Data d, String title, boolean oneRun, long neuronsPerRun, int width, int height) {
        List<Train> trains = d.trains();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Train t : trains) {
            double y = oneRun ? t.neuron() : t.runId() * (double) neuronsPerRun + t.neuron();
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
            for (double s : t.spikesMs()) {
                xs.add(s);
                ys.add(y);
            }
        }
        XYChart c = new XYChart(width, height);
        ChartStyle.apply(c.getStyler());
        c.setTitle(title + ": spike raster" + (oneRun ? ", run " + trains.get(0).runId() : ""));
        c.setXAxisTitle("time (ms)");
        c.setYAxisTitle(oneRun ? "neuron" : "run_id × " + neuronsPerRun + " + neuron");
        c.getStyler().setLegendVisible(false);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setYAxisDecimalPattern("0");
        // Whole-number ends: XChart labels the axis ends too, and -0.6 would read "-1".
        c.getStyler().setYAxisMin(lo - 1).setYAxisMax(hi + 1);
        if (!Double.isNaN(d.durationMs())) {
            c.getStyler().setXAxisMin(0.0).setXAxisMax(d.durationMs());
        }
        // A tick's height: most of the space between rows, within what stays legible.
        double rowPixels = Math.max(50, height - 110) / (hi - lo + 2);
        c.getStyler().setMarkerSize((int) Math.max(2, Math.min(16, 0.8 * rowPixels)));
        if (xs.isEmpty()) {
            // Not one spike: an empty raster still shows its axes and rows.
            c.getStyler().setXAxisMin(0.0).setXAxisMax(Double.isNaN(d.durationMs()) ? 1 : d.durationMs());
            XYSeries none = c.addSeries("no spikes", new double[] {0}, new double[] {lo});
            none.setMarker(SeriesMarkers.NONE);
            none.setShowInLegend(false);
            return Figure.of(c, width, height);
        }
        XYSeries s = c.addSeries("spikes", xs, ys);
        s.setMarker(new TickMarker());
        s.setMarkerColor(ChartStyle.PALETTE[0]);
        return Figure.of(c, width, height);
    }
}
