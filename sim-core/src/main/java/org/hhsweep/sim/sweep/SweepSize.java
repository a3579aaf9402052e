package org.hhsweep.sim.sweep;

/**
 * How big a sweep is: runs, neurons, neuron-steps and trace samples, for progress, estimates and
 * the manifest. Exact when every run is visited (up to {@link #EXACT_LIMIT} runs), otherwise
 * scaled up from evenly spaced runs; only swept dt or duration make runs differ in length. A
 * threshold search counts every probe (an upper bound: searches without a change stop early).
 *
 * @param neuronSteps  neurons times steps, summed over runs
 * @param traceSamples float samples recorded in traces, summed over runs
 * @param traceRows    traced (neuron, variable) pairs, summed over runs
 * @param exact        false when extrapolated from a sample of runs
 */
public record SweepSize(long runs, long neurons, long neuronSteps, long traceSamples, long traceRows,
                        boolean exact) {

    public static final long EXACT_LIMIT = 100_000;
    static final int SAMPLE = 10_000;

    public static SweepSize of(SweepSpec spec) {
        long runs = spec.runCount();
        boolean exact = runs <= EXACT_LIMIT;
        long visits = exact ? runs : SAMPLE;
        double steps = 0;
        double samples = 0;
        double rows = 0;
        for (long k = 0; k < visits; k++) {
            long index = exact ? k : (long) ((double) k * runs / visits);
            RunTemplate t = spec.run(index).template();
            long runSteps = t.settings().steps();
            steps += (double) t.neurons() * runSteps;
            int traced = t.traceVariables().isEmpty() ? 0 : Math.min(t.tracedNeurons(), t.neurons());
            long pairs = (long) traced * t.traceVariables().size();
            rows += pairs;
            samples += (double) pairs * (runSteps / t.traceEverySteps());
        }
        double scale = (double) runs / visits;
        if (spec.search() != null) {
            // A search simulates its run once per probe and records no traces. Probes beyond the
            // ends stop early when there is no change, so this is an upper bound.
            return new SweepSize(runs, spec.neuronCount(), Math.round(steps * scale * spec.search().probes()), 0, 0,
                    false);
        }
        return new SweepSize(runs, spec.neuronCount(), Math.round(steps * scale), Math.round(samples * scale),
                Math.round(rows * scale), exact);
    }
}
