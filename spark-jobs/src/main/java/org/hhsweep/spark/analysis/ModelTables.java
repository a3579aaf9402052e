package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.Gate;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.RateFunction;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.spark.io.OutputDirectory;

/**
 * The report's Model section: the base run's model as the manifest records it, its membrane
 * numbers in a line, its channels and its gates in tables, so a reader sees what was simulated
 * without knowing any library model's kinetics.
 *
 * @param membrane C, V_th and phi in words; empty when the model could not be read
 * @param tables   channels, then gates; empty when the model could not be read
 * @param notes    where the model came from when not the manifest's model, what is swept, or why nothing is shown
 */
record ModelTables(String membrane, List<SummaryTables.Table> tables, List<String> notes) {
    /** The forms as formulas, so the gate table's numbers can be read without the docs. */
    static final String FORMS = "Rates in 1/ms: exponential = rate · exp((V − midpoint)/scale); sigmoid = rate / "
            + "(1 + exp((midpoint − V)/scale)); exp_linear = rate · x/(1 − exp(−x)), x = (V − midpoint)/scale.";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    static ModelTables of(SweepOutput out) {
        List<String> notes = new ArrayList<>();
        NeuronModel m;
        try {
            m = RunModel.base(out.manifest());
        } catch (PlotException e) {
            return new ModelTables("", List.of(), List.of("Not shown: " + e.getMessage() + "."));
        }
        if (!RunModel.written(out.manifest())) {
            notes.add("This output's manifest predates its model key: the model is read from the resolved config,"
                    + " whose eight numbers (ENa, gNa, ...) stand for the tutorial's hh with those numbers.");
        }
        List<String> swept = RunModel.sweptModelPaths(out);
        if (!swept.isEmpty()) {
            notes.add("Swept per run: " + String.join(", ", swept) + ". The tables show the base values; each run's are"
                    + " in the runs table, and ./submit.sh plot " + OutputDirectory.display(out.dir())
                    + " --kind gates --run ID draws a run's model.");
        }
        String membrane = "C = " + quantity(m.C(), EngineUnit.MICROFARAD_PER_CM2) + ", spike threshold V_th = "
                + quantity(m.Vth(), EngineUnit.MILLIVOLT) + ", temperature factor phi = " + AxisLabels.number(m.phi())
                + " (on every gate without its own).";
        return new ModelTables(membrane, List.of(channels(m), gates(m)), notes);
    }

    private static SummaryTables.Table channels(NeuronModel m) {
        List<List<String>> rows = new ArrayList<>();
        for (Channel c : m.channels()) {
            String gates = c.gates().isEmpty() ? "none (constant conductance)"
                    : c.gates().stream().map(g -> g.name() + power(g.power())).collect(Collectors.joining(" "));
            rows.add(List.of(c.name(), AxisLabels.number(c.g()), AxisLabels.number(c.E()), gates));
        }
        return new SummaryTables.Table("Channels: I = g · gates · (V − E)", List.of("channel",
                AxisLabels.withUnit("g", EngineUnit.MILLISIEMENS_PER_CM2.symbol()),
                AxisLabels.withUnit("E", EngineUnit.MILLIVOLT.symbol()), "gates"), rows, "");
    }

    private static SummaryTables.Table gates(NeuronModel m) {
        List<List<String>> rows = new ArrayList<>();
        for (Channel c : m.channels()) {
            for (Gate g : c.gates()) {
                rows.add(List.of(c.name(), g.name(), AxisLabels.number(g.power()), g.instantaneous() ? "yes" : "no",
                        Double.isNaN(g.phi()) ? AxisLabels.number(m.phi()) + " (the model's)" : AxisLabels.number(g.phi()),
                        g.instantaneous() || Double.isNaN(g.initial()) ? "steady state" : AxisLabels.number(g.initial()),
                        rate(g.alpha()), rate(g.beta())));
            }
        }
        return new SummaryTables.Table("Gates: dx/dt = phi · (alpha · (1 − x) − beta · x); an instantaneous gate is"
                + " alpha/(alpha + beta) at once", List.of("channel", "gate", "power", "instantaneous", "phi",
                "initial", "alpha", "beta"), rows, rows.isEmpty() ? "No channel has gates." : FORMS);
    }

    /** A rate function as its form and numbers: "exp_linear: rate 1 /ms, midpoint -40 mV, scale 10 mV". */
    static String rate(RateFunction f) {
        return f.form().configName() + ": rate " + AxisLabels.number(f.rate()) + " /ms, midpoint "
                + quantity(f.midpoint(), EngineUnit.MILLIVOLT) + ", scale " + quantity(f.scale(), EngineUnit.MILLIVOLT);
    }

    private static String quantity(double v, EngineUnit unit) {
        return AxisLabels.number(v) + " " + AxisLabels.pretty(unit.symbol());
    }

    /** m³, or nothing for power 1 (as the equations write it). */
    private static String power(double p) {
        if (p == 1) {
            return "";
        }
        String digits = AxisLabels.number(p);
        StringBuilder b = new StringBuilder();
        for (char ch : digits.toCharArray()) {
            b.append(Character.isDigit(ch) ? SUPERSCRIPTS.charAt(ch - '0') : ch);
        }
        return b.toString();
    }
}
