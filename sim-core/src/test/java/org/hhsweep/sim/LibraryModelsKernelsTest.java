package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.integrate.ExponentialEuler;
import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.model.NeuronModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library model through every kernel, side by side with the reference integrator for 500 ms
 * under constant currents from silence to fast firing: exp_euler_fast (the same scheme with other
 * roundings and shared exponentials) keeps every spike count and stays within 1e-6 mV of it;
 * exp_euler_table keeps every count within one spike. The reference itself is checked against
 * Brian2 (Brian2LibraryTest) and DOP853 (ConvergenceTest).
 */
class LibraryModelsKernelsTest {
    private static final double DT = 0.01;
    private static final double[] CURRENTS = {0, 0.5, 1, 2, 4, 7, 10, 15, 20};

    static java.util.List<String> models() {
        return ModelLibrary.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void fastAndTableKernelsFollowTheReference(String name) {
        NeuronModel model = ModelLibrary.model(name);
        int n = CURRENTS.length;
        NeuronBlock ref = NeuronBlock.uniform(n, model);
        NeuronBlock fast = NeuronBlock.uniform(n, model);
        NeuronBlock table = NeuronBlock.uniform(n, model);
        Integrator reference = new ExponentialEuler();
        Integrator fastKernel = Method.EXP_EULER_FAST.create();
        Integrator tableKernel = Method.EXP_EULER_TABLE.create();
        int[] countRef = new int[n], countFast = new int[n], countTable = new int[n];
        double worst = 0;
        for (long k = 0; k < TimeGrid.steps(500.0, DT); k++) {
            step(reference, ref, countRef);
            step(fastKernel, fast, countFast);
            step(tableKernel, table, countTable);
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(ref.V[i] - fast.V[i]));
            }
        }
        System.out.printf(Locale.ROOT, "%s: spikes %s (reference) %s (table); fast max |dV| %.2e mV%n", name,
                Arrays.toString(countRef), Arrays.toString(countTable), worst);
        assertTrue(Arrays.stream(countRef).max().orElse(0) >= 10, name + " should fire at the larger currents");
        assertTrue(countRef[0] < countRef[n - 1], name + " should fire faster with more current");
        assertEquals(Arrays.toString(countRef), Arrays.toString(countFast), name + ": exp_euler_fast spike counts");
        assertTrue(worst < 1e-6, name + ": exp_euler_fast deviates " + worst + " mV");
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(countRef[i] - countTable[i]) <= 1,
                    name + " at " + CURRENTS[i] + " uA/cm^2: table " + countTable[i] + " vs " + countRef[i]);
        }
    }

    /** One step, counting upward crossings of each neuron's V_th (V_before < V_th <= V_after). */
    private static void step(Integrator integrator, NeuronBlock b, int[] count) {
        double[] before = b.V.clone();
        integrator.step(b, CURRENTS, DT);
        for (int i = 0; i < b.size; i++) {
            if (before[i] < b.Vth[i] && b.V[i] >= b.Vth[i]) {
                count[i]++;
            }
        }
    }
}
