package org.hhsweep.sim.network;

import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.record.StepObserver;
import org.hhsweep.sim.stats.NeuronStatistics;

/**
 * A population's activity as a whole, accumulated online after each step without allocating: its
 * spikes per rate bin, read from the population's {@link SpikeDetector} (which must observe the
 * step before this), and the sums Golomb's synchrony measure chi needs.
 *
 * <p>Rate bins: step k's spikes (their time is the end of the step, (k + 1) dt) count in bin
 * floor(k / binSteps), the bin holding the crossing step, so bin b holds the spike times in
 * (b binMs, (b + 1) binMs]; there are ceil(steps / binSteps) bins and the last may be shorter.
 *
 * <p>Chi samples V after every step of the analysis window (of the whole run without one):
 * chi^2 = var_t(mean_i V_i) / mean_i var_t(V_i), population variances over the samples. V sits
 * near -65 mV and varies by a few mV, so the sums are of offsets from each neuron's first sample
 * (and the mean's of the mean of those): the variance does not drown in cancelling squares.
 */
public final class PopulationRecorder implements StepObserver {
    private final SpikeDetector spikes;
    private final int size;
    private final double dt;
    private final long steps;
    private final long binSteps;
    private final long[] binCounts;
    private final long chiStart;
    private final long chiEnd;

    private final double[] reference;
    private final double[] offsetSum;
    private final double[] offsetSumSq;
    private double meanOffsetSum;
    private double meanOffsetSumSq;
    private long samples;

    /**
     * @param steps      the steps of the run
     * @param ratesBinMs the rate bin, a whole number of steps, or NaN for no rates
     * @param chiStart   the first step whose state chi samples; chiEnd the step after the last
     */
    public PopulationRecorder(SpikeDetector spikes, int size, double dt, long steps, double ratesBinMs, long chiStart,
                              long chiEnd) {
        this.spikes = spikes;
        this.size = size;
        this.dt = dt;
        this.steps = steps;
        if (Double.isNaN(ratesBinMs)) {
            binSteps = 0;
            binCounts = null;
        } else {
            binSteps = binSteps(ratesBinMs, dt);
            long bins = (steps + binSteps - 1) / binSteps;
            if (bins > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(bins + " rate bins, more than an array holds");
            }
            binCounts = new long[(int) bins];
        }
        this.chiStart = chiStart;
        this.chiEnd = chiEnd;
        reference = new double[size];
        offsetSum = new double[size];
        offsetSumSq = new double[size];
    }

    /**
     * The steps of a rate bin: binMs / dt, which must be a whole number of at least one (within a
     * relative 1e-9 for decimal-to-binary rounding).
     */
    public static long binSteps(double binMs, double dt) {
        double k = binMs / dt;
        double whole = Math.rint(k);
        if (!(whole >= 1) || Math.abs(k - whole) > 1e-9 * whole) {
            throw new IllegalArgumentException("a rate bin must be a whole number of steps of " + dt + " ms, got "
                    + binMs + " ms");
        }
        return (long) whole;
    }

    @Override
    public void afterStep(long step, NeuronBlock block, double[] vBefore, double[] current) {
        if (binCounts != null) {
            binCounts[(int) (step / binSteps)] += spikes.firedCount();
        }
        if (step < chiStart || step >= chiEnd) {
            return;
        }
        double[] v = block.V;
        if (samples == 0) {
            System.arraycopy(v, 0, reference, 0, size);
        }
        double[] ref = reference;
        double[] sum = offsetSum;
        double[] sumSq = offsetSumSq;
        double mean = 0;
        for (int i = 0; i < size; i++) {
            double d = v[i] - ref[i];
            sum[i] += d;
            sumSq[i] += d * d;
            mean += d;
        }
        mean /= size;
        meanOffsetSum += mean;
        meanOffsetSumSq += mean * mean;
        samples++;
    }

    /** Golomb's chi over the samples so far; NaN when every neuron's V was constant (or no samples). */
    public double chi() {
        if (samples == 0) {
            return Double.NaN;
        }
        double n = samples;
        double varSum = 0;
        for (int i = 0; i < size; i++) {
            double m = offsetSum[i] / n;
            varSum += Math.max(0.0, offsetSumSq[i] / n - m * m);
        }
        double m = meanOffsetSum / n;
        double varMean = Math.max(0.0, meanOffsetSumSq / n - m * m);
        return Math.sqrt(varMean / (varSum / size));
    }

    /** The rate in each bin, spikes per neuron per second; null when no rates are recorded. */
    public double[] rates() {
        if (binCounts == null) {
            return null;
        }
        double[] out = new double[binCounts.length];
        for (int b = 0; b < out.length; b++) {
            long binEnd = Math.min(steps, (b + 1) * binSteps);
            double seconds = (binEnd - b * binSteps) * dt / 1000.0;
            out[b] = binCounts[b] / (size * seconds);
        }
        return out;
    }

    /** The rate bin in ms as the rates are divided by it. */
    public double binMs() {
        return binSteps * dt;
    }

    /**
     * The population's summary from its neurons' statistics and this recorder's chi: the rate and
     * the silent fraction over the neurons that did not diverge (NaN when all did), the CV averaged
     * over those with three spikes or more; chi is NaN when a neuron diverged (its V is no
     * membrane potential).
     */
    public PopulationSummary summary(String population, NeuronStatistics[] statistics) {
        int ok = 0;
        int silent = 0;
        int withCv = 0;
        double rateSum = 0;
        double cvSum = 0;
        for (NeuronStatistics s : statistics) {
            if (s.diverged()) {
                continue;
            }
            ok++;
            rateSum += s.rateHz();
            if (s.spikeCount() == 0) {
                silent++;
            }
            if (s.cvIsi() != null) {
                withCv++;
                cvSum += s.cvIsi();
            }
        }
        double chi = ok == statistics.length ? chi() : Double.NaN;
        return new PopulationSummary(population, statistics.length, ok > 0 ? rateSum / ok : Double.NaN,
                withCv > 0 ? cvSum / withCv : Double.NaN, chi, ok > 0 ? (double) silent / ok : Double.NaN);
    }
}
