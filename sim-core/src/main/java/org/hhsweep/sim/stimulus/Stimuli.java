package org.hhsweep.sim.stimulus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the array-based {@link Stimulus} of a block from its neurons' specs. */
public final class Stimuli {
    private Stimuli() {
    }

    /**
     * @param specs one spec per neuron of the block
     * @param keys  one random-stream key per neuron (ignored by deterministic stimuli); for a
     *              JAX replay, {@link JaxUniformCurrent#streamKey}
     * @param dt    the step in ms
     */
    public static Stimulus forBlock(StimulusSpec[] specs, long[] keys, double dt) {
        if (specs.length != keys.length) {
            throw new IllegalArgumentException("specs and keys differ in length: " + specs.length + " vs " + keys.length);
        }
        Map<Class<?>, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < specs.length; i++) {
            byType.computeIfAbsent(specs[i].getClass(), c -> new ArrayList<>()).add(i);
        }
        if (byType.size() == 1) {
            return homogeneous(specs, keys, dt);
        }
        List<int[]> targets = new ArrayList<>();
        List<Stimulus> parts = new ArrayList<>();
        for (List<Integer> idx : byType.values()) {
            int[] target = idx.stream().mapToInt(Integer::intValue).toArray();
            StimulusSpec[] s = new StimulusSpec[target.length];
            long[] k = new long[target.length];
            for (int j = 0; j < target.length; j++) {
                s[j] = specs[target[j]];
                k[j] = keys[target[j]];
            }
            targets.add(target);
            parts.add(homogeneous(s, k, dt));
        }
        return new MixedStimulus(parts.toArray(Stimulus[]::new), targets.toArray(int[][]::new));
    }

    /** Specs of one class are of one type, which builds their current. */
    private static Stimulus homogeneous(StimulusSpec[] specs, long[] keys, double dt) {
        return specs[0].kind().engine(specs, keys, dt);
    }

    /** A block whose neurons have stimuli of different types: each part fills its own neurons. */
    private static final class MixedStimulus implements Stimulus {
        private final Stimulus[] parts;
        private final int[][] targets;
        private final double[][] buffers;

        MixedStimulus(Stimulus[] parts, int[][] targets) {
            this.parts = parts;
            this.targets = targets;
            this.buffers = new double[parts.length][];
            for (int p = 0; p < parts.length; p++) {
                buffers[p] = new double[targets[p].length];
            }
        }

        @Override
        public void current(long step, double[] out) {
            for (int p = 0; p < parts.length; p++) {
                double[] buf = buffers[p];
                int[] target = targets[p];
                parts[p].current(step, buf);
                for (int j = 0; j < target.length; j++) {
                    out[target[j]] = buf[j];
                }
            }
        }
    }
}
