package org.hhsweep.sim.model;

import java.util.Arrays;
import java.util.List;

/**
 * State and per-neuron parameters of a block of neurons of one model's kinetics, as
 * structure-of-arrays: V, one array per gate (in {@link NeuronModel#gates()} order), and one array
 * per channel for g and for E, plus C and V_th. What is not per neuron (the rate functions, powers,
 * phi) is the block's {@link #kinetics}: neurons with other kinetics go in another block.
 *
 * <p>Fields are public arrays on purpose: the integrators' inner loops read them directly, and
 * nothing else should hold on to them.
 */
public final class NeuronBlock {
    public final int size;
    /** The kinetics every neuron of the block shares ({@link NeuronModel#kinetics()}). */
    public final NeuronModel kinetics;

    public final double[] V;
    /** gates[k][i]: gate k of neuron i. */
    public final double[][] gates;
    /** g[c][i], E[c][i]: channel c's conductance density and reversal potential for neuron i. */
    public final double[][] g;
    public final double[][] E;
    public final double[] C;
    public final double[] Vth;

    private final List<String> gateNames;

    public NeuronBlock(int size, NeuronModel model) {
        if (size <= 0) {
            throw new IllegalArgumentException("a block needs at least one neuron, got " + size);
        }
        this.size = size;
        this.kinetics = model.kinetics();
        this.gateNames = model.gates().stream().map(Gate::name).toList();
        int channels = model.channels().size();
        V = new double[size];
        gates = new double[gateNames.size()][size];
        g = new double[channels][size];
        E = new double[channels][size];
        C = new double[size];
        Vth = new double[size];
    }

    /** A block whose neurons all have the same model and start at V = -65 mV. */
    public static NeuronBlock uniform(int size, NeuronModel model) {
        NeuronBlock block = new NeuronBlock(size, model);
        for (int i = 0; i < size; i++) {
            block.set(i, model, -65.0);
        }
        return block;
    }

    /**
     * Sets neuron i's parameters and initial state: V = v0, each gate at its initial value or its
     * steady state at v0. The model must have this block's kinetics.
     */
    public void set(int i, NeuronModel model, double v0) {
        if (model != kinetics && !model.kinetics().equals(kinetics)) {
            throw new IllegalArgumentException("neuron " + i + "'s model has other kinetics than its block's");
        }
        List<Channel> channels = model.channels();
        for (int c = 0; c < channels.size(); c++) {
            g[c][i] = channels.get(c).g();
            E[c][i] = channels.get(c).E();
        }
        C[i] = model.C();
        Vth[i] = model.Vth();
        double[] y = model.initialState(v0);
        V[i] = v0;
        for (int k = 0; k < gates.length; k++) {
            gates[k][i] = y[k + 1];
        }
    }

    /** A block with the same kinetics, parameters and state. */
    public NeuronBlock copy() {
        NeuronBlock b = new NeuronBlock(size, kinetics);
        System.arraycopy(V, 0, b.V, 0, size);
        System.arraycopy(C, 0, b.C, 0, size);
        System.arraycopy(Vth, 0, b.Vth, 0, size);
        for (int k = 0; k < gates.length; k++) {
            System.arraycopy(gates[k], 0, b.gates[k], 0, size);
        }
        for (int c = 0; c < g.length; c++) {
            System.arraycopy(g[c], 0, b.g[c], 0, size);
            System.arraycopy(E[c], 0, b.E[c], 0, size);
        }
        return b;
    }

    /** The state array of the first gate called name, or null when the model has none. */
    public double[] gate(String name) {
        int k = gateNames.indexOf(name);
        return k < 0 ? null : gates[k];
    }

    public List<String> gateNames() {
        return gateNames;
    }

    @Override
    public String toString() {
        return "NeuronBlock[size=" + size + ", gates=" + gateNames + ", V="
                + Arrays.toString(Arrays.copyOf(V, Math.min(size, 4))) + "...]";
    }
}
