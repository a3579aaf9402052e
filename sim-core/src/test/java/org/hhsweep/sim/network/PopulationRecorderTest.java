package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;

/** A population's rates over time and its synchrony chi, on hand-made V and spike trains and on runs. */
class PopulationRecorderTest {
    private static final double DT = 0.1;

    /** Feeds V sample by sample to a detector and a recorder, as BlockSimulation would. */
    private static final class Feed {
        final NeuronBlock block;
        final SpikeDetector spikes;
        final PopulationRecorder recorder;
        final double[] before;
        long step;

        Feed(int size, long steps, double binMs, long chiStart, long chiEnd) {
            block = NeuronBlock.uniform(size, ModelLibrary.hh());
            java.util.Arrays.fill(block.Vth, 0.0);
            spikes = new SpikeDetector(size, DT, 0, 0, false);
            recorder = new PopulationRecorder(spikes, size, DT, steps, binMs, chiStart, chiEnd);
            before = new double[size];
        }

        /** One step ending at these V. */
        void step(double... v) {
            System.arraycopy(block.V, 0, before, 0, before.length);
            System.arraycopy(v, 0, block.V, 0, v.length);
            spikes.afterStep(step, block, before, null);
            recorder.afterStep(step, block, before, null);
            step++;
        }

        /** A step in which the listed neurons cross 0 mV upward and the others rest at -65 mV. */
        void spikeStep(int... who) {
            double[] v = new double[block.size];
            java.util.Arrays.fill(v, -65.0);
            for (int i : who) {
                v[i] = 10.0;
            }
            step(v);
        }
    }

    @Test
    void ratesCountHandPlacedSpikesPerBinAndTheLastPartialBin() {
        // 35 steps of 0.1 ms in 1 ms bins: 10, 10, 10 and a last bin of 5 steps (0.5 ms)
        Feed f = new Feed(2, 35, 1.0, 0, 35);
        for (int k = 0; k < 35; k++) {
            switch (k) {
                case 0, 9 -> f.spikeStep(0);
                case 10 -> f.spikeStep(1);
                case 34 -> f.spikeStep(0, 1);
                default -> f.spikeStep();
            }
        }
        // bin 0: 2 spikes of 2 neurons in 1 ms; bin 1: 1; bin 2: none; bin 3: 2 in 0.5 ms
        assertArrayEquals(new double[] {1000.0, 500.0, 0.0, 2000.0}, f.recorder.rates(), 1e-9);
        assertEquals(1.0, f.recorder.binMs(), 1e-12);
    }

