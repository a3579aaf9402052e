package org.hhsweep.sim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.model.NeuronModel;

/**
 * Groups the neurons of a list of runs into blocks that are simulated together. Only runs with
 * equal settings and equal model kinetics can share a block (a block has one dt, one duration, one
 * set of recordings, one set of rate functions; conductances and the like may differ); a run larger
 * than a block is split. Grouping never changes a number, since a neuron's input
 * depends on its run's seed and its own index alone and the step loop treats neurons
 * independently, so blocks are free to be sized for speed and memory.
 */
public final class BlockPlanner {
    /** Large enough to amortise the per-step overhead of a block, small enough to stay in cache. */
    public static final int DEFAULT_MAX_NEURONS = 1024;
    /** Trace samples held by one block before it is written: 16 Mi float32 values, 64 MiB. */
    public static final long DEFAULT_MAX_TRACE_SAMPLES = 16L << 20;

    private BlockPlanner() {
    }

    /** Neurons [firstNeuron, endNeuron) of the run at position {@code run} of the planned list. */
    public record Segment(int run, int firstNeuron, int endNeuron) {
        public int size() {
            return endNeuron - firstNeuron;
        }
    }

    /** One block: its settings and the slices of runs it holds, in block-position order. */
    public static final class Block {
        private final SimulationSettings settings;
        private final List<Segment> segments;
        private final int[] runAt;
        private final int[] neuronAt;

        Block(SimulationSettings settings, List<Segment> segments) {
            this.settings = settings;
            this.segments = List.copyOf(segments);
            int size = segments.stream().mapToInt(Segment::size).sum();
            runAt = new int[size];
            neuronAt = new int[size];
            int p = 0;
            for (Segment s : segments) {
                for (int n = s.firstNeuron(); n < s.endNeuron(); n++, p++) {
                    runAt[p] = s.run();
                    neuronAt[p] = n;
                }
            }
        }

        public SimulationSettings settings() {
            return settings;
        }

        public List<Segment> segments() {
            return segments;
        }

        public int size() {
            return runAt.length;
        }

        /** Position in the planned run list of the neuron at block position p. */
        public int run(int p) {
            return runAt[p];
        }

        /** Index within its run of the neuron at block position p. */
        public int neuron(int p) {
            return neuronAt[p];
        }

        /** The block's neurons, in block-position order. */
        public NeuronSpec[] neurons(List<RunSpec> runs) {
            NeuronSpec[] out = new NeuronSpec[runAt.length];
            for (int p = 0; p < out.length; p++) {
                out[p] = runs.get(runAt[p]).neuron(neuronAt[p]);
            }
            return out;
        }
    }

    private record GroupKey(SimulationSettings settings, NeuronModel kinetics) {
    }

    public static List<Block> plan(List<RunSpec> runs) {
        return plan(runs, DEFAULT_MAX_NEURONS, DEFAULT_MAX_TRACE_SAMPLES);
    }

    /**
     * @param maxNeurons      neurons per block, at least 1
     * @param maxTraceSamples trace samples a block may hold; a single traced neuron over the
     *                        bound still gets a block of its own
     */
    public static List<Block> plan(List<RunSpec> runs, int maxNeurons, long maxTraceSamples) {
        if (maxNeurons < 1) {
            throw new IllegalArgumentException("blocks need room for a neuron, got " + maxNeurons);
        }
        Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            RunTemplate t = runs.get(r).template();
            groups.computeIfAbsent(new GroupKey(t.settings(), t.model().kinetics()), s -> new ArrayList<>()).add(r);
        }
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<GroupKey, List<Integer>> group : groups.entrySet()) {
            SimulationSettings settings = group.getKey().settings();
            long perTraced = settings.traceVariables().size() * (settings.steps() / settings.traceEvery());
            List<Segment> open = new ArrayList<>();
            int size = 0;
            long samples = 0;
            for (int r : group.getValue()) {
                RunTemplate t = runs.get(r).template();
                int traced = settings.traceVariables().isEmpty() ? 0 : t.tracedNeurons();
                int n = 0;
                while (n < t.neurons()) {
                    int take = Math.min(t.neurons() - n, maxNeurons - size);
                    int tracedTaken = Math.max(0, Math.min(n + take, traced) - n);
                    if (tracedTaken > 0 && samples + tracedTaken * perTraced > maxTraceSamples) {
                        long fit = perTraced == 0 ? tracedTaken : (maxTraceSamples - samples) / perTraced;
                        take = (int) Math.max(size == 0 ? 1 : 0, Math.min(tracedTaken, fit));
                        tracedTaken = Math.max(0, Math.min(n + take, traced) - n);
                    }
                    if (take > 0) {
                        open.add(new Segment(r, n, n + take));
                        size += take;
                        samples += tracedTaken * perTraced;
                        n += take;
                    }
                    if (take == 0 || size == maxNeurons) {
                        blocks.add(new Block(settings, open));
                        open.clear();
                        size = 0;
                        samples = 0;
                    }
                }
            }
            if (!open.isEmpty()) {
                blocks.add(new Block(settings, open));
            }
        }
        return blocks;
    }
}
