package org.hhsweep.spark.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hhsweep.sim.fit.FitParam;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.LossTerm;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.job.FitBest;
import org.hhsweep.spark.job.FitJob;
import org.hhsweep.spark.job.ProgressLine;

/**
 * The summary printed when a fit ends; its last line is the best candidate, its parameter values
 * with their units and its loss, for a script to take with {@code tail -n 1}.
 */
final class FitReport {
    private FitReport() {
    }

    static void print(FitJob.Result r, FitSpec fit, PrintStream out) {
        out.printf(Locale.ROOT, "fit %s: %d generation%s (%s) of %d candidates x %d target rows, %s neuron-steps%n",
                fit.sweep().name(), r.generations(), r.generations() == 1 ? "" : "s",
                r.stopped().equals("budget") ? "the budget" : "stopped early: the search collapsed",
                fit.optimizer().population(), fit.conditions(), ProgressLine.scientific(r.neuronSteps()));
        if (r.generationsBefore() > 0) {
            out.printf(Locale.ROOT, "resumed: %d generation%s were recorded before; ran %s%n", r.generationsBefore(),
                    r.generationsBefore() == 1 ? "" : "s", r.generations() == r.generationsBefore() ? "none"
                            : "the other " + (r.generations() - r.generationsBefore()));
        }
        FitBest best = r.best();
        if (best != null) {
            List<String> errors = new ArrayList<>();
            List<LossTerm> terms = fit.loss().terms();
            for (int t = 0; t < terms.size(); t++) {
                errors.add(String.format(Locale.ROOT, "%s %.3e (weight %s, %d missed)", terms.get(t).statistic(),
                        best.evaluation().errors()[t], number(terms.get(t).weight()), best.evaluation().missed()[t]));
            }
            out.println("errors of the best: " + String.join(", ", errors));
        }
        out.println("output: " + OutputDirectory.display(r.output()));
        out.printf(Locale.ROOT, "wall time: %.1f s%n", r.wallSeconds());
        out.println(best == null ? "best: none (no candidate had a finite loss)" : bestLine(best, fit));
    }

    /** "best: generation 7, candidate 2: model.gNa = 120.003 mS/cm^2, model.gK = 35.998 mS/cm^2; loss 1.234e-06". */
    static String bestLine(FitBest best, FitSpec fit) {
        List<String> values = new ArrayList<>();
        List<FitParam> params = fit.params();
        for (int j = 0; j < params.size(); j++) {
            String unit = fit.sweep().base().unit(params.get(j).path()).symbol();
            values.add(params.get(j).path() + " = " + number(best.values()[j]) + (unit.equals("1") ? "" : " " + unit));
        }
        return String.format(Locale.ROOT, "best: generation %d, candidate %d: %s; loss %.3e", best.generation(),
                best.candidate(), String.join(", ", values), best.evaluation().loss());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
