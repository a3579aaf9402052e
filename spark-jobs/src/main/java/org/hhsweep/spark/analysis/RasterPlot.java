package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hhsweep.spark.io.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Spike raster of the chosen neurons (the tutorial's second figure): a row per neuron, a tick per
 * spike. In a network each population has its colour and a legend entry, its rows following the
 * populations before it in config order, and the default rows are shared out between populations.
 */
final class RasterPlot {
    static final int DEFAULT_ROWS = 50;
    static final int MAX_ROWS = 1000;

    /**
     * One neuron's spike times (ms); row is its place in its run (its population's offset plus its
     * index there in a network, else its index), population null outside a network.
     */
    record Train(long runId, String population, int neuron, long row, double[] spikesMs) {
        Train(long runId, int neuron, double[] spikesMs) {
            this(runId, null, neuron, neuron, spikesMs);
        }
    }

    /**
     * The rows drawn, how many neurons matched, the time axis' end (NaN: fit the spikes) and a
     * network's populations in config order (empty otherwise).
     */
    record Data(List<Train> trains, long matched, double durationMs, List<String> populations) {
        Data(List<Train> trains, long matched, double durationMs) {
            this(trains, matched, durationMs, List.of());
        }

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
        List<String> populations = List.copyOf(out.populations().keySet());
        String from = " FROM spikes JOIN summaries USING (" + out.neuronKey() + ") WHERE true" + SweepOutput.and(o.where());
        long matched = out.sql("SELECT count(*)" + from).first().getLong(0);
        if (matched == 0) {
            throw new PlotException("no neuron matches --where " + o.where());
        }
        // In a network the first neurons of every population, so each shows (neurons count within their population).
        String share = populations.isEmpty() ? "" : " AND neuron < " + Math.max(1, n / populations.size());
        String row = out.neuronInRunSql();
        List<Train> trains = new ArrayList<>();
        for (org.apache.spark.sql.Row r : out.sql("SELECT run_id, " + (populations.isEmpty()
                ? "CAST(NULL AS STRING)" : "population") + ", neuron, spike_ms, " + row + from + share
                + " ORDER BY run_id, " + row + " LIMIT " + n).collectAsList()) {
            List<Double> times = r.getList(3);
            trains.add(new Train(r.getLong(0), r.isNullAt(1) ? null : r.getString(1), r.getInt(2), r.getLong(4),
                    times.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        boolean sweptDuration = out.sweptPaths().contains("simulation.duration");
        double duration = sweptDuration ? Double.NaN : out.configNumber("simulation.duration").orElse(Double.NaN);
        return new Data(trains, matched, duration, populations);
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        boolean oneRun = d.trains().stream().mapToLong(Train::runId).distinct().count() == 1;
        Figure f = draw(d, out.name(), oneRun, out.neuronsPerRun(), o.width(), o.height());
        String per = d.populations().isEmpty() ? "" : " (the first of each population: " + String.join(", ",
                d.populations()) + ")";
        String summary = String.format(Locale.ROOT, "%,d spikes of %d of %,d neuron%s", d.spikes(), d.trains().size(),
                d.matched(), d.matched() == 1 ? "" : "s")
                + (d.trains().size() < d.matched()
                ? per + " (the first by run and neuron; --limit N shows up to " + MAX_ROWS + ", --where picks others)" : "");
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
            double y = oneRun ? t.row() : t.runId() * (double) neuronsPerRun + t.row();
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
        String neuron = d.populations().isEmpty() ? "neuron" : "neuron (populations in config order)";
        c.setYAxisTitle(oneRun ? neuron : "run_id × " + neuronsPerRun + " + " + neuron);
        c.getStyler().setLegendVisible(!d.populations().isEmpty());
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
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
        if (d.populations().isEmpty()) {
            XYSeries s = c.addSeries("spikes", xs, ys);
            s.setMarker(new TickMarker());
            s.setMarkerColor(ChartStyle.PALETTE[0]);
            return Figure.of(c, width, height);
        }
        // A series per population, in config order, each in its colour and named in the legend.
        for (int p = 0; p < d.populations().size(); p++) {
            String population = d.populations().get(p);
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (Train t : trains) {
                if (population.equals(t.population())) {
                    double y = oneRun ? t.row() : t.runId() * (double) neuronsPerRun + t.row();
                    for (double sp : t.spikesMs()) {
                        px.add(sp);
                        py.add(y);
                    }
                }
            }
            if (px.isEmpty()) {
                // a population without a spike still gets its legend entry, drawn nowhere visible
                px.add(Double.NaN);
                py.add(Double.NaN);
            }
            XYSeries s = c.addSeries(population, px, py);
            s.setMarker(new TickMarker());
            s.setMarkerColor(ChartStyle.PALETTE[p % ChartStyle.PALETTE.length]);
        }
        return Figure.of(c, width, height);
    }
}
