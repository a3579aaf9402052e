package org.hhsweep.sim.model;

import java.io.Serializable;
import java.util.List;

/**
 * An ionic channel: current g (prod of gate^power) (V - E), with g in mS/cm^2 and E in mV. A
 * channel without gates is a leak.
 */
public record Channel(String name, double g, double E, List<Gate> gates) implements Serializable {

    public Channel {
        gates = List.copyOf(gates);
    }

    public Channel withG(double value) {
        return new Channel(name, value, E, gates);
    }

    public Channel withE(double value) {
        return new Channel(name, g, value, gates);
    }

    public Channel withGates(List<Gate> value) {
        return new Channel(name, g, E, value);
    }
}
