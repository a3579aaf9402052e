package org.hhsweep.sim.random;

/**
 * Every random number of a sweep, as a pure function of a stream key and a counter.
 *
 * <p>Keys derive from (sweep seed, run index, neuron index, purpose) by hashing alone, and a value is
 * {@code mix(key + (counter + 1) * GOLDEN)} (SplitMix64's output function applied to a counter, i.e.
 * a counter-based generator). No generator state is carried between calls, so a neuron's numbers
 * cannot depend on which block, thread, task or machine computes them, or in what order. This is
 * the only place in the project that creates random numbers.
 */
public final class RandomStreams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Neuron index used for a stream shared by all neurons of a run (the tutorial's shared input). */
    public static final long SHARED = -1L;

    private RandomStreams() {
    }

    /** Distinct purposes get unrelated streams even for the same (seed, run, neuron). */
    public enum Purpose {
        STIMULUS(0x5851F42D4C957F2DL),
        SAMPLING(0x14057B7EF767814FL),
        INITIAL_STATE(0x2545F4914F6CDD1DL),
        /** A network's synapses: the "neuron" of its key is the synapse group's index. */
        CONNECTIVITY(0x3C6EF372FE94F82BL),
        /** A sensitivity design: Sobol's digital shift, Morris' trajectories. */
        SENSITIVITY(0x71374491428A2F98L),
        /** The resampling behind a sensitivity estimate's confidence interval. */
        BOOTSTRAP(0x0F6A6D5C7C2B1E39L);

        final long salt;

        Purpose(long salt) {
            this.salt = salt;
        }
    }

    /** SplitMix64's finaliser (Stafford's variant 13): a bijective 64-bit mixer. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of run {@code run} of a sweep with seed {@code sweepSeed}. */
    public static long runSeed(long sweepSeed, long run) {
        return mix64(mix64(sweepSeed ^ 0x6A09E667F3BCC909L) + (run + 1) * GOLDEN);
    }

    /** The key of a neuron's stream (neuron = {@link #SHARED} for a run-wide stream). */
    public static long streamKey(long runSeed, long neuron, Purpose purpose) {
        return mix64(mix64(runSeed ^ purpose.salt) + (neuron + 2) * GOLDEN);
    }

    /** 64 random bits, number {@code counter} of stream {@code key}. */
    public static long bits(long key, long counter) {
        return mix64(key + (counter + 1) * GOLDEN);
    }

    /** A double uniform in [0, 1) with 53 random bits. */
    public static double uniform(long key, long counter) {
        return (bits(key, counter) >>> 11) * 0x1.0p-53;
    }

    /**
     * A standard normal deviate, number {@code counter} of stream {@code key}, by the Box-Muller
     * transform of two uniforms taken from counters 2k and 2k+1 (the sine half is not used, so each
     * value is a function of its own counter alone).
     */
    public static double gaussian(long key, long counter) {
        double u1 = 1.0 - uniform(key, 2 * counter);   // (0, 1]: log stays finite
        double u2 = uniform(key, 2 * counter + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
