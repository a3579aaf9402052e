package org.hhsweep.sim.sweep;

import java.io.Serializable;

/**
 * Cuts a sweep's run index range [0, runCount) into chunks of consecutive runs: the unit a
 * distributed job simulates, writes and commits. The cut depends on the sweep alone, never on the
 * number of workers, so the output files (not only their content) are the same however a job runs.
 *
 * <p>The rule: as many whole runs as fit both {@link #MAX_NEURONS} neurons and
 * {@link #TARGET_NEURON_STEPS} neuron-steps, at least one run. The neuron bound keeps a chunk's
 * bookkeeping small; the neuron-step bound keeps a chunk a few seconds of one core's work, so long
 * runs with few neurons still spread over every core and progress moves steadily.
 *
 * @param runsPerChunk runs in every chunk but possibly the last
 */
public record SweepChunks(long runCount, long runsPerChunk) implements Serializable {

    public static final int MAX_NEURONS = 4096;
    public static final long TARGET_NEURON_STEPS = 50_000_000L;

    public SweepChunks {
        if (runCount < 1 || runsPerChunk < 1) {
            throw new IllegalArgumentException("need at least one run and one run per chunk, got "
                    + runCount + " runs, " + runsPerChunk + " per chunk");
        }
    }

    /** The project's rule for a sweep. */
    public static SweepChunks of(SweepSpec spec) {
        long steps = maxStepsPerRun(spec);
        if (spec.search() != null) {
            // one search simulates its run once per probe
            int probes = spec.search().probes();
            steps = Math.min(steps, Long.MAX_VALUE / probes) * probes;
        }
        return of(spec.runCount(), spec.base().neurons(), steps);
    }

    /** The rule from its inputs: run count, neurons per run, steps of the longest run. */
    public static SweepChunks of(long runCount, int neuronsPerRun, long stepsPerRun) {
        long byNeurons = MAX_NEURONS / Math.max(1, neuronsPerRun);
        long bySteps = TARGET_NEURON_STEPS / Math.max(1L, (long) neuronsPerRun * Math.max(1L, stepsPerRun));
        return new SweepChunks(runCount, Math.max(1, Math.min(byNeurons, bySteps)));
    }

    /**
     * Steps of the longest run a grid can produce: the base run's, or the largest over the swept
     * dt and duration values when those are on the grid or searched (randomly sampled ones are not
     * bounded here and count as the base value). A search's run is counted once, not per probe.
     */
    public static long maxStepsPerRun(SweepSpec spec) {
        RunTemplate base = spec.base();
        double dt = base.dt();
        double duration = base.durationMs();
        for (SweepSpec.GridAxis axis : spec.grid()) {
            for (double v : axis.values()) {
                if (axis.path().equals(RunTemplate.DT)) {
                    dt = Math.min(dt, v);
                } else if (axis.path().equals(RunTemplate.DURATION)) {
                    duration = Math.max(duration, v);
                }
            }
        }
        SearchSpec search = spec.search();
        if (search != null && search.path().equals(RunTemplate.DT)) {
            dt = Math.min(dt, search.from());
        } else if (search != null && search.path().equals(RunTemplate.DURATION)) {
            duration = Math.max(duration, search.to());
        }
        return Math.max(1, Math.round(duration / dt));
    }

    public long count() {
        return (runCount + runsPerChunk - 1) / runsPerChunk;
    }

    /** First run of a chunk. */
    public long firstRun(long chunk) {
        check(chunk);
        return chunk * runsPerChunk;
    }

    /** One past the last run of a chunk. */
    public long endRun(long chunk) {
        check(chunk);
        return Math.min(runCount, (chunk + 1) * runsPerChunk);
    }

    private void check(long chunk) {
        if (chunk < 0 || chunk >= count()) {
            throw new IndexOutOfBoundsException("chunk " + chunk + " of " + count());
        }
    }
}
