package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every statistic recomputed independently: from the returned spike times, and from a float64
 * recording of V at every step (StateHistory) and the float32 V trace.
 */
class StatisticsTest {
    private static final double DT = 0.01;
    private static final double DURATION = 200.0;
    private static final double WINDOW_START = 50.0;
    private static final double WINDOW_END = 150.0;
    private static final SimulationSettings SETTINGS = SimulationSettings.of(DT, DURATION, Method.EXP_EULER_REFERENCE)
            .withWindow(WINDOW_START, WINDOW_END).withTraces(List.of(TraceVariable.V), 1);

    private static final int TONIC = 0;
    private static final int SILENT = 1;
    private static final int ONE_SPIKE = 2;
    private static final int TWO_SPIKES = 3;
    private static final int IRREGULAR = 4;
    private static final NeuronSpec[] NEURONS = {
            NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Constant(10.0), 1, 0).traced(true),
            NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Constant(0.0), 1, 1).traced(true),
            NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Pulse(10.0, 1.0, 30.0, 0.0), 1, 2).traced(true),
            NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Pulse(10.0, 1.0, 30.0, 100.0), 1, 3).traced(true),
            NeuronSpec.of(ModelLibrary.hh().with("V_th", 0.0), new StimulusSpec.Gaussian(6.0, 60.0, false), 1, 4)
                    .traced(true)};

    private static BlockResult result;
    private static StateHistory[] history;

    @BeforeAll
    static void simulate() {
        result = Simulator.simulate(SETTINGS, NEURONS);
        history = Replay.run(SETTINGS, NEURONS, 0, 1, 2, 3, 4);
    }

    /** Spike times from the float64 recording: end of every step with V_before < V_th <= V_after. */
    private static List<Integer> crossingSteps(int neuron) {
        double th = NEURONS[neuron].model().Vth();
        List<Integer> steps = new ArrayList<>();
        StateHistory h = history[neuron];
        for (int k = 0; k < h.v.length; k++) {
            double before = k == 0 ? NEURONS[neuron].v0() : h.v[k - 1];
            assertEquals(before, h.vBefore[k], 0.0, "V before step " + k + " is V after the one before");
            if (before < th && h.v[k] >= th) {
                steps.add(k);
            }
        }
        return steps;
    }

    @Test
    void theCasesHaveTheSpikeCountsTheyAreMeantFor() {
        assertTrue(crossingSteps(TONIC).size() > 10);
        assertEquals(0, crossingSteps(SILENT).size());
        assertEquals(1, crossingSteps(ONE_SPIKE).size());
        assertEquals(2, crossingSteps(TWO_SPIKES).size());
        assertTrue(crossingSteps(IRREGULAR).size() > 10);
    }

    @Test
    void spikeTimesAreTheEndsOfTheCrossingSteps() {
        for (int i = 0; i < NEURONS.length; i++) {
            List<Integer> steps = crossingSteps(i);
            double[] times = result.spikeTimes()[i];
            assertEquals(steps.size(), times.length, "neuron " + i);
            for (int s = 0; s < times.length; s++) {
                assertEquals((steps.get(s) + 1) * DT, times[s], 1e-9, "neuron " + i + " spike " + s);
            }
        }
    }

    @Test
    void interpolatedTimesLieOnTheLineThroughTheThreshold() {
        for (int i = 0; i < NEURONS.length; i++) {
            List<Integer> steps = crossingSteps(i);
            double th = NEURONS[i].model().Vth();
            double[] times = result.spikeTimes()[i];
            double[] interpolated = result.interpolatedTimes()[i];
            assertEquals(times.length, interpolated.length);
            for (int s = 0; s < times.length; s++) {
                assertTrue(interpolated[s] > times[s] - DT && interpolated[s] <= times[s],
                        "interpolated " + interpolated[s] + " not in (t - dt, t] for t = " + times[s]);
                int k = steps.get(s);
                double v0 = history[i].vBefore[k], v1 = history[i].v[k];
                double onLine = v0 + (v1 - v0) * (interpolated[s] - k * DT) / DT;
                assertEquals(th, onLine, 1e-9 * Math.max(1.0, v1 - v0), "neuron " + i + " spike " + s);
            }
        }
    }

    @Test
    void countRateAndFirstSpikeFollowFromTheSpikeTimes() {
        for (int i = 0; i < NEURONS.length; i++) {
            double[] t = result.spikeTimes()[i];
            NeuronStatistics s = result.statistics()[i];
            assertEquals(NeuronStatistics.OK, s.status());
            assertNull(s.divergedStep());
            assertEquals(t.length, s.spikeCount());
            assertEquals(t.length / (DURATION / 1000.0), s.rateHz(), 1e-9);
            if (t.length == 0) {
                assertNull(s.firstSpikeMs());
            } else {
                assertEquals(t[0], s.firstSpikeMs(), 0.0);
            }
            // a crossing step inside [start, end) ends in (start, end]
            int inWindow = 0;
            for (double time : t) {
                inWindow += time > WINDOW_START + DT / 2 && time < WINDOW_END + DT / 2 ? 1 : 0;
            }
            assertEquals(inWindow / ((WINDOW_END - WINDOW_START) / 1000.0), s.windowRateHz(), 1e-9, "neuron " + i);
        }
        // the reference's first spike at 10 uA/cm^2
        assertEquals(2.2, result.statistics()[TONIC].firstSpikeMs(), 1e-9);
    }

    @Test
    void isiMeanAndCvFollowFromTheSpikeTimes() {
        for (int i : new int[] {TONIC, TWO_SPIKES, IRREGULAR}) {
            double[] t = result.spikeTimes()[i];
            double[] isi = new double[t.length - 1];
            double mean = 0;
            for (int j = 0; j < isi.length; j++) {
                isi[j] = t[j + 1] - t[j];
                mean += isi[j] / isi.length;
            }
            double variance = 0;
            for (double x : isi) {
                variance += (x - mean) * (x - mean) / isi.length;
            }
            NeuronStatistics s = result.statistics()[i];
            assertEquals(mean, s.meanIsiMs(), 1e-9 * mean, "neuron " + i);
            if (isi.length < 2) {
                assertNull(s.cvIsi(), "one interval has no spread");
                continue;
            }
            // The engine accumulates offsets from the first ISI, so even very regular firing keeps
            // its spread to near machine precision: compare the CV itself, relatively.
            double cv = Math.sqrt(variance) / mean;
            assertEquals(cv, s.cvIsi(), 1e-9 * cv + 1e-15, "neuron " + i);
        }
        assertTrue(result.statistics()[IRREGULAR].cvIsi() > 0.2, "noise-driven firing is irregular");
    }

    @Test
    void undefinedStatisticsAreNull() {
        NeuronStatistics silent = result.statistics()[SILENT];
        assertEquals(0, silent.spikeCount());
        assertEquals(0.0, silent.rateHz(), 0.0);
        assertEquals(0.0, silent.windowRateHz(), 0.0);
        assertNull(silent.firstSpikeMs());
        assertNull(silent.meanIsiMs());
        assertNull(silent.cvIsi());
        assertNotNull(silent.vMinMv());
        assertNotNull(silent.vMaxMv());

        NeuronStatistics one = result.statistics()[ONE_SPIKE];
        assertEquals(1, one.spikeCount());
        assertNotNull(one.firstSpikeMs());
        assertNull(one.meanIsiMs());
        assertNull(one.cvIsi());

        NeuronStatistics two = result.statistics()[TWO_SPIKES];
        assertNotNull(two.meanIsiMs());
        assertNull(two.cvIsi());

        BlockResult noWindow = Simulator.simulate(SimulationSettings.of(DT, 20.0, Method.EXP_EULER_REFERENCE),
                new NeuronSpec[] {NEURONS[TONIC]});
        assertNull(noWindow.statistics()[0].windowRateHz());
    }

    @Test
    void voltageRangeIsTheExtremesOfTheTraceAndTheInitialState() {
        for (int i = 0; i < NEURONS.length; i++) {
            double min = NEURONS[i].v0(), max = NEURONS[i].v0();
            for (double v : history[i].v) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            NeuronStatistics s = result.statistics()[i];
            assertEquals(min, s.vMinMv(), 0.0, "neuron " + i);
            assertEquals(max, s.vMaxMv(), 0.0, "neuron " + i);

            Trace trace = trace(i);
            float traceMin = (float) NEURONS[i].v0(), traceMax = traceMin;
            for (float v : trace.values()) {
                traceMin = Math.min(traceMin, v);
                traceMax = Math.max(traceMax, v);
            }
            assertEquals(traceMin, s.vMinMv(), Math.ulp(traceMin), "neuron " + i + " against its float32 trace");
            assertEquals(traceMax, s.vMaxMv(), Math.ulp(traceMax), "neuron " + i + " against its float32 trace");
        }
        NeuronStatistics silent = result.statistics()[SILENT];
        assertEquals(-65.0, silent.vMaxMv(), 0.0, "without input V only falls from its start to rest");
    }

    private static Trace trace(int neuron) {
        for (Trace t : result.traces()) {
            if (t.neuron() == neuron && t.variable() == TraceVariable.V) {
                return t;
            }
        }
        throw new AssertionError("no V trace of neuron " + neuron);
    }

    @Test
    void ratesUseTheSimulatedWholeSteps() {
        // 20.004 ms at dt 0.01 is 2000 steps: the rate is over the 20 ms actually simulated
        SimulationSettings odd = SimulationSettings.of(DT, 20.004, Method.EXP_EULER_REFERENCE);
        assertEquals(2000, odd.steps());
        NeuronStatistics s = Simulator.simulate(odd, new NeuronSpec[] {NEURONS[TONIC]}).statistics()[0];
        assertEquals(s.spikeCount() / 0.020, s.rateHz(), 1e-9);
    }

    @Test
    void aWindowMustLieInsideTheRun() {
        // a window reaching past the run would divide its spikes by time never simulated
        SimulationSettings plain = SimulationSettings.of(DT, 100.0, Method.EXP_EULER_REFERENCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.withWindow(50.0, 150.0));
        assertTrue(e.getMessage().contains("150"), e.getMessage());
        assertEquals(100.0, plain.withWindow(0.0, 100.0).windowEndMs(), 0.0);
    }

    @Test
    void statisticsDoNotDependOnKeepingSpikeTimes() {
        BlockResult without = Simulator.simulate(SETTINGS.withSpikeTimes(false), NEURONS);
        assertNull(without.spikeTimes());
        assertNull(without.interpolatedTimes());
        assertArrayEquals(result.statistics(), without.statistics());
    }
}
