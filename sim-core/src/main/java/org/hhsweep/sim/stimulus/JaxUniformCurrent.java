package org.hhsweep.sim.stimulus;

import org.hhsweep.sim.random.JaxRandom;

/**
 * Uniform noise replayed from JAX's generator ({@link StimulusSpec.JaxUniform}): neuron i's current
 * in step k is element {@code k * stride[i] + offset[i]} of jax.random.uniform(sub, shape, float32,
 * low, high), where sub is the second half of one split of PRNGKey(seed). A shared stream has
 * stride 1 and offset 0; a per-neuron one has the run's neuron count as stride and the neuron's
 * index as offset. Every value is a function of (seed, element) alone, so blocks, order and
 * partitioning cannot change it.
 */
public final class JaxUniformCurrent implements Stimulus {
    private static final long MAX_SEED = 0xFFFFFFFFL;

    private final float[] low;
    private final float[] high;
    private final long[] sub;
    private final long[] stride;
    private final long[] offset;

    /**
     * @param keys   per neuron, {@link #streamKey}(seed, offset)
     * @param stride per neuron, the row length of its run's draw (1 when shared)
     */
    public JaxUniformCurrent(double[] low, double[] high, long[] keys, int[] stride) {
        int n = low.length;
        this.low = new float[n];
        this.high = new float[n];
        this.sub = new long[n];
        this.stride = new long[n];
        this.offset = new long[n];
        for (int i = 0; i < n; i++) {
            // JAX receives the bounds as float32, as the tutorial's Python floats become.
            this.low[i] = (float) low[i];
            this.high[i] = (float) high[i];
            this.sub[i] = JaxRandom.split(JaxRandom.prngKey(keys[i] & MAX_SEED), 1);
            this.offset[i] = keys[i] >>> 32;
            this.stride[i] = stride[i];
            if (offset[i] >= stride[i]) {
                throw new IllegalArgumentException("neuron " + offset[i] + " is outside a run of " + stride[i]
                        + " neurons drawing one (steps, neurons) array");
            }
        }
    }

    /**
     * The stream key of a neuron: the run's JAX seed and the neuron's column in the run's draw
     * (0 for a shared stream), packed into one long as the other stimuli's keys are.
     */
    public static long streamKey(long seed, long offset) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("JAX replay takes seeds in [0, 2^32), got " + seed);
        }
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("neuron index out of range: " + offset);
        }
        return offset << 32 | seed;
    }

    @Override
    public void current(long step, double[] out) {
        for (int i = 0; i < low.length; i++) {
            out[i] = JaxRandom.uniform(sub[i], step * stride[i] + offset[i], low[i], high[i]);
        }
    }
}
