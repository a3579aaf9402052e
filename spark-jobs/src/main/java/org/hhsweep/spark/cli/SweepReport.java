package org.hhsweep.spark.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.job.ChunkCounts;
import org.hhsweep.spark.job.ProgressLine;
import org.hhsweep.spark.job.SweepJob;

/**
 * The summary printed when a sweep ends. Small sweeps list every neuron's spike count and the mean
 * rate the way the tutorial prints them ("neuron 0: 6 spikes", "mean firing rate: 60.0 Hz").
 */
final class SweepReport {
    private SweepReport() {
    }

    static void print(SweepJob.Result result, SweepSpec spec, PrintStream out) {
        ChunkCounts t = result.totals();
        out.printf(Locale.ROOT, "sweep %s: %,d run%s x %,d neuron%s, %s neuron-steps%n", spec.name(), t.runs(),
                t.runs() == 1 ? "" : "s", spec.base().neurons(), spec.base().neurons() == 1 ? "" : "s",
                ProgressLine.scientific(t.neuronSteps()));
        if (!t.perNeuron().isEmpty()) {
            boolean oneRun = t.runs() == 1;
            for (ChunkCounts.NeuronSpikes n : t.perNeuron()) {
                String who = oneRun ? "neuron " + n.neuron() : "run " + n.runId() + ", neuron " + n.neuron();
                out.println(who + ": " + (n.spikes() == null ? "diverged" : n.spikes() + " spikes"));
            }
        } else {
            out.printf(Locale.ROOT, "spikes: %,d (%.1f per neuron)%n", t.spikes(),
                    t.okNeurons() == 0 ? 0.0 : (double) t.spikes() / t.okNeurons());
        }
        out.println("mean firing rate: " + (Double.isNaN(t.meanRateHz()) ? "n/a (every neuron diverged)"
                : String.format(Locale.ROOT, "%.1f Hz", t.meanRateHz())));
        out.printf(Locale.ROOT, "diverged: %,d%n", t.diverged());
        out.println("output: " + OutputDirectory.display(result.output()));
        printResumed(result, out);
        double wall = result.wallSeconds();
        out.printf(Locale.ROOT, "wall time: %.1f s (%s neuron-steps/s%s)%n", wall,
                ProgressLine.scientific(wall > 0 ? result.ran().neuronSteps() / wall : 0),
                result.kernel() == null ? "" : ", " + result.kernel().describe());
    }

    /** What a resumed sweep found committed and ran (nothing for a sweep run in one go). */
    static void printResumed(SweepJob.Result result, PrintStream out) {
        long chunks = result.chunks().count();
        if (result.committedBefore() == chunks) {
            out.printf(Locale.ROOT, "resumed: nothing to do, all %,d chunks were committed and the sweep is complete%n",
                    chunks);
        } else if (result.committedBefore() > 0) {
            out.printf(Locale.ROOT, "resumed: %,d of %,d chunks were committed before; ran the other %,d (%,d run%s)%n",
                    result.committedBefore(), chunks, chunks - result.committedBefore(), result.ran().runs(),
                    result.ran().runs() == 1 ? "" : "s");
        }
    }
}
