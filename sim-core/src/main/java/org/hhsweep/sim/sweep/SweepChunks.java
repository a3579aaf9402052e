package org.hhsweep.sim.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.sensitivity.SensitivityParam;

/**
 * Cuts a sweep's run index range [0, runCount) into chunks of consecutive runs: the unit a
 * distributed job simulates, writes and commits. The content of the output never depends on the
 * cut (each run's rows are a function of the run alone); the files do, which is why a sweep
 * records its chunking and {@code --resume} keeps it.
 *
 * <p>The rule, by work (neuron-steps): spread the sweep over {@link #CHUNKS_PER_CORE} chunks per
 * core of the given parallelism, but give no chunk less than {@link #MIN_NEURON_STEPS} (below that
 * a chunk's files and task cost more than its simulation) nor more than
 * {@link #TARGET_NEURON_STEPS} (a few seconds of one core, so progress moves and a lost task costs
 * little) or {@link #MAX_NEURONS} neurons (the chunk's bookkeeping); at least one run. A run's work
 * counts the longest run the grid can produce. Several chunks per core let the cores that finish
 * first take the remaining ones, so one slow chunk does not leave the other cores idle.
 *
 * @param runsPerChunk runs in every chunk but possibly the last
 */
public record SweepChunks(long runCount, long runsPerChunk) implements Serializable {

    public static final int MAX_NEURONS = 4096;
    public static final long TARGET_NEURON_STEPS = 50_000_000L;
    public static final long MIN_NEURON_STEPS = 5_000_000L;
    public static final int CHUNKS_PER_CORE = 4;
    /** The rule in words, for the manifest. */
    public static final String RULE = "runs per chunk = max(1, min(" + MAX_NEURONS + " / neurons per run, "
            + TARGET_NEURON_STEPS + " / work per run, max(ceil(runs / (" + CHUNKS_PER_CORE + " x parallelism)), "
            + MIN_NEURON_STEPS + " / work per run))); work per run = neurons per run x steps of the longest run"
            + " (x probes of a threshold search)";

    public SweepChunks {
        if (runCount < 1 || runsPerChunk < 1) {
            throw new IllegalArgumentException("need at least one run and one run per chunk, got "
                    + runCount + " runs, " + runsPerChunk + " per chunk");
        }
    }

    /**
     * The project's rule for a sweep.
     *
     * @param parallelism the cores the sweep is cut for (Spark's default parallelism)
     */
    public static SweepChunks of(SweepSpec spec, int parallelism) {
        long steps = maxStepsPerRun(spec);
        if (spec.search() != null) {
            // one search simulates its run once per probe
            int probes = spec.search().probes();
            steps = Math.min(steps, Long.MAX_VALUE / probes) * probes;
        }
        return of(spec.runCount(), spec.base().neurons(), steps, parallelism);
    }

    /** The rule from its inputs: run count, neurons per run, steps of the longest run, cores. */
    public static SweepChunks of(long runCount, int neuronsPerRun, long stepsPerRun, int parallelism) {
        long neurons = Math.max(1, neuronsPerRun);
        long steps = Math.max(1L, stepsPerRun);
        long work = steps > Long.MAX_VALUE / neurons ? Long.MAX_VALUE : neurons * steps;
        long spread = ceilDiv(runCount, (long) CHUNKS_PER_CORE * Math.max(1, parallelism));
        long runs = Math.min(Math.min(MAX_NEURONS / neurons, TARGET_NEURON_STEPS / work),
                Math.max(spread, MIN_NEURON_STEPS / work));
        return new SweepChunks(runCount, Math.max(1, runs));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * Steps of the longest run a grid can produce: the base run's, or the largest over the swept
     * dt and duration values when those are on the grid, sensitivity parameters (or linked to
     * either) or searched (randomly sampled ones are not bounded here and count as the base value). A search's run is
     * counted once, not per probe.
     */
    public static long maxStepsPerRun(SweepSpec spec) {
        RunTemplate base = spec.base();
        double dt = base.dt();
        double duration = base.durationMs();
        for (SweepSpec.GridAxis axis : spec.grid()) {
            List<String> set = setWith(spec, axis.path());
            for (double v : axis.values()) {
                if (set.contains(RunTemplate.DT)) {
                    dt = Math.min(dt, v);
                }
                if (set.contains(RunTemplate.DURATION)) {
                    duration = Math.max(duration, v);
                }
            }
        }
        if (spec.sensitivity() != null) {
            for (SensitivityParam p : spec.sensitivity().params()) {
                List<String> set = setWith(spec, p.path());
                if (set.contains(RunTemplate.DT)) {
                    dt = Math.min(dt, p.low());
                }
                if (set.contains(RunTemplate.DURATION)) {
                    duration = Math.max(duration, p.high());
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

    /** A swept path and the paths linked to it: what its values set. */
    private static List<String> setWith(SweepSpec spec, String path) {
        List<String> set = new ArrayList<>(List.of(path));
        spec.links().stream().filter(l -> l.leader().equals(path)).forEach(l -> set.add(l.follower()));
        return set;
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
