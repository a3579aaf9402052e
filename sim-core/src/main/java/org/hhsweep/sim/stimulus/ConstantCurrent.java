package org.hhsweep.sim.stimulus;

/** A constant current per neuron. */
public final class ConstantCurrent implements Stimulus {
    private final double[] amplitude;

    public ConstantCurrent(double[] amplitude) {
        this.amplitude = amplitude.clone();
    }

    @Override
    public void current(long step, double[] out) {
        System.arraycopy(amplitude, 0, out, 0, amplitude.length);
    }
}
