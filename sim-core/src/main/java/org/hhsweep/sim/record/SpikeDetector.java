package org.hhsweep.sim.record;

import java.util.Arrays;
import org.hhsweep.sim.model.NeuronBlock;

/**
 * Detects spikes as upward crossings of each neuron's threshold: the step where
 * V_before &lt; V_th &lt;= V_after. Two times are kept per spike:
 * <ul>
 *   <li>the tutorial's: the end of the crossing step, (k+1)*dt; every statistic uses this one, so
 *       counts and latencies match BrainState and Brian2 exactly;</li>
 *   <li>an interpolated one: the time at which the straight line between the two samples crosses
 *       V_th, k*dt + dt*(V_th - V_before)/(V_after - V_before), at most one step earlier.</li>
 * </ul>
 * Counts, first spike, last spike, the ISI sums and the spikes inside an analysis window are
 * accumulated online; the spike times themselves only when asked for.
 *
 * <p>With a refractory period of r steps a spike is Brian2's {@code threshold} with
 * {@code refractory=r}: V at or above V_th at the end of a step at least r steps after the
 * neuron's last spike, crossing or not. A crossing inside the period therefore counts when the
 * period ends if V is still above V_th then, as in Brian2 (COBAHH's cells do this for about 1% of
 * their spikes); V is not clamped: the model repolarises by itself. Without one a spike is an
 * upward crossing, which is the same rule with r = 1 except for a V that starts above V_th. The neurons that spiked in the
 * last step are listed ({@link #firedCount}, {@link #fired}) for a network to propagate.
 */
public final class SpikeDetector implements StepObserver {
    /** Neurons tested together for a possible crossing before the exact test. */
    private static final int SCAN = 64;

    private final double dt;
    private final long windowStartStep;
    private final long windowEndStep;
    private final boolean keepTimes;
    private final long refractorySteps;

    private final int[] count;
    private final int[] windowCount;
    private final double[] first;
    private final double[] last;
    // ISIs are accumulated as offsets from the first ISI: for regular firing the offsets are tiny,
    // so the variance does not drown in the cancellation of E[x^2] - E[x]^2.
    private final double[] firstIsi;
    private final double[] isiOffsetSum;
    private final double[] isiOffsetSumSq;

    private final double[][] times;
    private final double[][] interpolated;

    /** The step of each neuron's last spike, far in the past before its first. */
    private final long[] lastStep;
    /** The neurons that spiked in the last step, in increasing order, and how many. */
    private final int[] fired;
    private int firedCount;

    /**
     * @param windowStartStep first step of the analysis window (inclusive)
     * @param windowEndStep   step after the window's last one (exclusive)
     */
    public SpikeDetector(int size, double dt, long windowStartStep, long windowEndStep, boolean keepTimes) {
        this(size, dt, windowStartStep, windowEndStep, keepTimes, 0);
    }

    /** @param refractorySteps steps after a spike in which no crossing counts (0: none) */
    public SpikeDetector(int size, double dt, long windowStartStep, long windowEndStep, boolean keepTimes,
                         long refractorySteps) {
        if (refractorySteps < 0) {
            throw new IllegalArgumentException("refractory steps must be >= 0, got " + refractorySteps);
        }
        this.refractorySteps = refractorySteps;
        this.dt = dt;
        this.windowStartStep = windowStartStep;
        this.windowEndStep = windowEndStep;
        this.keepTimes = keepTimes;
        count = new int[size];
        windowCount = new int[size];
        first = new double[size];
        last = new double[size];
        firstIsi = new double[size];
        isiOffsetSum = new double[size];
        isiOffsetSumSq = new double[size];
        times = keepTimes ? new double[size][] : null;
        interpolated = keepTimes ? new double[size][] : null;
        if (keepTimes) {
            Arrays.setAll(times, i -> new double[8]);
            Arrays.setAll(interpolated, i -> new double[8]);
        }
        lastStep = new long[size];
        Arrays.fill(lastStep, Long.MIN_VALUE / 2);
        fired = new int[size];
    }

