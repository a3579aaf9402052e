package org.hhsweep.spark.analysis;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.Gate;
import org.hhsweep.sim.model.NeuronModel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The kinetics of one run's model, from the model alone (no table is read but for a run's swept
 * values): each gate's steady state x_inf(V) = alpha/(alpha + beta) above and its time constant
 * tau(V) = 1/(phi (alpha + beta)) below, over the voltages a neuron visits.
 */
final class GatesPlot {
    static final double V_MIN = -100;
    static final double V_MAX = 60;
    /** Fine enough for smooth curves at any image width (the steepest hh gates change over a few mV). */
    static final double V_STEP = 0.5;
    /** Beyond this ratio of the largest to the smallest tau, a linear axis flattens the fast gates to nothing. */
    static final double LOG_TAU_RATIO = 1000;

    /**
     * One gate's curves at the voltages of {@link Data#v}; tau is null for an instantaneous gate
     * (it follows V at once: tau 0).
     */
    record Curve(String channel, String gate, boolean instantaneous, double[] xInf, double[] tauMs) {
        String label() {
            return channel + "." + gate;
        }
    }

    record Data(RunModel model, double[] v, List<Curve> curves) {
    }

    private GatesPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        if (o.where() != null) {
            throw new PlotException("the gates plot draws one run's model: choose the run with --run ID, not --where");
        }
        RunModel m = RunModel.of(out, o.run());
        if (m.model().gates().isEmpty()) {
            throw new PlotException(m.what() + " has no gates (only channels of constant conductance): no kinetics to draw");
        }
        double[] v = voltages();
        return new Data(m, v, curves(m.model(), v));
    }

    /** V_MIN to V_MAX in V_STEP, each a whole multiple of the step (exactly -40 mV among them). */
    static double[] voltages() {
        int n = (int) Math.round((V_MAX - V_MIN) / V_STEP) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = V_MIN + i * V_STEP;
        }
        return v;
    }

    static List<Curve> curves(NeuronModel model, double[] v) {
        List<Curve> out = new ArrayList<>();
        for (Channel c : model.channels()) {
            for (Gate g : c.gates()) {
                double phi = g.phi(model.phi());
                double[] xInf = new double[v.length];
                double[] tau = g.instantaneous() ? null : new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    double a = g.alpha().at(v[i]);
                    double b = g.beta().at(v[i]);
                    xInf[i] = a / (a + b);
                    if (tau != null) {
                        tau[i] = 1.0 / (phi * (a + b));
                    }
                }
                out.add(new Curve(c.name(), g.name(), g.instantaneous(), xInf, tau));
            }
        }
        return out;
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        List<String> labels = d.curves().stream().map(Curve::label).toList();
        String summary = String.format(Locale.ROOT, "steady states and time constants of %d gate%s (%s) of %s, V %s to %s mV",
                labels.size(), labels.size() == 1 ? "" : "s", String.join(", ", labels), d.model().what(),
                AxisLabels.number(V_MIN), AxisLabels.number(V_MAX));
        List<String> swept = RunModel.sweptModelPaths(out);
        if (o.run() == null && !swept.isEmpty()) {
            summary += "; swept per run: " + String.join(", ", swept) + " (--run ID draws a run's model)";
        }
        return new Rendered(draw(d, out.name(), o.width(), o.height()), summary);
    }

    static Figure draw(Data d, String title, int width, int height) {
        XYChart steady = panel(width, height / 2, 0);
        // the swept values too where they fit (about 9 px a character of the bold title); the printed line has them all
        String full = title + ": gates of " + d.model().what();
        steady.setTitle(full.length() * 9 <= width ? full : title + ": gates of " + d.model().name());
        steady.setYAxisTitle("x∞ = α/(α+β)");
        steady.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        steady.getStyler().setYAxisDecimalPattern("0.0");
        // Activations fill the right of the plot and inactivations the left: the legend goes below.
        steady.getStyler().setLegendVisible(true);
        steady.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        steady.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        steady.getStyler().setXAxisTitleVisible(false);

        double[] range = tauRange(d.curves());
        boolean log = range[1] > LOG_TAU_RATIO * range[0];
        XYChart tau = panel(width, height / 2, log ? range[0] : 0);
        tau.setYAxisTitle("τ = 1/(φ(α+β)) (ms)");
        tau.getStyler().setLegendVisible(false);
        if (log) {
            tau.getStyler().setYAxisLogarithmic(true);
            tau.setTitle("time constants (log scale)");
        } else {
            tau.setTitle("time constants");
            tau.getStyler().setYAxisMin(0.0);
        }

        for (int k = 0; k < d.curves().size(); k++) {
            Curve c = d.curves().get(k);
            Color colour = ChartStyle.PALETTE[k % ChartStyle.PALETTE.length];
            XYSeries s = steady.addSeries(c.instantaneous() ? c.label() + " (instantaneous: τ = 0)" : c.label(),
                    d.v(), c.xInf());
            style(s, colour, k);
            if (c.tauMs() != null) {
                style(tau.addSeries(c.label(), d.v(), drawable(c.tauMs(), log)), colour, k);
            }
        }
        if (range[0] > range[1]) {
            tau.setTitle("time constants: none (every gate is instantaneous)");
            tau.getStyler().setYAxisMax(1.0);
        }
        return Figure.stacked(List.of(steady, tau), width, height, 22);
    }

    /** A panel over V_MIN..V_MAX; y is a height inside its y axis's range. */
    private static XYChart panel(int width, int height, double y) {
        XYChart c = new XYChart(width, height);
        ChartStyle.apply(c.getStyler());
        c.setXAxisTitle("V (mV)");
        c.getStyler().setXAxisMin(V_MIN).setXAxisMax(V_MAX);
        c.getStyler().setXAxisDecimalPattern("0");
        ChartStyle.keepRoundXTicks(c, V_MIN, V_MAX, y);
        return c;
    }

    /** Lines told apart by dashes as well as colour: eight colours, and gates beyond eight. */
    private static void style(XYSeries s, Color colour, int k) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineWidth(1.6f);
        if (k >= ChartStyle.PALETTE.length) {
            s.setLineStyle(SeriesLines.DASH_DASH);
        }
    }

    /** {smallest, largest} finite positive tau of all gates; {inf, -inf} when there is none. */
    private static double[] tauRange(List<Curve> curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            if (c.tauMs() == null) {
                continue;
            }
            for (double t : c.tauMs()) {
                if (Double.isFinite(t) && t > 0) {
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * Where alpha + beta is 0 tau is infinite, which no axis shows, and a log axis takes no value
     * at or below 0: those become gaps in the line.
     */
    private static double[] drawable(double[] values, boolean log) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i]) || log && out[i] <= 0) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
