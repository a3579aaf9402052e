package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.hhsweep.spark.io.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A network run's population rates over time (the population_rates table): one step line per
 * population in config order, each bin's rate held over the bin. One run: --run ID, else the first.
 */
final class RatesPlot {
    /** One population's bins: their starts (ms) and rates (Hz). */
    record Series(String population, double[] startMs, double[] rateHz) {
        double meanHz() {
            double s = 0;
            for (double r : rateHz) {
                s += r;
            }
            return rateHz.length == 0 ? Double.NaN : s / rateHz.length;
        }
    }

    /** The run drawn, its bin width (ms), the end of its last bin (ms) and its populations' series. */
    record Data(long runId, double binMs, double endMs, List<Series> series) {
    }

    private RatesPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        out.require(Tables.POPULATION_RATES, "the rates plot", "a network with record.rates: {bin: ...}");
        String where = SweepOutput.and(o.where());
        long run;
        if (o.run() != null) {
            run = o.run();
        } else {
            Row first = out.sql("SELECT min(run_id) FROM population_rates WHERE true" + where).first();
            if (first.isNullAt(0)) {
                throw new PlotException("no population rate matches --where " + o.where());
            }
            run = first.getLong(0);
        }
        Map<String, List<double[]>> bins = new LinkedHashMap<>();
        out.populations().keySet().forEach(p -> bins.put(p, new ArrayList<>()));
        for (Row r : out.sql("SELECT population, t_ms, rate_hz FROM population_rates WHERE run_id = " + run + where
                + " ORDER BY population, bin").collectAsList()) {
            bins.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new double[] {r.getDouble(1), r.getDouble(2)});
        }
        bins.values().removeIf(List::isEmpty);
        if (bins.isEmpty()) {
            throw new PlotException("no population rates of run " + run + (o.where() == null ? "" : " match --where "
                    + o.where()) + " (runs " + out.sql("SELECT min(run_id), max(run_id) FROM population_rates").first()
                    .mkString(" to ") + ")");
        }
        double bin = out.configNumber("record.rates.bin").orElse(Double.NaN);
        double duration = out.configNumber("simulation.duration").orElse(Double.NaN);
        if (out.sweptPaths().contains("simulation.duration")) {
            duration = out.sql("SELECT simulation_duration FROM runs WHERE run_id = " + run).first().getDouble(0);
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : bins.entrySet()) {
            List<double[]> b = e.getValue();
            double[] t = new double[b.size()];
            double[] r = new double[b.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = b.get(i)[0];
                r[i] = b.get(i)[1];
            }
            series.add(new Series(e.getKey(), t, r));
            if (Double.isNaN(bin) && t.length > 1) {
                bin = t[1] - t[0];
            }
        }
        return new Data(run, bin, duration, series);
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        List<String> means = new ArrayList<>();
        for (Series s : d.series()) {
            means.add(String.format(Locale.ROOT, "%s %.1f Hz", s.population(), s.meanHz()));
        }
        String summary = String.format(Locale.ROOT, "run %d, %d population%s in %d bins of %s ms; mean over the bins: %s",
                d.runId(), d.series().size(), d.series().size() == 1 ? "" : "s", d.series().get(0).startMs().length,
                AxisLabels.number(d.binMs()), String.join(", ", means));
        return new Rendered(draw(d, out.name(), o.width(), o.height()), summary);
    }

    static Figure draw(Data d, String title, int width, int height) {
        XYChart c = new XYChart(width, height);
        ChartStyle.apply(c.getStyler());
        c.setTitle(title + ": population rates, run " + d.runId()
                + (Double.isNaN(d.binMs()) ? "" : " (bins of " + AxisLabels.number(d.binMs()) + " ms)"));
        c.setXAxisTitle("time (ms)");
        c.setYAxisTitle("rate (Hz per neuron)");
        c.getStyler().setLegendVisible(true);
        c.getStyler().setYAxisMin(0.0);
        for (int p = 0; p < d.series().size(); p++) {
            Series s = d.series().get(p);
            int k = s.startMs().length;
            // a step line: each bin's rate held from its start to the next bin's (the last to the run's end)
            double[] x = new double[k + 1];
            double[] y = new double[k + 1];
            for (int i = 0; i < k; i++) {
                x[i] = s.startMs()[i];
                y[i] = s.rateHz()[i];
            }
            double end = !Double.isNaN(d.endMs()) ? d.endMs() : s.startMs()[k - 1] + (Double.isNaN(d.binMs()) ? 0 : d.binMs());
            x[k] = Math.max(end, s.startMs()[k - 1]);
            y[k] = s.rateHz()[k - 1];
            XYSeries line = c.addSeries(s.population(), x, y);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineWidth(1.5f);
            line.setLineColor(ChartStyle.PALETTE[p % ChartStyle.PALETTE.length]);
        }
        return Figure.of(c, width, height);
    }
}
