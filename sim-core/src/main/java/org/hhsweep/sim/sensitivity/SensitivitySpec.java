package org.hhsweep.sim.sensitivity;

import java.io.Serializable;
import java.util.List;
import org.hhsweep.sim.random.RandomStreams;

/**
 * A global sensitivity analysis ({@code sweep.sensitivity}): a design of runs over the parameters'
 * ranges, repeated at every grid point, and the estimator that turns a grid point's outputs into
 * indices. The design is computed, not stored: design run d's parameter values are
 * {@link #values(int)}, from d and the sweep seed alone. Serializable with the sweep spec that
 * holds it.
 */
public final class SensitivitySpec implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * The most design runs per grid point: the estimator holds a grid point's outputs (8 bytes a
     * run) in memory, 512 MiB at this bound.
     */
    public static final int MAX_RUNS = 1 << 26;

    private final SensitivityMethod method;
    private final int samples;
    private final List<SensitivityParam> params;
    private final List<String> paths;
    private final List<String> outputs;
    private final long seed;
    private final SobolDesign sobol;
    private final MorrisDesign morris;

    /**
     * @param samples sobol: N base samples (a power of 2); morris: r trajectories
     * @param levels  morris: p grid levels (even); ignored for sobol
     * @param outputs statistics of the summaries table
     * @param seed    the sweep seed: Sobol's digital shift, Morris' trajectories and the bootstrap
     *                derive from it
     */
    public SensitivitySpec(SensitivityMethod method, int samples, int levels, List<SensitivityParam> params,
                           List<String> outputs, long seed) {
        if (params.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("a sensitivity analysis needs parameters and outputs");
        }
        if (runs(method, samples, params.size()) > MAX_RUNS) {
            throw new IllegalArgumentException(runs(method, samples, params.size()) + " design runs, more than " + MAX_RUNS);
        }
        this.method = method;
        this.samples = samples;
        this.params = List.copyOf(params);
        this.paths = this.params.stream().map(SensitivityParam::path).toList();
        this.outputs = List.copyOf(outputs);
        this.seed = seed;
        long designKey = RandomStreams.streamKey(seed, RandomStreams.SHARED, RandomStreams.Purpose.SENSITIVITY);
        this.sobol = method == SensitivityMethod.SOBOL ? new SobolDesign(params.size(), samples, designKey) : null;
        this.morris = method == SensitivityMethod.MORRIS ? new MorrisDesign(params.size(), samples, levels, designKey) : null;
    }

    /** Design runs per grid point: N (k + 2) for sobol, r (k + 1) for morris. */
    public static long runs(SensitivityMethod method, long samples, int params) {
        return samples * (method == SensitivityMethod.SOBOL ? params + 2L : params + 1L);
    }

    public SensitivityMethod method() {
        return method;
    }

    /** sobol: N base samples; morris: r trajectories. */
    public int samples() {
        return samples;
    }

    /** morris: p grid levels; 0 for sobol. */
    public int levels() {
        return morris == null ? 0 : morris.levels();
    }

    public List<SensitivityParam> params() {
        return params;
    }

    /** The parameters' paths in config order. */
    public List<String> paths() {
        return paths;
    }

    /** The statistics analysed, named as the summaries table's columns. */
    public List<String> outputs() {
        return outputs;
    }

    /** Design runs per grid point (before seed replicates). */
    public int runs() {
        return sobol != null ? sobol.runs() : morris.runs();
    }

    /** The Sobol design, or null for morris. */
    public SobolDesign sobol() {
        return sobol;
    }

    /** The Morris design, or null for sobol. */
    public MorrisDesign morris() {
        return morris;
    }

    /** Design run d's point in the unit cube. */
    public double[] unitPoint(int run) {
        return sobol != null ? sobol.unitPoint(run) : morris.unitPoint(run);
    }

    /** Design run d's parameter values in their engine units, in config order. */
    public double[] values(int run) {
        double[] u = unitPoint(run);
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = params.get(i).value(u[i]);
        }
        return out;
    }

    /** The bootstrap's random stream at a grid point. */
    public long bootstrapKey(long gridPoint) {
        return RandomStreams.streamKey(RandomStreams.runSeed(seed, gridPoint), RandomStreams.SHARED,
                RandomStreams.Purpose.BOOTSTRAP);
    }

    /**
     * The indices of one output at one grid point.
     *
     * @param y         the output of every design run, NaN where it is null
     * @param gridPoint which grid point (it seeds the bootstrap)
     */
    public SensitivityResult analyze(double[] y, long gridPoint) {
        if (y.length != runs()) {
            throw new IllegalArgumentException("a design of " + runs() + " runs, got " + y.length + " outputs");
        }
        int nulls = 0;
        for (double v : y) {
            if (Double.isNaN(v)) {
                nulls++;
            }
        }
        long key = bootstrapKey(gridPoint);
        List<SensitivityIndex> indices = sobol != null ? SobolAnalysis.indices(sobol, paths, y, key)
                : MorrisAnalysis.indices(morris, paths, y, key);
        return new SensitivityResult(method, indices, y.length, nulls);
    }
}
