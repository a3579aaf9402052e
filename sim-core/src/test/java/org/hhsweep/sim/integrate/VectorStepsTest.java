package org.hhsweep.sim.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hhsweep.sim.model.HHParameters;
import org.hhsweep.sim.model.NeuronBlock;
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
            compare(kernel, size, STEPS, true);
        }
    }

    /**
     * Spiking neurons long enough for C2 to compile the passes, whose Vector API calls then become
     * SIMD instructions instead of the API's Java fallback: both must give the scalar bits.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "table"})
    void stillTheSameBitsOnceTheJitHasCompiledThePasses(String kernel) {
        compare(kernel, 600, 5000, false);
    }

    private static void compare(String kernel, int size, int steps, boolean wild) {
        SplittableRandom random = new SplittableRandom(size);
        NeuronBlock a = randomBlock(size, random, wild);
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
            String where = kernel + ", block of " + size + ", step " + k;
            assertSameBits(a.V, b.V, where + ": V");
            assertSameBits(a.m, b.m, where + ": m");
            assertSameBits(a.h, b.h, where + ": h");
            assertSameBits(a.n, b.n, where + ": n");
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
    private static NeuronBlock randomBlock(int size, SplittableRandom r, boolean wild) {
        double[] special = {-40.0, -55.0, -65.0, -35.0, TableExponentialEuler.V_MIN, TableExponentialEuler.V_MAX,
            TableExponentialEuler.V_MAX - TableExponentialEuler.DV / 2, -150.0, 200.0, 1e5, -1e5, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -40.0 + 1e-12, -55.0 - 1e-9};
        NeuronBlock b = new NeuronBlock(size);
        for (int i = 0; i < size; i++) {
            HHParameters p = new HHParameters(r.nextDouble(40, 60), r.nextDouble(80, 160), r.nextDouble(-85, -70),
                    r.nextDouble(20, 50), r.nextDouble(-60, -50), r.nextDouble(0.01, 0.5), r.nextDouble(0.5, 2.0), 20.0);
            double v = r.nextInt(wild ? 8 : 100) == 0 ? special[r.nextInt(special.length)] : r.nextDouble(-90, 50);
            b.set(i, p, r.nextInt(8) == 0 ? -65.0 : r.nextDouble(-90, 50));
            b.V[i] = v;
            if (r.nextInt(10) == 0) {
                b.m[i] = r.nextDouble();
                b.h[i] = r.nextDouble();
                b.n[i] = r.nextDouble();
            }
        }
        return b;
    }

    private static NeuronBlock copy(NeuronBlock a) {
        NeuronBlock b = new NeuronBlock(a.size);
        for (int i = 0; i < a.size; i++) {
            b.set(i, a.parameters(i), a.V[i]);
            b.m[i] = a.m[i];
            b.h[i] = a.h[i];
            b.n[i] = a.n[i];
        }
        return b;
    }
}
