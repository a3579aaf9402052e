package org.hhsweep.sim.network;

import java.io.Serializable;

/**
 * Synapses from one population to another (or to itself): which pairs are connected, and the
 * conductance each adds to its target: g decays as dg/dt = -g/tau, the target receives g (E - V),
 * and a presynaptic spike adds weight to g after delay.
 *
 * @param weight  mS/cm^2 added per spike
 * @param tauMs   decay time constant, ms
 * @param E       reversal potential, mV
 * @param delayMs 0 (the spike's weight arrives at the end of its own step) or a whole number of steps
 */
public record SynapseGroup(String name, String from, String to, ConnectRule connect, double weight, double tauMs,
                           double E, double delayMs) implements Serializable {

    public SynapseGroup {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("synapse group " + name + "'s weight must be >= 0, got " + weight);
        }
        if (!(tauMs > 0) || !Double.isFinite(tauMs)) {
            throw new IllegalArgumentException("synapse group " + name + "'s tau must be positive, got " + tauMs);
        }
        if (!Double.isFinite(E)) {
            throw new IllegalArgumentException("synapse group " + name + "'s E must be finite, got " + E);
        }
        if (!(delayMs >= 0) || !Double.isFinite(delayMs)) {
            throw new IllegalArgumentException("synapse group " + name + "'s delay must be >= 0, got " + delayMs);
        }
    }

    /** The name of the conductance this group adds to its target's model, as its initial key. */
    public String conductance() {
        return Population.G_PREFIX + name;
    }

    /**
     * The delay in steps of dt, or -1 when it is none: a delay must be 0 or a whole number of steps
     * (within a relative 1e-9, which absorbs decimal-to-binary rounding).
     */
    public long delaySteps(double dt) {
        if (delayMs == 0) {
            return 0;
        }
        double k = delayMs / dt;
        double whole = Math.rint(k);
        return whole >= 1 && Math.abs(k - whole) <= 1e-9 * whole ? (long) whole : -1;
    }

    public SynapseGroup withWeight(double value) {
        return new SynapseGroup(name, from, to, connect, value, tauMs, E, delayMs);
    }

    public SynapseGroup withTau(double value) {
        return new SynapseGroup(name, from, to, connect, weight, value, E, delayMs);
    }

    public SynapseGroup withE(double value) {
        return new SynapseGroup(name, from, to, connect, weight, tauMs, value, delayMs);
    }

    public SynapseGroup withDelay(double value) {
        return new SynapseGroup(name, from, to, connect, weight, tauMs, E, value);
    }

    public SynapseGroup withConnect(ConnectRule value) {
        return new SynapseGroup(name, from, to, value, weight, tauMs, E, delayMs);
    }
}
