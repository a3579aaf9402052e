package org.hhsweep.spark.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.BlockPlanner;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.Tables;

/**
 * Simulates the runs [firstRun, endRun) of a sweep block by block and streams their rows to a sink:
 * summaries, spikes and traces as each block finishes, a run's row once all its neurons are done.
 * Only one block's results are in memory at a time.
 */
public final class ChunkSimulation {
    private ChunkSimulation() {
    }

    /**
     * @param listNeurons also report each neuron's spike count (for the summary of small sweeps)
     * @param progress    told the neuron-steps of each block as it finishes
     */
    public static ChunkCounts run(SweepSpec spec, long chunk, long firstRun, long endRun, ExecutionSettings exec,
                                  boolean listNeurons, ChunkSink sink, LongConsumer progress) throws IOException {
        List<RunSpec> runs = new ArrayList<>((int) (endRun - firstRun));
        for (long i = firstRun; i < endRun; i++) {
            runs.add(spec.run(i));
        }
        int[] diverged = new int[runs.size()];
        long neurons = 0, spikes = 0, divergedTotal = 0, neuronSteps = 0, ok = 0;
        double rateSum = 0;
        List<ChunkCounts.NeuronSpikes> perNeuron = new ArrayList<>();

        for (BlockPlanner.Block block : BlockPlanner.plan(runs, exec.blockNeurons(), exec.maxTraceSamples())) {
            BlockResult result = Simulator.simulate(block.settings(), block.neurons(runs));
            for (int p = 0; p < block.size(); p++) {
                RunSpec run = runs.get(block.run(p));
                int neuron = block.neuron(p);
                NeuronStatistics stats = result.statistics()[p];
                sink.neuron(new Tables.NeuronRecord(run, neuron, stats));
                if (result.spikeTimes() != null) {
                    sink.spikes(new Tables.SpikeRecord(run, neuron, result.spikeTimes()[p],
                            result.interpolatedTimes()[p]));
                }
                if (stats.diverged()) {
                    diverged[block.run(p)]++;
                    divergedTotal++;
                } else {
                    spikes += stats.spikeCount();
                    rateSum += stats.rateHz();
                    ok++;
                }
                if (listNeurons) {
                    perNeuron.add(new ChunkCounts.NeuronSpikes(run.runId(), neuron, stats.spikeCount()));
                }
            }
            for (Trace trace : result.traces()) {
                int p = trace.neuron();
                sink.trace(new Tables.TraceRecord(runs.get(block.run(p)), block.neuron(p), trace));
            }
            long steps = (long) block.size() * block.settings().steps();
            neuronSteps += steps;
            neurons += block.size();
            progress.accept(steps);
        }
        for (int r = 0; r < runs.size(); r++) {
            RunSpec run = runs.get(r);
            sink.run(new Tables.RunRecord(run, run.template().neurons(), diverged[r]));
        }
        return new ChunkCounts(chunk, runs.size(), neurons, spikes, divergedTotal, neuronSteps, rateSum, ok,
                perNeuron);
    }
}
