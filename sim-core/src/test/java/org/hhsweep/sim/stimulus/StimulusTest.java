package org.hhsweep.sim.stimulus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hhsweep.sim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Each stimulus against its definition: deterministic ones step by step, random ones by their
 * distribution, with tolerances of five standard errors of the estimate (derived from the
 * distribution, not tuned to the output).
 */
class StimulusTest {
    private static final double Z = 5.0;

    /** values[i][k]: neuron i's current in step k. */
    private static double[][] sample(StimulusSpec[] specs, long[] keys, double dt, int steps) {
        Stimulus stimulus = Stimuli.forBlock(specs, keys, dt);
        double[][] values = new double[specs.length][steps];
        double[] out = new double[specs.length];
        for (int k = 0; k < steps; k++) {
            stimulus.current(k, out);
            for (int i = 0; i < specs.length; i++) {
                values[i][k] = out[i];
            }
        }
        return values;
    }

    private static double[] sample(StimulusSpec spec, double dt, int steps) {
        return sample(new StimulusSpec[] {spec}, new long[] {key(0)}, dt, steps)[0];
    }

    private static long key(long neuron) {
        return RandomStreams.streamKey(RandomStreams.runSeed(7, 3), neuron, RandomStreams.Purpose.STIMULUS);
    }

    private static long[] keys(int n) {
        long[] k = new long[n];
        Arrays.setAll(k, i -> key(i));
        return k;
    }

    private static StimulusSpec[] copies(StimulusSpec spec, int n) {
        StimulusSpec[] s = new StimulusSpec[n];
        Arrays.fill(s, spec);
        return s;
    }

    @Test
    void constantIsItsAmplitudeEveryStep() {
        double[] c = sample(new StimulusSpec.Constant(-3.25), 0.01, 1000);
        for (double v : c) {
            assertEquals(-3.25, v, 0.0);
        }
    }

    @Test
    void pulseIsOnForExactlyItsSteps() {
        // 5 ms onset, 2 ms long at dt 0.01: steps 500..699 (t in [5, 7))
        double[] p = sample(new StimulusSpec.Pulse(5.0, 2.0, 7.5, 0.0), 0.01, 10_000);
        for (int k = 0; k < p.length; k++) {
            assertEquals(k >= 500 && k < 700 ? 7.5 : 0.0, p[k], 0.0, "step " + k);
        }
        // the same pulse at dt 0.1: steps 50..69
        double[] coarse = sample(new StimulusSpec.Pulse(5.0, 2.0, 7.5, 0.0), 0.1, 1000);
        for (int k = 0; k < coarse.length; k++) {
            assertEquals(k >= 50 && k < 70 ? 7.5 : 0.0, coarse[k], 0.0, "step " + k + " at dt 0.1");
        }
        // an onset between grid points starts with the first step that begins after it
        double[] late = sample(new StimulusSpec.Pulse(5.005, 1.0, 1.0, 0.0), 0.01, 1000);
        for (int k = 0; k < late.length; k++) {
            assertEquals(k >= 501 && k < 601 ? 1.0 : 0.0, late[k], 0.0, "step " + k + " of a pulse at 5.005 ms");
        }
        double[] atZero = sample(new StimulusSpec.Pulse(0.0, 0.5, 2.0, 0.0), 0.01, 100);
        for (int k = 0; k < atZero.length; k++) {
            assertEquals(k < 50 ? 2.0 : 0.0, atZero[k], 0.0, "step " + k + " of a pulse at 0 ms");
        }
    }

    @Test
    void pulseTrainRepeatsEveryPeriod() {
        // 2 ms pulses every 10 ms from 5 ms: on in steps 500..699, 1500..1699, ..., 9500..9699
        double[] p = sample(new StimulusSpec.Pulse(5.0, 2.0, 3.0, 10.0), 0.01, 10_000);
        int on = 0;
        for (int k = 0; k < p.length; k++) {
            boolean expected = k >= 500 && (k - 500) % 1000 < 200;
            assertEquals(expected ? 3.0 : 0.0, p[k], 0.0, "step " + k);
            on += expected ? 1 : 0;
        }
        assertEquals(10 * 200, on);
        for (int k : new int[] {500, 699, 1500, 1699, 9500, 9699}) {
            assertEquals(3.0, p[k], 0.0, "step " + k);
        }
        for (int k : new int[] {499, 700, 1499, 1700, 2499, 9700, 9999}) {
            assertEquals(0.0, p[k], 0.0, "step " + k);
        }
    }