    @Override
    public void afterStep(long step, NeuronBlock block, double[] vBefore, double[] current) {
        double[] v = block.V;
        double[] vth = block.Vth;
        int size = count.length;
        firedCount = 0;
        if (refractorySteps > 0) {
            afterStepRefractory(step, v, vBefore, vth);
            return;
        }
        for (int from = 0; from < size; from += SCAN) {
            int to = Math.min(from + SCAN, size);
            if (mayCross(vBefore, v, vth, from, to)) {
                for (int i = from; i < to; i++) {
                    double th = vth[i];
                    if (vBefore[i] < th && v[i] >= th && step - lastStep[i] >= refractorySteps) {
                        spike(i, step, vBefore[i], v[i], th);
                    }
                }
            }
        }
    }

    /**
     * False only when no neuron of [from, to) crossed: every one has V_before >= th or V_after < th
     * (a NaN fails both, which keeps the answer true). Branch-free, unlike the exact test, whose
     * branches mispredict on every neuron above threshold; faster than a min/max reduction.
     */
    private void afterStepRefractory(long step, double[] v, double[] vBefore, double[] vth) {
        int size = count.length;
        for (int from = 0; from < size; from += SCAN) {
            int to = Math.min(from + SCAN, size);
            if (mayBeAbove(v, vth, from, to)) {
                for (int i = from; i < to; i++) {
                    double th = vth[i];
                    if (v[i] >= th && step - lastStep[i] >= refractorySteps) {
                        spike(i, step, vBefore[i], v[i], th);
                    }
                }
            }
        }
    }

    private static boolean mayBeAbove(double[] v, double[] vth, int from, int to) {
        boolean none = true;
        for (int i = from; i < to; i++) {
            none &= v[i] < vth[i];
        }
        return !none;
    }

    private static boolean mayCross(double[] vBefore, double[] v, double[] vth, int from, int to) {
        boolean none = true;
        for (int i = from; i < to; i++) {
            double th = vth[i];
            none &= vBefore[i] >= th | v[i] < th;
        }
        return !none;
    }

    private void spike(int i, long step, double before, double after, double th) {
        double t = (step + 1) * dt;
        int c = count[i];
        if (c == 0) {
            first[i] = t;
        } else {
            double isi = t - last[i];
            if (c == 1) {
                firstIsi[i] = isi;
            }
            double d = isi - firstIsi[i];
            isiOffsetSum[i] += d;
            isiOffsetSumSq[i] += d * d;
        }
        last[i] = t;
        lastStep[i] = step;
        fired[firedCount++] = i;
        if (step >= windowStartStep && step < windowEndStep) {
            windowCount[i]++;
        }
        if (keepTimes) {
            if (c == times[i].length) {
                times[i] = Arrays.copyOf(times[i], 2 * c);
                interpolated[i] = Arrays.copyOf(interpolated[i], 2 * c);
            }
            times[i][c] = t;
            // a spike counted at the end of a refractory period, V above V_th all step: the step's end
            interpolated[i][c] = before >= th ? t : step * dt + dt * (th - before) / (after - before);
        }
        count[i] = c + 1;
    }

    /** How many neurons spiked in the last step. */
    public int firedCount() {
        return firedCount;
    }

    /** The j-th neuron (j &lt; {@link #firedCount}) that spiked in the last step; increasing in j. */
    public int fired(int j) {
        return fired[j];
    }

    public int count(int i) {
        return count[i];
    }

    public int windowCount(int i) {
        return windowCount[i];
    }

    /** First spike time (end of step), or NaN without spikes. */
    public double firstSpike(int i) {
        return count[i] > 0 ? first[i] : Double.NaN;
    }

    /** Mean inter-spike interval of neuron i; needs two spikes. */
    public double meanIsi(int i) {
        int intervals = count[i] - 1;
        return firstIsi[i] + isiOffsetSum[i] / intervals;
    }

    /** Population variance of the inter-spike intervals of neuron i; needs two spikes. */
    public double isiVariance(int i) {
        int intervals = count[i] - 1;
        double meanOffset = isiOffsetSum[i] / intervals;
        return Math.max(0.0, isiOffsetSumSq[i] / intervals - meanOffset * meanOffset);
    }

    public boolean keepsTimes() {
        return keepTimes;
    }

    /** Spike times of neuron i (end of crossing step), in ms. */
    public double[] times(int i) {
        return Arrays.copyOf(times[i], count[i]);
    }

    /** Linearly interpolated threshold-crossing times of neuron i, in ms. */
    public double[] interpolatedTimes(int i) {
        return Arrays.copyOf(interpolated[i], count[i]);
    }
}
