package org.hhsweep.sim.stimulus;

/**
 * The input current of every neuron of a block, one step at a time.
 *
 * <p>{@code current(k, out)} writes, for each neuron i, the current (uA/cm^2) applied during step k,
 * i.e. from t = k*dt to (k+1)*dt, into out[i]. Steps are asked for in order 0, 1, 2, ...; stateful
 * stimuli (Ornstein-Uhlenbeck) rely on it. Implementations must not allocate per step.
 */
public interface Stimulus {
    void current(long step, double[] out);
}
