package org.hhsweep.sim.model;

import java.util.Arrays;

/**
 * State and parameters of a block of Hodgkin-Huxley neurons as structure-of-arrays: one primitive
 * array per state variable and per parameter, indexed by the neuron's position in the block.
 *
 * <p>Fields are public arrays on purpose: the integrators' inner loops read them directly, and
 * nothing else should hold on to them.
 */
public final class NeuronBlock {
    public final int size;

    public final double[] V;
    public final double[] m;
    public final double[] h;
    public final double[] n;

    public final double[] ENa;
    public final double[] gNa;
    public final double[] EK;
    public final double[] gK;
    public final double[] EL;
    public final double[] gL;
    public final double[] C;
    public final double[] Vth;

    public NeuronBlock(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a block needs at least one neuron, got " + size);
        }
        this.size = size;
        V = new double[size];
        m = new double[size];
        h = new double[size];
        n = new double[size];
        ENa = new double[size];
        gNa = new double[size];
        EK = new double[size];
        gK = new double[size];
        EL = new double[size];
        gL = new double[size];
        C = new double[size];
        Vth = new double[size];
    }

    /** A block whose neurons all have the same parameters and start at V = -65 mV. */
    public static NeuronBlock uniform(int size, HHParameters p) {
        NeuronBlock block = new NeuronBlock(size);
        for (int i = 0; i < size; i++) {
            block.set(i, p, -65.0);
        }
        return block;
    }

    /** Sets neuron i's parameters and puts it at rest-free start: V = v0, gates at steady state. */
    public void set(int i, HHParameters p, double v0) {
        ENa[i] = p.ENa();
        gNa[i] = p.gNa();
        EK[i] = p.EK();
        gK[i] = p.gK();
        EL[i] = p.EL();
        gL[i] = p.gL();
        C[i] = p.C();
        Vth[i] = p.Vth();
        V[i] = v0;
        m[i] = HodgkinHuxley.mInf(v0);
        h[i] = HodgkinHuxley.hInf(v0);
        n[i] = HodgkinHuxley.nInf(v0);
    }

    public HHParameters parameters(int i) {
        return new HHParameters(ENa[i], gNa[i], EK[i], gK[i], EL[i], gL[i], C[i], Vth[i]);
    }

    @Override
    public String toString() {
        return "NeuronBlock[size=" + size + ", V=" + Arrays.toString(Arrays.copyOf(V, Math.min(size, 4))) + "...]";
    }
}