    @Test
    void aBinMustBeAWholeNumberOfSteps() {
        assertEquals(10, PopulationRecorder.binSteps(1.0, 0.1));
        assertEquals(1, PopulationRecorder.binSteps(0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> PopulationRecorder.binSteps(0.15, 0.1));
        assertThrows(IllegalArgumentException.class, () -> PopulationRecorder.binSteps(0.05, 0.1));
        assertThrows(IllegalArgumentException.class, () -> PopulationRecorder.binSteps(0.0, 0.1));
    }

    @Test
    void identicalNeuronsHaveChiOne() {
        int steps = 500;
        Feed f = new Feed(50, steps, Double.NaN, 0, steps);
        double[] v = new double[50];
        for (int k = 0; k < steps; k++) {
            java.util.Arrays.fill(v, -65.0 + 3.0 * Math.sin(k * 0.05) + 0.2 * Math.cos(k * 0.31));
            f.step(v);
        }
        assertEquals(1.0, f.recorder.chi(), 1e-9);
        assertEquals(null, f.recorder.rates());
    }

    @Test
    void independentNoiseGivesChiNearOneOverRootN() {
        int n = 400;
        int steps = 2000;
        Feed f = new Feed(n, steps, Double.NaN, 0, steps);
        Random random = new Random(7);
        double[] v = new double[n];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < n; i++) {
                v[i] = -65.0 + random.nextGaussian();
            }
            f.step(v);
        }
        double chi = f.recorder.chi();
        // E[chi^2] = 1/N for independent neurons of equal variance
        assertEquals(1.0 / Math.sqrt(n), chi, 0.2 / Math.sqrt(n), "chi " + chi);
        assertTrue(chi < 0.3);
    }

    @Test
    void halfSharedHalfOwnNoiseGivesChiOfTheSharedFraction() {
        // V_i = shared + own, equal variances: var of the mean -> 1/2, mean variance 1, chi -> sqrt(1/2)
        int n = 500;
        int steps = 4000;
        Feed f = new Feed(n, steps, Double.NaN, 0, steps);
        Random random = new Random(8);
        double[] v = new double[n];
        for (int k = 0; k < steps; k++) {
            double shared = random.nextGaussian();
            for (int i = 0; i < n; i++) {
                v[i] = -65.0 + shared + random.nextGaussian();
            }
            f.step(v);
        }
        assertEquals(Math.sqrt(0.5), f.recorder.chi(), 0.03);
    }

    @Test
    void constantVHasNoChi() {
        Feed f = new Feed(10, 100, Double.NaN, 0, 100);
        double[] v = new double[10];
        java.util.Arrays.fill(v, -65.123);
        for (int k = 0; k < 100; k++) {
            f.step(v);
        }
        assertTrue(Double.isNaN(f.recorder.chi()));
    }

    @Test
    void chiSamplesOnlyItsSteps() {
        // steps 0..99 differ per neuron; from step 100 all neurons move together: chi over [100, 200) is 1
        Feed f = new Feed(20, 200, Double.NaN, 100, 200);
        Random random = new Random(9);
        double[] v = new double[20];
        for (int k = 0; k < 200; k++) {
            double shared = random.nextGaussian();
            for (int i = 0; i < 20; i++) {
                v[i] = -65.0 + shared + (k < 100 ? random.nextGaussian() : 0.0);
            }
            f.step(v);
        }
        assertEquals(1.0, f.recorder.chi(), 1e-9);
    }

    @Test
    void summaryAveragesOverNeuronsThatDidNotDiverge() {
        Feed f = new Feed(4, 10, Double.NaN, 0, 10);
        f.step(-65, -65, -65, -65);
        NeuronStatistics[] s = {
                new NeuronStatistics(10, 10.0, null, 5.0, 100.0, 0.5, -70.0, 30.0, NeuronStatistics.OK, null),
                new NeuronStatistics(2, 2.0, null, 5.0, 100.0, null, -70.0, 30.0, NeuronStatistics.OK, null),
                new NeuronStatistics(0, 0.0, null, null, null, null, -70.0, -60.0, NeuronStatistics.OK, null),
                new NeuronStatistics(null, null, null, null, null, null, null, null, NeuronStatistics.DIVERGED, 3L)};
        PopulationSummary p = f.recorder.summary("E", s);
        assertEquals("E", p.population());
        assertEquals(4, p.neurons());
        assertEquals(4.0, p.meanRateHz(), 1e-12);
        assertEquals(0.5, p.cvIsiMean(), 1e-12);
        assertEquals(1.0 / 3, p.silentFraction(), 1e-12);
        assertTrue(Double.isNaN(p.synchronyChi()), "a diverged neuron's V is no membrane potential");
    }

    private static NetworkSpec uncoupled(int n, boolean shared) {
        Population p = Population.of("E", n, ModelLibrary.hh())
                .withStimulus(new StimulusSpec.Gaussian(5.0, 4.0, shared));
        return new NetworkSpec(List.of(p), List.of());
    }

    @Test
    void independentInputsGiveLowChiAndSharedInputHighChiInARun() {
        SimulationSettings settings = SimulationSettings.of(0.05, 200.0, Method.DEFAULT).withWindow(50.0, 200.0);
        double own = NetworkSimulation.run(uncoupled(300, false), settings, 3L).summaries().get(0).synchronyChi();
        double common = NetworkSimulation.run(uncoupled(300, true), settings, 3L).summaries().get(0).synchronyChi();
        assertTrue(own < 0.3, "independent inputs: chi " + own);
        assertTrue(common > 0.9, "one shared input: chi " + common);
    }

    @Test
    void aRunsRatesAddUpToItsSpikes() {
        NetworkSpec spec = Networks.cobaSmall(400, 100);
        SimulationSettings settings = SimulationSettings.of(0.1, 50.1, Method.DEFAULT);
        NetworkResult r = NetworkSimulation.run(spec, settings, 11L, 1.0);
        assertEquals(2, r.rates().size());
        assertEquals(List.of("E", "I"), r.summaries().stream().map(PopulationSummary::population).toList());
        for (PopulationRates rates : r.rates()) {
            int n = spec.population(rates.population()).size();
            assertEquals(51, rates.rateHz().length, "50 whole bins and one of a step");
            double spikes = 0;
            for (int b = 0; b < rates.rateHz().length; b++) {
                double len = b < 50 ? 1.0 : 0.1;
                spikes += rates.rateHz()[b] * n * len / 1000.0;
            }
            long counted = 0;
            for (NeuronStatistics s : r.population(rates.population()).statistics()) {
                counted += s.spikeCount();
            }
            assertEquals(counted, spikes, 1e-6);
            PopulationSummary summary = r.summaries().get(spec.populationIndex(rates.population()));
            assertEquals(counted / (n * settings.simulatedMs() / 1000.0), summary.meanRateHz(), 1e-9);
        }
        assertTrue(NetworkSimulation.run(spec, settings, 11L).rates().isEmpty());
    }
}
