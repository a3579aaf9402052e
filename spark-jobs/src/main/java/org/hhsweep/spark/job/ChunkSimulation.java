package org.hhsweep.spark.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.network.NetworkResult;
import org.hhsweep.sim.network.NetworkSimulation;
import org.hhsweep.sim.network.PopulationRates;
import org.hhsweep.sim.network.PopulationSummary;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.BlockPlanner;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.Tables;

/**
 * Simulates the runs [firstRun, endRun) of a sweep block by block and streams their rows to a sink:
 * summaries, spikes and traces as each block finishes, a run's row once all its neurons are done.
 * Only one block's results are in memory at a time. A network run is simulated whole, one run at a
 * time ({@link NetworkSimulation}: its neurons interact, so it is never split), and its rows go out
 * once it is done.
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
        if (spec.base().network() != null) {
            return networks(runs, chunk, sink, progress);
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

    /**
     * Each run a network, simulated whole and in order: its neurons' rows population by population
     * (neuron numbered within its population), its populations' rows, its rates when recorded. No
     * per-neuron listing: a neuron's number alone does not say which it is.
     */
    private static ChunkCounts networks(List<RunSpec> runs, long chunk, ChunkSink sink, LongConsumer progress)
            throws IOException {
        long neurons = 0, spikes = 0, divergedTotal = 0, neuronSteps = 0, ok = 0;
        double rateSum = 0;
        List<Tables.RunRecord> done = new ArrayList<>(runs.size());
        for (RunSpec run : runs) {
            RunTemplate t = run.template();
            SimulationSettings settings = t.settings();
            NetworkResult result = NetworkSimulation.run(t.network(), settings, run.seed(), t.ratesBinMs());
            int diverged = 0;
            for (Map.Entry<String, BlockResult> e : result.populations().entrySet()) {
                String population = e.getKey();
                BlockResult block = e.getValue();
                for (int i = 0; i < block.statistics().length; i++) {
                    NeuronStatistics stats = block.statistics()[i];
                    sink.neuron(new Tables.NeuronRecord(run, population, i, stats));
                    if (block.spikeTimes() != null) {
                        sink.spikes(new Tables.SpikeRecord(run, population, i, block.spikeTimes()[i],
                                block.interpolatedTimes()[i]));
                    }
                    if (stats.diverged()) {
                        diverged++;
                    } else {
                        spikes += stats.spikeCount();
                        rateSum += stats.rateHz();
                        ok++;
                    }
                }
            }
            for (PopulationSummary p : result.summaries()) {
                sink.population(new Tables.PopulationRecord(run, p));
            }
            for (PopulationRates r : result.rates()) {
                double[] rates = r.rateHz();
                for (int b = 0; b < rates.length; b++) {
                    sink.rate(new Tables.RateRecord(run, r.population(), b, b * r.binMs(), rates[b]));
                }
            }
            done.add(new Tables.RunRecord(run, t.neurons(), diverged, result.synapses()));
            long steps = t.neurons() * settings.steps();
            neurons += t.neurons();
            divergedTotal += diverged;
            neuronSteps += steps;
            progress.accept(steps);
        }
        for (Tables.RunRecord r : done) {
            sink.run(r);
        }
        return new ChunkCounts(chunk, runs.size(), neurons, spikes, divergedTotal, neuronSteps, rateSum, ok,
                List.of());
    }
}