    @Test
    void rampRisesLinearlyOverItsSteps() {
        // 0 -> 10 uA/cm^2 from 10 ms over 20 ms: steps 1000..2999, value 10 (k*dt - 10)/20
        double[] r = sample(new StimulusSpec.Ramp(10.0, 20.0, 0.0, 10.0), 0.01, 4000);
        for (int k = 0; k < r.length; k++) {
            double expected = k >= 1000 && k < 3000 ? 10.0 * (k * 0.01 - 10.0) / 20.0 : 0.0;
            assertEquals(expected, r[k], 1e-12, "step " + k);
        }
        assertEquals(0.0, r[999], 0.0);
        assertEquals(0.0, r[1000], 0.0);
        assertEquals(2.5, r[1500], 1e-12);
        assertEquals(9.995, r[2999], 1e-12);
        assertEquals(0.0, r[3000], 0.0);

        double[] down = sample(new StimulusSpec.Ramp(1.0, 4.0, 5.0, -5.0), 0.1, 60);
        for (int k = 0; k < down.length; k++) {
            double expected = k >= 10 && k < 50 ? 5.0 - 10.0 * (k * 0.1 - 1.0) / 4.0 : 0.0;
            assertEquals(expected, down[k], 1e-12, "step " + k + " of a falling ramp");
        }
    }

    @Test
    void uniformNoiseIsUniformInItsInterval() {
        double low = -2.0, high = 3.0, w = high - low;
        int neurons = 100, steps = 10_000;
        double[][] x = sample(copies(new StimulusSpec.Uniform(low, high, false), neurons), keys(neurons), 0.01, steps);
        double n = (double) neurons * steps;
        double sum = 0, sumSq = 0, lag1 = 0, cross = 0;
        for (int i = 0; i < neurons; i++) {
            for (int k = 0; k < steps; k++) {
                double v = x[i][k];
                assertTrue(v >= low && v < high, v + " outside [" + low + ", " + high + ")");
                double d = v - (low + high) / 2;
                sum += v;
                sumSq += d * d;
                if (k > 0) {
                    lag1 += d * (x[i][k - 1] - (low + high) / 2);
                }
                if (i > 0) {
                    cross += d * (x[i - 1][k] - (low + high) / 2);
                }
            }
        }
        double variance = w * w / 12;
        // standard errors: of the mean sqrt(var/n); of the variance sqrt((mu4 - var^2)/n) with
        // mu4 = w^4/80, i.e. w^2 sqrt(1/180n); of a lag or cross covariance var/sqrt(n)
        assertEquals((low + high) / 2, sum / n, Z * Math.sqrt(variance / n), "mean");
        assertEquals(variance, sumSq / n, Z * w * w / Math.sqrt(180 * n), "variance");
        assertEquals(0.0, lag1 / n, Z * variance / Math.sqrt(n), "lag-1 covariance in time");
        assertEquals(0.0, cross / n, Z * variance / Math.sqrt(n), "covariance between neighbouring neurons");
    }

    @Test
    void sameKeyGivesSameNoiseOtherKeyOther() {
        StimulusSpec spec = new StimulusSpec.Uniform(1.0, 10.0, true);
        double[][] x = sample(copies(spec, 3), new long[] {key(-1), key(-1), key(5)}, 0.01, 1000);
        assertArrayEquals(x[0], x[1]);
        assertFalse(Arrays.equals(x[0], x[2]));
    }

    @Test
    void gaussianNoiseHasItsMeanSigmaAndShape() {
        double mean = 3.0, sigma = 2.0;
        int neurons = 100, steps = 10_000;
        double[][] x = sample(copies(new StimulusSpec.Gaussian(mean, sigma, false), neurons), keys(neurons), 0.01, steps);
        double n = (double) neurons * steps;
        double sum = 0, sumSq = 0, within1 = 0, beyond3 = 0;
        for (double[] row : x) {
            for (double v : row) {
                double z = (v - mean) / sigma;
                sum += v;
                sumSq += (v - mean) * (v - mean);
                within1 += Math.abs(z) < 1 ? 1 : 0;
                beyond3 += Math.abs(z) > 3 ? 1 : 0;
            }
        }
        assertEquals(mean, sum / n, Z * sigma / Math.sqrt(n), "mean");
        // Var of the sample variance of a normal: 2 sigma^4 / n
        assertEquals(sigma * sigma, sumSq / n, Z * sigma * sigma * Math.sqrt(2 / n), "variance");
        double p1 = 0.6826894921370859, p3 = 0.0026997960632601866;
        assertEquals(p1, within1 / n, Z * Math.sqrt(p1 * (1 - p1) / n), "fraction within one sigma");
        assertEquals(p3, beyond3 / n, Z * Math.sqrt(p3 * (1 - p3) / n), "fraction beyond three sigma");
    }

