package org.hhsweep.spark.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.fit.Candidate;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.BlockPlanner;
import org.hhsweep.sim.sweep.RunSpec;

/**
 * What a Spark task of a fit's generation does with its share of the runs (indices candidate x
 * rows + row): build them from the fit, simulate them in blocks as a sweep's chunk does, and hand
 * back each run's prediction (one number per loss statistic), not its neurons. Blocks never change
 * a number, and a run's neurons are averaged in neuron order, so a prediction is the same bits
 * however the runs are sliced.
 */
final class FitTask implements FlatMapFunction<Iterator<Integer>, FitTask.Prediction> {
    private static final long serialVersionUID = 1L;

    /** A run's prediction of each loss statistic (null where its neurons have none). */
    record Prediction(int candidate, int row, Double[] values) implements Serializable {
    }

    private final FitSpec fit;
    private final List<Candidate> candidates;
    private final ExecutionSettings exec;

    FitTask(FitSpec fit, List<Candidate> candidates, ExecutionSettings exec) {
        this.fit = fit;
        this.candidates = List.copyOf(candidates);
        this.exec = exec;
    }

    @Override
    public Iterator<Prediction> call(Iterator<Integer> indices) {
        int rows = fit.conditions();
        List<Integer> taken = new ArrayList<>();
        indices.forEachRemaining(taken::add);
        List<RunSpec> runs = new ArrayList<>(taken.size());
        for (int i : taken) {
            runs.add(fit.run(candidates.get(i / rows), i % rows));
        }
        NeuronStatistics[][] neurons = new NeuronStatistics[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            neurons[r] = new NeuronStatistics[runs.get(r).template().neurons()];
        }
        for (BlockPlanner.Block block : BlockPlanner.plan(runs, exec.blockNeurons(), exec.maxTraceSamples())) {
            BlockResult result = Simulator.simulate(block.settings(), block.neurons(runs));
            for (int p = 0; p < block.size(); p++) {
                neurons[block.run(p)][block.neuron(p)] = result.statistics()[p];
            }
        }
        List<Prediction> out = new ArrayList<>(runs.size());
        for (int r = 0; r < runs.size(); r++) {
            int i = taken.get(r);
            out.add(new Prediction(i / rows, i % rows, fit.loss().predict(Arrays.asList(neurons[r]))));
        }
        return out.iterator();
    }
}
