package org.hhsweep.sim.model;

import java.io.Serializable;

/**
 * A gating variable x of a channel, raised to {@code power} in the channel's conductance:
 * dx/dt = phi (alpha (1 - x) - beta x). An instantaneous gate is held at alpha/(alpha + beta) of
 * the step's old V instead (Wang and Buzsaki's sodium activation). The power is a whole number from 1
 * to {@link #MAX_POWER} in any model that runs (the config's checks see to it); it is held as a
 * number so a sweep can set it like any other.
 *
 * @param phi     the gate's own temperature factor, or NaN to take the model's
 * @param initial the gate's value at t = 0, or NaN for its steady state at the initial V
 */
public record Gate(String name, double power, RateFunction alpha, RateFunction beta, double phi,
                   boolean instantaneous, double initial) implements Serializable {

    public static final int MAX_POWER = 8;

    /** The steady state alpha/(alpha + beta) at V. */
    public double steadyState(double v) {
        double a = alpha.at(v);
        return a / (a + beta.at(v));
    }

    /** This gate's phi where it has one, else the model's. */
    public double phi(double modelPhi) {
        return Double.isNaN(phi) ? modelPhi : phi;
    }

    public Gate withPower(double p) {
        return new Gate(name, p, alpha, beta, phi, instantaneous, initial);
    }

    public Gate withAlpha(RateFunction a) {
        return new Gate(name, power, a, beta, phi, instantaneous, initial);
    }

    public Gate withBeta(RateFunction b) {
        return new Gate(name, power, alpha, b, phi, instantaneous, initial);
    }

    public Gate withPhi(double p) {
        return new Gate(name, power, alpha, beta, p, instantaneous, initial);
    }

    public Gate withInitial(double x0) {
        return new Gate(name, power, alpha, beta, phi, instantaneous, x0);
    }
}