    /** OU statistics from one sampling: stationary variance and autocorrelation at a lag. */
    private record OuEstimate(double mean, double variance, double autocorrelation, double samples) {
    }

    private static OuEstimate estimateOu(double mean, double sigma, double tau, double dt, int lagSteps) {
        int neurons = 100;
        int burnIn = (int) Math.round(10 * tau / dt);   // x starts at the mean; after 10 tau the
        int steps = burnIn + (int) Math.round(200 * tau / dt); // transient is e^-20 of the variance
        double[][] x = sample(copies(new StimulusSpec.OrnsteinUhlenbeck(mean, sigma, tau, false), neurons),
                keys(neurons), dt, steps);
        double sum = 0, sumSq = 0, lagged = 0, n = 0;
        for (double[] row : x) {
            assertEquals(mean, row[0], 0.0, "OU starts at its mean");
            for (int k = burnIn; k < steps; k++) {
                double d = row[k] - mean;
                sum += row[k];
                sumSq += d * d;
                if (k - lagSteps >= burnIn) {
                    lagged += d * (row[k - lagSteps] - mean);
                }
                n++;
            }
        }
        double lagPairs = n - neurons * lagSteps;
        return new OuEstimate(sum / n, sumSq / n, (lagged / lagPairs) / (sumSq / n), n);
    }

    /**
     * Standard errors of an AR(1) series with coefficient a (Bartlett): of the sample variance,
     * sigma^2 sqrt(2 (1+a^2) / ((1-a^2) n)); of the autocorrelation at lag L,
     * sqrt(((1+a^2)(1-a^{2L})/(1-a^2) - 2 L a^{2L}) / n).
     */
    private static void assertOu(OuEstimate e, double mean, double sigma, double tau, double dt, int lag) {
        double a = Math.exp(-dt / tau);
        double a2 = a * a;
        double n = e.samples();
        double rho = Math.pow(a, lag);
        double meanError = sigma * Math.sqrt((1 + a) / ((1 - a) * n));
        double varianceError = sigma * sigma * Math.sqrt(2 * (1 + a2) / ((1 - a2) * n));
        double rhoError = Math.sqrt(((1 + a2) * (1 - rho * rho) / (1 - a2) - 2 * lag * rho * rho) / n);
        String at = " at dt " + dt;
        assertEquals(mean, e.mean(), Z * meanError, "mean" + at);
        assertEquals(sigma * sigma, e.variance(), Z * varianceError, "stationary variance" + at);
        assertEquals(rho, e.autocorrelation(), Z * rhoError, "autocorrelation at lag " + lag * dt + " ms" + at);
    }

    @Test
    void ouHasStationarySigmaAndLagOneAutocorrelationExpMinusDtOverTau() {
        double mean = 4.0, sigma = 1.5, tau = 2.0, dt = 0.01;
        assertOu(estimateOu(mean, sigma, tau, dt, 1), mean, sigma, tau, dt, 1);
    }

    @Test
    void ouStatisticsDoNotDependOnDt() {
        // the correlation over 1 ms must be e^(-1/tau) whether it spans 100 steps or 10
        double mean = -1.0, sigma = 3.0, tau = 2.0;
        assertOu(estimateOu(mean, sigma, tau, 0.01, 100), mean, sigma, tau, 0.01, 100);
        assertOu(estimateOu(mean, sigma, tau, 0.1, 10), mean, sigma, tau, 0.1, 10);
    }

    @Test
    void ouMustBeSteppedInOrder() {
        StimulusSpec[] spec = {new StimulusSpec.OrnsteinUhlenbeck(0.0, 1.0, 5.0, false)};
        double[] out = new double[1];
        Stimulus skipping = Stimuli.forBlock(spec, new long[] {key(0)}, 0.01);
        skipping.current(0, out);
        assertThrows(IllegalStateException.class, () -> skipping.current(2, out));

        Stimulus repeating = Stimuli.forBlock(spec, new long[] {key(0)}, 0.01);
        repeating.current(0, out);
        repeating.current(1, out);
        assertThrows(IllegalStateException.class, () -> repeating.current(1, out));

        Stimulus late = Stimuli.forBlock(spec, new long[] {key(0)}, 0.01);
        assertThrows(IllegalStateException.class, () -> late.current(1, out));
    }

    @Test
    void specsAndKeysMustMatchInLength() {
        assertThrows(IllegalArgumentException.class,
                () -> Stimuli.forBlock(new StimulusSpec[] {new StimulusSpec.Constant(1.0)}, new long[2], 0.01));
    }
}
