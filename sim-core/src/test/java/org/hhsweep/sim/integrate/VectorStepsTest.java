package org.hhsweep.sim.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.model.SyntheticModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD passes (Vector API) must give the scalar passes' bits, neuron by neuron, for any block
 * size (whole vectors, tails, several chunks) and any state: rest, spikes, the rate functions'
 * removable singularities, V outside the gate table, diverged and non-finite values. Surefire runs
 * with the Vector API module, so the SIMD kernel is really the one under test here.
 */
class VectorStepsTest {
    private static final int[] SIZES = {1, 7, 8, 9, 63, 256, 257, 600, 1031};
    private static final int STEPS = 60;

    @Test
    void theTestJvmHasTheVectorApi() {
        assertTrue(FastKernels.vectorized(), "surefire must run with --add-modules jdk.incubator.vector");
        assertTrue(FastKernels.vectorSteps().lanes() >= 2, "lanes: " + FastKernels.vectorSteps().lanes());
    }

    /** Short runs from awkward states, with kicks of +-10^4 uA/cm^2 and dt up to 0.2 ms. */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "table"})
    void simdAndScalarGiveTheSameBits(String kernel) {
        for (int size : SIZES) {
            compare(kernel, ModelLibrary.hh(), size, STEPS, true);
        }
    }

    /**
     * Every library model and random ones (every form, powers to 8, instantaneous gates, shared
     * exponentials with powers and factors): the passes are built from the model's data, so each
     * model is its own kernel to check.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "table"})
    void everyModelGivesTheSameBitsOnBoth(String kernel) {
        List<NeuronModel> models = new ArrayList<>();
        for (String name : ModelLibrary.NAMES) {
            models.add(ModelLibrary.model(name));
        }
        for (long seed = 1; seed <= 12; seed++) {
            models.add(SyntheticModels.random(seed));
        }
        for (NeuronModel model : models) {
            for (int size : new int[] {9, 257}) {
                compare(kernel, model, size, STEPS, true);
            }
        }
    }

    /**
     * Spiking neurons long enough for C2 to compile the passes, whose Vector API calls then become
     * SIMD instructions instead of the API's Java fallback: both must give the scalar bits.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "table"})
    void stillTheSameBitsOnceTheJitHasCompiledThePasses(String kernel) {
        compare(kernel, ModelLibrary.hh(), 600, 5000, false);
        compare(kernel, ModelLibrary.model("wang_buzsaki"), 600, 5000, false);
        compare(kernel, SyntheticModels.random(7), 600, 5000, false);
    }

    private static void compare(String kernel, NeuronModel model, int size, int steps, boolean wild) {
        SplittableRandom random = new SplittableRandom(size);
        NeuronBlock a = randomBlock(model, size, random, wild);
        NeuronBlock b = copy(a);
        double[] current = new double[size];
        Integrator scalar = create(kernel, ScalarSteps.INSTANCE);
        Integrator vector = create(kernel, FastKernels.vectorSteps());
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < size; i++) {
                current[i] = wild && random.nextInt(20) == 0 ? random.nextDouble(-1e4, 1e4) : random.nextDouble(-5, 40);
            }
            double dt = !wild ? 0.01 : k % 3 == 0 ? 0.01 : k % 3 == 1 ? 0.05 : 0.2;
            scalar.step(a, current, dt);
            vector.step(b, current, dt);
            String where = kernel + ", " + model + ", block of " + size + ", step " + k;
            assertSameBits(a.V, b.V, where + ": V");
            for (int g = 0; g < a.gates.length; g++) {
                assertSameBits(a.gates[g], b.gates[g], where + ": gate " + a.gateNames().get(g));
            }
        }
    }

    private static void assertSameBits(double[] expected, double[] actual, String where) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                assertEquals(expected[i], actual[i], 0.0, where + ", neuron " + i);
            }
        }
    }

    private static Integrator create(String kernel, KernelSteps steps) {
        return kernel.equals("fast") ? new FastExponentialEuler(steps)
                : new TableExponentialEuler(steps, TableExponentialEuler.DV);
    }

    /** Mostly physiological states and parameters, with a share of every kind of awkward value. */
    private static NeuronBlock randomBlock(NeuronModel model, int size, SplittableRandom r, boolean wild) {
        List<Double> special = new ArrayList<>(List.of(-65.0, -35.0, TableExponentialEuler.V_MIN,
                TableExponentialEuler.V_MAX, TableExponentialEuler.V_MAX - TableExponentialEuler.DV / 2, -150.0, 200.0,
                1e5, -1e5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (double v : SyntheticModels.singularities(model)) {
            special.add(v);
            special.add(v + 1e-12);
            special.add(v - 1e-9);
        }
        NeuronBlock b = new NeuronBlock(size, model);
        for (int i = 0; i < size; i++) {
            NeuronModel p = model.with("C", r.nextDouble(0.5, 2.0));
            for (Channel c : model.channels()) {
                String cp = NeuronModel.CHANNELS + c.name() + ".";
                p = p.with(cp + "g", c.g() * r.nextDouble(0.5, 1.5)).with(cp + "E", c.E() + r.nextDouble(-10, 10));
            }
            double v = r.nextInt(wild ? 8 : 100) == 0 ? special.get(r.nextInt(special.size())) : r.nextDouble(-90, 50);
            b.set(i, p, r.nextInt(8) == 0 ? -65.0 : r.nextDouble(-90, 50));
            b.V[i] = v;
            if (r.nextInt(10) == 0) {
                for (double[] gate : b.gates) {
                    gate[i] = r.nextDouble();
                }
            }
        }
        return b;
    }

    private static NeuronBlock copy(NeuronBlock a) {
        return a.copy();
    }
}
