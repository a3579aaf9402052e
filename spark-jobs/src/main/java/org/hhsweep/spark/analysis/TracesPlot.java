package org.hhsweep.spark.analysis;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.spark.io.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Membrane voltage over time, one stacked panel per neuron (the tutorial's first figure), with the
 * spike threshold as a dashed line. Only the chosen neurons' traces leave the executors.
 */
final class TracesPlot {
    static final int DEFAULT_PANELS = 4;
    static final int MAX_PANELS = 20;
    private static final String MODEL_VTH = "model.V_th";

    /**
     * One neuron's V trace: values[i] at t0Ms + i * dtMs; threshold NaN when unknown; diverged
     * when the neuron's V left the sane range (its trace then gets its own scale).
     */
    record Panel(long runId, int neuron, double t0Ms, double dtMs, float[] values, double thresholdMv,
                 boolean diverged) {
        double endMs() {
            return t0Ms + (values.length - 1) * dtMs;
        }
    }

    /** The panels drawn, and how many traces matched in all. */
    record Data(List<Panel> panels, long matched) {
    }

    private TracesPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        out.require(Tables.TRACES, "the traces plot", "record.traces");
        int n = o.limit(DEFAULT_PANELS, MAX_PANELS);
        // A swept threshold differs per run; otherwise it is the config's.
        boolean sweptVth = out.sweptPaths().contains(MODEL_VTH);
        double vth = out.configNumber(MODEL_VTH).orElse(Double.NaN);
        String from = " FROM traces JOIN summaries USING (run_id, neuron) WHERE variable = 'V'"
                + SweepOutput.and(o.where());
        long matched = out.sql("SELECT count(*)" + from).first().getLong(0);
        if (matched == 0) {
            throw new PlotException(o.where() == null ? "no V traces in this output (record.traces.variables)"
                    : "no V trace matches --where " + o.where());
        }
        List<Row> rows = out.sql("SELECT run_id, neuron, t0_ms, dt_ms, values, status"
                + (sweptVth ? ", " + SweepOutput.column(MODEL_VTH) : "") + from
                + " ORDER BY run_id, neuron LIMIT " + n).collectAsList();
        List<Panel> panels = new ArrayList<>();
        for (Row r : rows) {
            List<Float> list = r.getList(4);
            float[] values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                // null where a quantised sample fit no int (NaN or huge, a diverged neuron's): a gap
                Float v = list.get(i);
                values[i] = v == null ? Float.NaN : v;
            }
            panels.add(new Panel(r.getLong(0), r.getInt(1), r.getDouble(2), r.getDouble(3), values,
                    sweptVth ? r.getDouble(6) : vth, NeuronStatistics.DIVERGED.equals(r.getString(5))));
        }
        return new Data(panels, matched);
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        Figure f = draw(d, out.name(), out.runs() == 1, o.width(), o.height());
        String summary = String.format(Locale.ROOT, "%d of %,d V trace%s%s", d.panels().size(), d.matched(),
                d.matched() == 1 ? "" : "s", d.panels().size() < d.matched()
                        ? " (the first by run and neuron; --limit N shows up to " + MAX_PANELS + ", --where picks others)"
                        : "");
        return new Rendered(f, summary);
    }

    /** {min, max} of a panel's finite values and its threshold. */
    private static double[] range(Panel p) {
        double lo = Double.isNaN(p.thresholdMv()) ? Double.POSITIVE_INFINITY : p.thresholdMv();
        double hi = Double.isNaN(p.thresholdMv()) ? Double.NEGATIVE_INFINITY : p.thresholdMv();
        for (float v : p.values()) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {-100, 50};
    }

    static Figure draw(Data d, String title, boolean oneRun, int width, int height) {
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        for (Panel p : d.panels()) {
            tMin = Math.min(tMin, p.t0Ms());
            tMax = Math.max(tMax, p.endMs());
            // One V scale for all panels, so they compare at a glance; a diverged trace would
            // flatten every other one, so it keeps its own.
            if (!p.diverged()) {
                double[] range = range(p);
                vMin = Math.min(vMin, range[0]);
                vMax = Math.max(vMax, range[1]);
            }
        }
        List<XYChart> charts = new ArrayList<>();
        int n = d.panels().size();
        for (int i = 0; i < n; i++) {
            Panel p = d.panels().get(i);
            XYChart c = new XYChart(width, height / n);
            ChartStyle.apply(c.getStyler());
            String who = (oneRun ? "neuron " + p.neuron() : "run " + p.runId() + ", neuron " + p.neuron())
                    + (p.diverged() ? " (diverged; own V scale)" : "");
            String threshold = Double.isNaN(p.thresholdMv()) ? ""
                    : "   (dashed: V_th = " + AxisLabels.number(p.thresholdMv()) + " mV)";
            c.setTitle(i == 0 ? title + ": " + who + threshold : who);
            c.setYAxisTitle("V (mV)");
            c.setXAxisTitle("time (ms)");
            c.getStyler().setXAxisTitleVisible(i == n - 1);
            c.getStyler().setLegendVisible(false);
            // From the run's start (the first sample is one sampling interval in) to the last sample,
            // rid of binary noise (0.1 + 999 x 0.1 = 100.00000000000001).
            c.getStyler().setXAxisMin(Math.min(0, tMin)).setXAxisMax(Double.parseDouble(AxisLabels.number(tMax)));
            double[] range = p.diverged() || vMin > vMax ? range(p) : new double[] {vMin, vMax};
            double pad = Math.max(1, (range[1] - range[0]) * 0.05);
            c.getStyler().setYAxisMin(range[0] - pad).setYAxisMax(range[1] + pad);
            c.getStyler().setYAxisDecimalPattern("0");
            double xMin = Math.min(0, tMin);
            double xMax = Double.parseDouble(AxisLabels.number(tMax));
            ChartStyle.keepRoundXTicks(c, xMin, xMax, range[0]);
            double[][] xy = MinMaxDecimation.of(p.t0Ms(), p.dtMs(), p.values(), width);
            XYSeries v = c.addSeries("V", xy[0], xy[1]);
            v.setMarker(SeriesMarkers.NONE);
            v.setLineColor(ChartStyle.PALETTE[0]);
            v.setLineWidth(1.2f);
            if (!Double.isNaN(p.thresholdMv())) {
                XYSeries th = c.addSeries("V_th", new double[] {xMin, xMax},
                        new double[] {p.thresholdMv(), p.thresholdMv()});
                th.setMarker(SeriesMarkers.NONE);
                th.setLineColor(ChartStyle.THRESHOLD);
                th.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {6, 4}, 0));
            }
            charts.add(c);
        }
        // The bottom panel alone shows the x axis title: about one line of 13 pt text.
        return Figure.stacked(charts, width, height, 22);
    }
}
