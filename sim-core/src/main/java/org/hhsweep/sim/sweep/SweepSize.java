package org.hhsweep.sim.sweep;

/**
 * How big a sweep is: runs, neurons, neuron-steps and trace samples, for progress, estimates and
 * the manifest. Exact when every run is visited (up to {@link #EXACT_LIMIT} runs), otherwise
 * scaled up from evenly spaced runs; only swept dt or duration make runs differ in length. A
 * threshold search counts every probe (an upper bound: searches without a change stop early).
 * A count beyond a long is {@link #SATURATED}, and a size with one is never exact.
 *
 * @param neuronSteps  neurons times steps, summed over runs
 * @param traceSamples float samples recorded in traces, summed over runs
 * @param traceRows    traced (neuron, variable) pairs, summed over runs
 * @param exact        false when extrapolated from a sample of runs, or when a count saturated
 */
public record SweepSize(long runs, long neurons, long neuronSteps, long traceSamples, long traceRows,
                        boolean exact) {

    public static final long EXACT_LIMIT = 100_000;
    /** A count too large for a long. */
    public static final long SATURATED = Long.MAX_VALUE;
    static final int SAMPLE = 10_000;

    public static SweepSize of(SweepSpec spec) {
        long runs = spec.runCount();
        boolean visitAll = runs <= EXACT_LIMIT;
        long visits = visitAll ? runs : SAMPLE;
        // Exact sums in longs (saturating), and the same sums in doubles to scale up a sample.
        long steps = 0;
        long samples = 0;
        double stepsSampled = 0;
        double samplesSampled = 0;
        double rows = 0;
        for (long k = 0; k < visits; k++) {
            long index = visitAll ? k : (long) ((double) k * runs / visits);
            RunTemplate t = spec.run(index).template();
            long runSteps = t.settings().steps();
            int traced = t.traceVariables().isEmpty() ? 0 : Math.min(t.tracedNeurons(), t.neurons());
            long pairs = (long) traced * t.traceVariables().size();
            long pairSamples = runSteps / t.traceEverySteps();
            steps = add(steps, multiply(t.neurons(), runSteps));
            samples = add(samples, multiply(pairs, pairSamples));
            stepsSampled += (double) t.neurons() * runSteps;
            samplesSampled += (double) pairs * pairSamples;
            rows += pairs;
        }
        double scale = (double) runs / visits;
        if (spec.search() != null) {
            // A search simulates its run once per probe and records no traces. Probes beyond the
            // ends stop early when there is no change, so this is an upper bound.
            return new SweepSize(runs, spec.neuronCount(), scaled(stepsSampled * scale * spec.search().probes()),
                    0, 0, false);
        }
        if (visitAll) {
            return new SweepSize(runs, spec.neuronCount(), steps, samples, Math.round(rows),
                    steps != SATURATED && samples != SATURATED);
        }
        return new SweepSize(runs, spec.neuronCount(), scaled(stepsSampled * scale), scaled(samplesSampled * scale),
                Math.round(rows * scale), false);
    }

    /** Whether a count was too large for a long (then it is {@link #SATURATED}). */
    public boolean saturated() {
        return neuronSteps == SATURATED || traceSamples == SATURATED;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return a == SATURATED || b == SATURATED || sum < 0 ? SATURATED : sum;
    }

    private static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? SATURATED : low;
    }

    /** Math.round already gives Long.MAX_VALUE beyond a long: said here so it stays so. */
    private static long scaled(double count) {
        return count >= 0x1p63 ? SATURATED : Math.round(count);
    }
}
