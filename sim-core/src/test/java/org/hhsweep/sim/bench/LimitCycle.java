package org.hhsweep.sim.bench;

import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;

/**
 * One period of a default neuron's spiking limit cycle under a constant current, sampled every
 * step. Benchmarks start their neurons at evenly spread phases of it, so a block of 4096 neurons
 * stepped a few dozen times costs what a single neuron stepped through hundreds of spikes costs:
 * every block size averages over the same mix of states (rest, upstroke, peak, refractory).
 */
final class LimitCycle {
    /** Long enough for the transient from rest to die out at any suprathreshold current. */
    private static final double SETTLE_MS = 200.0;
    /** No period of a spiking HH neuron is this long; reaching it means the neuron does not spike. */
    private static final double MAX_PERIOD_MS = 200.0;

    private final double[] v;
    /** gates[k][j]: gate k at phase j. */
    private final double[][] gates;
    private final int length;

    private LimitCycle(double[] v, double[][] gates, int length) {
        this.v = v;
        this.gates = gates;
        this.length = length;
    }

    /** The cycle from one upward threshold crossing to the next, integrated with the given scheme. */
    static LimitCycle of(Integrator integrator, NeuronModel p, double current, double dt) {
        NeuronBlock one = NeuronBlock.uniform(1, p);
        double[] in = {current};
        long settle = Math.round(SETTLE_MS / dt);
        for (long k = 0; k < settle; k++) {
            integrator.step(one, in, dt);
        }
        int max = (int) Math.round(MAX_PERIOD_MS / dt);
        stepToCrossing(integrator, one, in, dt, p.Vth(), max);

        double[] v = new double[max];
        double[][] gates = new double[one.gates.length][max];
        int length = 0;
        do {
            v[length] = one.V[0];
            for (int k = 0; k < gates.length; k++) {
                gates[k][length] = one.gates[k][0];
            }
            length++;
        } while (!stepCrosses(integrator, one, in, dt, p.Vth()) && length < max);
        if (length == max) {
            throw new IllegalStateException("no spike within " + MAX_PERIOD_MS + " ms at " + current + " uA/cm^2");
        }
        return new LimitCycle(v, gates, length);
    }

    private static void stepToCrossing(Integrator integrator, NeuronBlock one, double[] in, double dt,
                                       double vth, int max) {
        for (int k = 0; k < max; k++) {
            if (stepCrosses(integrator, one, in, dt, vth)) {
                return;
            }
        }
        throw new IllegalStateException("neuron does not spike: no threshold crossing within " + MAX_PERIOD_MS + " ms");
    }

    private static boolean stepCrosses(Integrator integrator, NeuronBlock one, double[] in, double dt, double vth) {
        double before = one.V[0];
        integrator.step(one, in, dt);
        return before < vth && one.V[0] >= vth;
    }

    /** Steps in one period. */
    int length() {
        return length;
    }

    /** Puts neuron i of the block at phase i/size of the cycle (neuron 0 right after a crossing). */
    void spreadOver(NeuronBlock block) {
        for (int i = 0; i < block.size; i++) {
            int j = (int) ((long) i * length / block.size);
            block.V[i] = v[j];
            for (int k = 0; k < gates.length; k++) {
                block.gates[k][i] = gates[k][j];
            }
        }
    }
}
