package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.spark.io.Tables;

/**
 * Which figures suit a sweep's shape: traces and a raster for small sweeps (individual neurons are
 * worth looking at) and a network's raster by population whatever its size, its population rates
 * when recorded, an f-I curve when something is swept, a heatmap when two things are, the ISI
 * histogram whenever spike times were kept; a sensitivity analysis's indices; every sweep's model's
 * gates. A fit's output gets its fit plot alone.
 */
final class ReportPlan {
    /** Up to this many neurons in all, single neurons' traces and spikes are shown. */
    static final long SMALL_NEURONS = 1000;
    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    /** The fit plot stacks a panel per loss statistic under the loss. */
    static final int FIT_HEIGHT = PlotKind.FIT.defaultHeight();

    /** One figure of the report and why it is there. */
    record Planned(PlotKind kind, PlotOptions options, String caption) {
    }

    private ReportPlan() {
    }

    static List<Planned> of(SweepOutput out) {
        PlotOptions o = PlotOptions.defaults().withSize(WIDTH, HEIGHT);
        boolean small = out.neurons() <= SMALL_NEURONS;
        List<Planned> plan = new ArrayList<>();
        if (out.has(Tables.FIT)) {
            // a fit's runs are its evaluations: what to look at is how the search went and where it ended
            plan.add(new Planned(PlotKind.FIT, o.withSize(WIDTH, FIT_HEIGHT), "The loss by generation (the best so far,"
                    + " each generation's lowest and median), then each loss statistic of the target against the"
                    + " first condition, with the best candidate's predictions."));
            return plan;
        }
        if (small && out.has(Tables.TRACES)) {
            plan.add(new Planned(PlotKind.TRACES, o, "Membrane voltage of the first traced neurons; the dashed line is the spike threshold."));
        }
        if (out.network() && out.has(Tables.SPIKES)) {
            plan.add(new Planned(PlotKind.RASTER, o.withWhere("run_id = 0"), "Spike raster of run 0: the first neurons of every"
                    + " population, one row per neuron, one tick per spike, a colour per population."));
        } else if (small && out.has(Tables.SPIKES)) {
            plan.add(new Planned(PlotKind.RASTER, o, "Spike raster: one row per neuron, one tick per spike."));
        }
        if (out.has(Tables.POPULATION_RATES)) {
            plan.add(new Planned(PlotKind.RATES, o, "Population rates of the first run over time: spikes per neuron"
                    + " per second in each bin of record.rates, one line per population."));
        }
        if (!out.sweptPaths().isEmpty()) {
            plan.add(new Planned(PlotKind.FI, o, "Firing rate against the swept input (or first swept parameter): "
                    + "mean over neurons and seed replicates, error bars one standard deviation."));
        }
        if (out.gridPaths().size() >= 2) {
            plan.add(new Planned(PlotKind.HEATMAP, o, "Mean firing rate over the first two swept parameters."));
        }
        if (out.has(Tables.SENSITIVITY)) {
            plan.add(new Planned(PlotKind.SENSITIVITY, o, "Sensitivity indices at the first grid point: a panel per"
                    + " output, bars per parameter, error bars bootstrap 95% intervals."));
        }
        if (out.has(Tables.SPIKES)) {
            plan.add(new Planned(PlotKind.ISI, o, "Inter-spike intervals of all neurons that fired at least twice."));
        }
        if (out.network()) {
            // the manifest's model is the base run's, which a network does not simulate: no gates of it
            return plan;
        }
        plan.add(new Planned(PlotKind.GATES, o, "Steady state x∞ = α/(α+β) and time constant τ = 1/(φ(α+β)) of"
                + " every gate of the base model against V; the Model section lists their rate functions."));
        return plan;
    }
}
