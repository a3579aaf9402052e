package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;

/**
 * Threshold search against a dense sweep and against an independent reference: a numpy
 * implementation of the reference algorithm (float64, exponential Euler, 1000 ms at dt 0.01 ms)
 * found, for the default model under a constant current, no spike at 4.072 uA/cm^2 and spikes at
 * 4.074 uA/cm^2 (0.002 steps), and spike_count >= 1 changing only there over [0, 20].
 */
class ThresholdSearchTest {
    private static final double DT = 0.01;
    private static final double DURATION = 1000;

    private static final String RHEOBASE = """
            simulation: {duration: 1000 ms, dt: 0.01 ms, method: exp_euler_reference}
            stimulus: {type: constant, amplitude: 0 uA/cm^2}
            sweep:
              search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2,
                       tolerance: 0.01 uA/cm^2, criterion: "spike_count >= 1"}
            """;

    /** Spike counts of the default neuron under each constant current, all in one block. */
    private static int[] spikeCounts(double[] currents, double duration) {
        NeuronSpec[] neurons = new NeuronSpec[currents.length];
        for (int i = 0; i < currents.length; i++) {
            neurons[i] = NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Constant(currents[i]), 0, i);
        }
        SimulationSettings settings = SimulationSettings.of(DT, duration, Method.EXP_EULER_REFERENCE).withSpikeTimes(false);
        BlockResult r = Simulator.simulate(settings, neurons);
        int[] out = new int[currents.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.statistics()[i].spikeCount();
        }
        return out;
    }

    /** first + i * step for i = 0..n-1, each the double nearest the decimal value. */
    private static double[] grid(String first, String step, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = new BigDecimal(first).add(new BigDecimal(step).multiply(BigDecimal.valueOf(i))).doubleValue();
        }
        return out;
    }

    private static double firstSpiking(double[] currents, int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= 1) {
                return currents[i];
            }
        }
        return Double.NaN;
    }

    @Test
    void rheobaseAgreesWithADenseSweepWithinOneTolerance() {
        SweepSpec spec = ConfigLoader.parse(RHEOBASE, "rheobase.yaml").spec();
        long[] steps = {0};
        SearchResult found = ThresholdSearch.run(spec.search(), spec.run(0), s -> steps[0] += s);

        // dense: 0.1 steps over [0, 20], then 0.01 steps below the first current that fires
        double[] coarse = grid("0", "0.1", 201);
        double firstCoarse = firstSpiking(coarse, spikeCounts(coarse, DURATION));
        double[] fine = grid(new BigDecimal(Double.toString(firstCoarse)).subtract(new BigDecimal("0.1")).toString(),
                "0.01", 11);
        double dense = firstSpiking(fine, spikeCounts(fine, DURATION));

        assertEquals(SearchResult.OK, found.status(), found.detail());
        assertEquals(4.08, dense, 1e-12, "the reference's rheobase lies in (4.072, 4.074]");
        assertTrue(Math.abs(found.threshold() - dense) <= 0.01, found.threshold() + " vs dense " + dense);
        assertTrue(found.threshold() > 4.072 && found.threshold() <= 4.074 + 0.01, "vs reference: " + found.threshold());
        assertTrue(found.bracketLow() <= 4.074 && found.bracketLow() < found.threshold());
        assertEquals(found.threshold(), found.bracketHigh());
        assertTrue(found.bracketHigh() - found.bracketLow() <= 0.01);
        // 20 / 2^11 < 0.01 < 20 / 2^10: eleven halvings, plus the two ends
        assertEquals(11, found.iterations());
        assertEquals(13, found.probes());
        assertEquals(13L * 100_000, steps[0]);

        int[] atBracket = spikeCounts(new double[] {found.bracketLow(), found.bracketHigh()}, DURATION);
        assertEquals(0, atBracket[0]);
        assertTrue(atBracket[1] >= 1);
    }

    private static SearchResult search(double from, double to, String criterion, double duration) {
        SweepSpec spec = ConfigLoader.parse("simulation: {duration: " + duration + " ms}\n"
                + "stimulus: {type: constant, amplitude: 0 uA/cm^2}\n"
                + "sweep:\n  search: {param: stimulus.amplitude, from: " + from + " uA/cm^2, to: " + to
                + " uA/cm^2, tolerance: 0.05 uA/cm^2, criterion: \"" + criterion + "\"}\n", "s.yaml").spec();
        return ThresholdSearch.run(spec.search(), spec.run(0), s -> { });
    }

    @Test
    void aBracketWithoutAChangeIsReportedWithoutThreshold() {
        SearchResult below = search(0, 3, "spike_count >= 1", 200);
        assertEquals(SearchResult.NO_CHANGE, below.status());
        assertNull(below.threshold());
        assertEquals(0.0, below.bracketLow());
        assertEquals(3.0, below.bracketHigh());
        assertEquals(0, below.iterations());
        assertEquals(2, below.probes());
        assertTrue(below.detail().contains("fails at stimulus.amplitude = 0 uA/cm^2 (from) and fails at 3 uA/cm^2 (to)"),
                below.detail());

        SearchResult above = search(5, 20, "spike_count >= 1", 200);
        assertEquals(SearchResult.NO_CHANGE, above.status());
        assertTrue(above.detail().contains("holds at stimulus.amplitude = 5 uA/cm^2 (from) and holds"), above.detail());

        // the criterion changing the other way round (holds at from, fails at to) is no change either
        SearchResult reversed = search(0, 20, "spike_count == 0", 200);
        assertEquals(SearchResult.NO_CHANGE, reversed.status());
        assertTrue(reversed.detail().contains("holds at stimulus.amplitude = 0 uA/cm^2 (from) and fails"),
                reversed.detail());
    }

    @Test
    void aDivergingProbeStopsTheSearch() {
        SearchResult r = search(0, 1e7, "spike_count >= 1", 20);
        assertEquals(SearchResult.DIVERGED, r.status());
        assertNull(r.threshold());
        assertEquals(1, r.diverged());
        assertTrue(r.detail().contains("diverged at stimulus.amplitude = 10000000 uA/cm^2"), r.detail());
    }

    @Test
    void probesShareTheRunsNoiseSoTheSearchIsRepeatable() {
        // Ornstein-Uhlenbeck noise around a searched mean, one stream per neuron: each probe sees the
        // same noise (the run's seed), so the criterion is a function of the probed value and two
        // searches agree exactly
        SweepSpec spec = ConfigLoader.parse("""
                seed: 7
                simulation: {duration: 200 ms}
                neurons: 3
                stimulus: {type: ou, mean: 0 uA/cm^2, sigma: 1 uA/cm^2, tau: 5 ms, shared: false}
                sweep:
                  search: {param: stimulus.mean, from: 0 uA/cm^2, to: 20 uA/cm^2, tolerance: 0.05 uA/cm^2,
                           criterion: "spike_count >= 5"}
                """, "noise.yaml").spec();
        SearchResult a = ThresholdSearch.run(spec.search(), spec.run(0), s -> { });
        SearchResult b = ThresholdSearch.run(spec.search(), spec.run(0), s -> { });
        assertEquals(SearchResult.OK, a.status(), a.detail());
        assertEquals(a, b);
        // every neuron of the run meets the criterion at the threshold, not every one just below it
        RunSpec run = spec.run(0);
        int below = 0;
        for (double value : new double[] {a.bracketLow(), a.bracketHigh()}) {
            RunSpec probe = new RunSpec(run.runId(), run.seed(), 0, run.sweptValues(), run.template().with("stimulus.mean", value));
            BlockResult r = Simulator.simulate(probe.template().settings(), probe.neurons());
            int meeting = 0;
            for (var s : r.statistics()) {
                meeting += s.spikeCount() >= 5 ? 1 : 0;
            }
            if (value == a.bracketHigh()) {
                assertEquals(3, meeting);
            } else {
                below = meeting;
            }
        }
        assertTrue(below < 3);
    }

    @Test
    void probesCountTheEndsAndEveryHalving() {
        SearchSpec s = new SearchSpec("stimulus.amplitude", 0, 20, 0.01, Criterion.parse("spike_count >= 1"));
        assertEquals(11, s.bisections());
        assertEquals(13, s.probes());
        assertEquals(0, new SearchSpec("x", 0, 1, 1, Criterion.parse("rate_hz > 1")).bisections());
        assertEquals(1, new SearchSpec("x", 0, 1, 0.5, Criterion.parse("rate_hz > 1")).bisections());
        assertEquals(2, new SearchSpec("x", 0, 1, 0.4999, Criterion.parse("rate_hz > 1")).bisections());
    }

    @Test
    void aSearchRunsOverTheGridAndSeedsOfItsSweep() {
        SweepSpec spec = ConfigLoader.parse("""
                simulation: {duration: 10 ms}
                stimulus: {type: constant}
                sweep:
                  grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2, 42 mS/cm^2]}
                  seeds: 2
                  search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2, tolerance: 0.01 uA/cm^2,
                           criterion: "spike_count >= 1"}
                """, "grid.yaml").spec();
        assertEquals(6, spec.runCount());
        assertEquals(List.of(30.0, 30.0, 36.0, 36.0, 42.0, 42.0),
                java.util.stream.LongStream.range(0, 6).mapToObj(i -> spec.run(i).template().model().get("gK")).toList());
        // chunks and sizes count a search's every probe
        assertEquals(6L * 1000 * 13, SweepSize.of(spec).neuronSteps());
        assertEquals(SweepChunks.of(6, 1, 1000L * 13, 2).runsPerChunk(), SweepChunks.of(spec, 2).runsPerChunk());
    }
}
