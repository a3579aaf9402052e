package org.hhsweep.sim.sensitivity;

import org.hhsweep.sim.sweep.SweepSpec;

/**
 * One output's values at one grid point, gathered by run index, and their analysis. A design run's
 * output is the mean of every value given for its runs: each neuron of each seed replicate (or
 * each run's own mean over its neurons: with as many neurons in every run, the mean is the same).
 * One null value (NaN: a statistic undefined for a neuron, or a diverged neuron) makes the design
 * run's output null: a mean over the neurons that happen to have the statistic would bias it (the
 * first spike of those that fired), so the estimators leave the design run out and count it.
 */
public final class PointOutputs {
    private final SweepSpec spec;
    private final long gridPoint;
    private final long first;
    private final double[] sum;
    private final int[] count;
    private final boolean[] isNull;
    /** Values given per run of the grid point, to tell a run never given from a null one. */
    private final int[] given;

    public PointOutputs(SweepSpec spec, long gridPoint) {
        if (spec.sensitivity() == null) {
            throw new IllegalArgumentException("sweep " + spec.name() + " has no sensitivity analysis");
        }
        this.spec = spec;
        this.gridPoint = gridPoint;
        this.first = spec.firstRun(gridPoint);
        int runs = spec.sensitivity().runs();
        sum = new double[runs];
        count = new int[runs];
        isNull = new boolean[runs];
        given = new int[Math.toIntExact(spec.runsPerPoint())];
    }

    /**
     * A value of the output in run {@code run} (one neuron's, or the run's mean over its
     * neurons), NaN for null.
     *
     * @throws IllegalArgumentException for a run of another grid point
     */
    public PointOutputs add(long run, double value) {
        if (run < first || run - first >= given.length) {
            throw new IllegalArgumentException("run " + run + " is not of grid point " + gridPoint + " (runs "
                    + first + " to " + (first + given.length - 1) + ")");
        }
        given[(int) (run - first)]++;
        int d = spec.position(run).sample();
        if (Double.isNaN(value)) {
            isNull[d] = true;
        } else {
            sum[d] += value;
            count[d]++;
        }
        return this;
    }

    /**
     * The output of every design run, NaN where null.
     *
     * @throws IllegalStateException when a run of the grid point was given no value
     */
    public double[] designOutputs() {
        for (int r = 0; r < given.length; r++) {
            if (given[r] == 0) {
                throw new IllegalStateException("run " + (first + r) + " of grid point " + gridPoint + " has no output");
            }
        }
        double[] out = new double[sum.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = isNull[d] ? Double.NaN : sum[d] / count[d];
        }
        return out;
    }

    /** The indices at this grid point ({@link SensitivitySpec#analyze}). */
    public SensitivityResult analyze() {
        return spec.sensitivity().analyze(designOutputs(), gridPoint);
    }
}
