package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.random.JaxRandom;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * The tutorial replayed with {@code rng: jax}: 10 neurons, 100 ms at dt 0.01 ms, one input
 * uniform in [1, 10) shared by all neurons, drawn by JAX after {@code brainstate.random.seed(42)}.
 *
 * <p>Expected numbers are independent of this code: the input values and the tutorial's spike
 * indices are the (an emulation of JAX and BrainState); values at later steps come from a
 * separate numpy emulation of JAX's threefry stream (docs/search.md). The tutorial records V after
 * each step (vs[i] is V after the step fed inputs[i]) and finds spikes as the indices i with
 * vs[i] &lt;= 20 &lt; vs[i+1], i.e. one less than the step k in which V crosses; the project
 * reports that step's end, (k+1) dt. So index i means spike_ms = (i+2) dt.
 */
class JaxTutorialReplayTest {
    private static final float[] FIRST_INPUTS = {7.548978f, 8.090808f, 2.635248f, 3.363672f, 1.996564f};
    private static final int[] TUTORIAL_SPIKE_INDICES = {407, 2131, 3876, 5621, 7350, 9150};

    private static SweepSpec tutorial(boolean shared, int neurons, int seeds) {
        RunTemplate base = new RunTemplate(0.01, 100, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                ModelLibrary.hh(), -65, new StimulusSpec.JaxUniform(1, 10, shared, neurons), neurons, neurons,
                List.of(TraceVariable.V, TraceVariable.I), 0.01, true);
        return new SweepSpec("tutorial-jax", 42, base, List.of(), 0, List.of(), seeds);
    }

    private static BlockResult simulate(RunSpec run) {
        return Simulator.simulate(run.template().settings(), run.neurons());
    }

    private static Trace trace(BlockResult r, int neuron, TraceVariable v) {
        return r.traces().stream().filter(t -> t.neuron() == neuron && t.variable() == v).findFirst().orElseThrow();
    }

    /** The tutorial's own spike finding on its V record: i where V[i] <= 20 < V[i+1]. */
    private static int[] tutorialSpikeIndices(float[] v) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + 1 < v.length; i++) {
            if (!(v[i] > 20f) && v[i + 1] > 20f) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void replaysTheTutorialsInputAndSpikes() {
        SweepSpec spec = tutorial(true, 10, 1);
        RunSpec run = spec.run(0);
        assertEquals(42, run.seed(), "a JAX replay's run seed is JAX's seed");
        BlockResult r = simulate(run);

        for (int neuron = 0; neuron < 10; neuron++) {
            float[] current = trace(r, neuron, TraceVariable.I).values();
            assertEquals(10_000, current.length);
            for (int k = 0; k < FIRST_INPUTS.length; k++) {
                assertEquals(FIRST_INPUTS[k], current[k], 5e-7f, "neuron " + neuron + ", input " + k);
            }
            assertEquals(2.823676824569702, current[5], 0.0);
            assertEquals(3.968989849090576, current[1000], 0.0);
            assertEquals(6.803290843963623, current[9999], 0.0);

            assertArrayEquals(TUTORIAL_SPIKE_INDICES, tutorialSpikeIndices(trace(r, neuron, TraceVariable.V).values()),
                    "neuron " + neuron);
            double[] expectedMs = new double[TUTORIAL_SPIKE_INDICES.length];
            for (int s = 0; s < expectedMs.length; s++) {
                expectedMs[s] = TimeGrid.endOfStep(TUTORIAL_SPIKE_INDICES[s] + 1, 0.01);
            }
            assertArrayEquals(expectedMs, r.spikeTimes()[neuron], 1e-12);
            assertEquals(6, r.statistics()[neuron].spikeCount());
            assertEquals(60.0, r.statistics()[neuron].rateHz(), 1e-9);
        }
    }

    @Test
    void theWholeInputSumsAsInTheIndependentEmulation() {
        BlockResult r = simulate(tutorial(true, 1, 1).run(0));
        double sum = 0;
        for (float x : trace(r, 0, TraceVariable.I).values()) {
            sum += x;
        }
        // the numpy emulation's float64 sum of the 10,000 float32 values
        assertEquals(54967.23915588856, sum, 1e-9);
    }

    @Test
    void replicateRUsesSeedPlusR() {
        SweepSpec spec = tutorial(true, 1, 3);
        assertEquals(43, spec.run(1).seed());
        assertEquals(44, spec.run(2).seed());
        BlockResult r = simulate(spec.run(1));
        assertEquals(1.2506567239761353, trace(r, 0, TraceVariable.I).values()[0], 0.0);
    }

    /** Per-neuron input: JAX's draw of shape (steps, neurons), neuron i taking column i. */
    @Test
    void perNeuronInputIsOneDrawOfShapeStepsByNeurons() {
        double[] expectedRowMajor = {7.548977851867676, 8.090807914733887, 2.6352484226226807,
                3.3636720180511475, 1.9965640306472778, 2.823676824569702,
                3.859196186065674, 1.9501328468322754, 4.868556499481201};
        BlockResult r = simulate(tutorial(false, 3, 1).run(0));
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(expectedRowMajor[k * 3 + i], trace(r, i, TraceVariable.I).values()[k], 0.0,
                        "step " + k + ", neuron " + i);
            }
        }
        long sub = JaxRandom.split(JaxRandom.prngKey(42), 1);
        float[] neuron2 = trace(r, 2, TraceVariable.I).values();
        for (int k = 0; k < neuron2.length; k += 997) {
            assertEquals(JaxRandom.uniform(sub, 3L * k + 2, 1f, 10f), neuron2[k], 0f);
        }
    }

    /** A neuron simulated alone, or in a block with other runs' neurons, gets the same input. */
    @Test
    void perNeuronInputDoesNotDependOnTheBlock() {
        SweepSpec spec = tutorial(false, 4, 2);
        RunSpec run0 = spec.run(0);
        RunSpec run1 = spec.run(1);
        NeuronSpec[] mixed = {run1.neuron(3), run0.neuron(1), run1.neuron(0), run0.neuron(3)};
        BlockResult together = Simulator.simulate(run0.template().settings(), mixed);
        for (int p = 0; p < mixed.length; p++) {
            BlockResult alone = Simulator.simulate(run0.template().settings(), new NeuronSpec[] {mixed[p]});
            assertArrayEquals(trace(alone, 0, TraceVariable.I).values(), trace(together, p, TraceVariable.I).values());
            assertArrayEquals(alone.spikeTimes()[0], together.spikeTimes()[p]);
        }
    }
}
