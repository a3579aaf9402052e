package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.integrate.ExponentialEuler;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.SpikeDetector;
import org.junit.jupiter.api.Test;

/**
 * When a spike's weight arrives and how g decays, by hand: a spike in step k with delay d is added
 * at the end of step k + d; between arrivals g is multiplied by e^(-dt/tau) once per step; and V's
 * update in a step takes g as it was at the step's start.
 */
class SynapseTimingTest {
    private static final double DT = 0.1;
    private static final double TAU = 2.0;
    private static final double W = 0.5;

    /** One source driven across its threshold in step {@code spikeStep} only; g after every step 0..9. */
    private static double[] conductanceAfterEachStep(int spikeStep, long delaySteps) {
        NeuronBlock source = NeuronBlock.uniform(1, ModelLibrary.hh());
        SpikeDetector detector = new SpikeDetector(1, DT, 0, 0, false);
        double[] g = new double[1];
        Projection p = new Projection(new ConnectRule.OneToOne().connect(1, 1, false, 0L), detector, g, W, TAU, DT,
                delaySteps);
        double[] vBefore = new double[1];
        double[] out = new double[10];
        for (int k = 0; k < 10; k++) {
            vBefore[0] = k == spikeStep ? 0.0 : 30.0;
            source.V[0] = 30.0;
            detector.afterStep(k, source, vBefore, new double[1]);
            p.afterStep(k);
            out[k] = g[0];
        }
        return out;
    }

    @Test
    void withoutDelayTheWeightArrivesAtTheEndOfTheSpikesStep() {
        double[] g = conductanceAfterEachStep(3, 0);
        double decay = Math.exp(-DT / TAU);
        for (int k = 0; k < 3; k++) {
            assertEquals(0.0, g[k], "step " + k);
        }
        assertEquals(W, g[3]);
        // exact decay: one multiplication by e^(-dt/tau) a step, bit for bit
        double expected = W;
        for (int k = 4; k < 10; k++) {
            expected *= decay;
            assertEquals(expected, g[k], "step " + k);
        }
        assertEquals(W * Math.exp(-6 * DT / TAU), g[9], 1e-15);
    }

    @Test
    void aDelayOfDStepsAddsTheWeightDStepsLater() {
        for (int d = 1; d <= 4; d++) {
            double[] g = conductanceAfterEachStep(2, d);
            for (int k = 0; k < 2 + d; k++) {
                assertEquals(0.0, g[k], "delay " + d + ", step " + k);
            }
            assertEquals(W, g[2 + d], "delay " + d);
        }
    }

    @Test
    void delayMustBeWholeSteps() {
        SynapseGroup s = new SynapseGroup("S", "A", "B", new ConnectRule.OneToOne(), W, TAU, 0.0, 0.3);
        assertEquals(3, s.delaySteps(0.1));
        assertEquals(-1, s.delaySteps(0.2));
        assertEquals(-1, s.withDelay(0.05).delaySteps(0.1));
        assertEquals(0, s.withDelay(0).delaySteps(0.1));
    }

    /**
     * V of a target with a synaptic conductance g0 at t = 0 (no spikes): its first step is a step of
     * the model with one more leak of g0, its second one of g0 e^(-dt/tau), bit for bit.
     */
    @Test
    void voltageTakesTheConductanceAtTheStartOfEachStep() {
        double g0 = 0.7;
        double e = -80.0;
        NeuronModel hh = ModelLibrary.hh();
        Population a = Population.of("A", 1, hh);
        Population b = Population.of("B", 1, hh).withInitial("g_AB", InitialValue.of(g0));
        NetworkSpec spec = new NetworkSpec(List.of(a, b),
                List.of(new SynapseGroup("AB", "A", "B", new ConnectRule.OneToOne(), W, TAU, e, 0.0)));
        NetworkSimulation net = new NetworkSimulation(spec, SimulationSettings.of(DT, 1.0, Method.EXP_EULER_REFERENCE), 7L);

        NeuronModel plus = new NeuronModel(hh.C(), hh.Vth(), hh.phi(), List.of(hh.channels().get(0),
                hh.channels().get(1), hh.channels().get(2), new Channel("g_AB", g0, e, List.of())));
        NeuronBlock alone = NeuronBlock.uniform(1, plus);
        ExponentialEuler euler = new ExponentialEuler();
        double[] zero = new double[1];
        for (int k = 0; k < 5; k++) {
            net.step(k);
            euler.step(alone, zero, DT);
            alone.g[3][0] *= Math.exp(-DT / TAU);
            assertEquals(alone.V[0], net.block(1).V[0], "V after step " + k);
            assertEquals(alone.g[3][0], net.block(1).g[3][0], "g after step " + k);
        }
    }
}
