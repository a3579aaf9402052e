package org.hhsweep.spark.job;

import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.SearchResult;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.sweep.ThresholdSearch;
import org.hhsweep.spark.io.Tables;

/**
 * Runs the threshold searches of runs [firstRun, endRun) of a searching sweep, one after another in
 * this task, and streams a thresholds row per search and then the runs rows (the chunk's commit
 * mark) to a sink. No per-neuron rows: the probes are only the means to the threshold.
 */
public final class ChunkSearch {
    private ChunkSearch() {
    }

    /**
     * @param progress told the neuron-steps of each probe as it finishes
     * @return the chunk's counts: runs, neurons, neurons of probes that diverged, neuron-steps of every
     *         probe; spikes and rates are not collected by searches (zero)
     */
    public static ChunkCounts run(SweepSpec spec, long chunk, long firstRun, long endRun, ChunkSink sink,
                                  LongConsumer progress) throws IOException {
        int n = (int) (endRun - firstRun);
        RunSpec[] runs = new RunSpec[n];
        int[] diverged = new int[n];
        long[] steps = {0};
        long neurons = 0;
        long divergedTotal = 0;
        for (int r = 0; r < n; r++) {
            runs[r] = spec.run(firstRun + r);
            SearchResult result = ThresholdSearch.run(spec.search(), runs[r], s -> {
                steps[0] += s;
                progress.accept(s);
            });
            sink.threshold(new Tables.ThresholdRecord(runs[r], spec.search(), result));
            diverged[r] = result.diverged();
            divergedTotal += result.diverged();
            neurons += runs[r].template().neurons();
        }
        for (int r = 0; r < n; r++) {
            sink.run(new Tables.RunRecord(runs[r], runs[r].template().neurons(), diverged[r]));
        }
        return new ChunkCounts(chunk, n, neurons, 0, divergedTotal, steps[0], 0.0, 0, List.of());
    }
}
