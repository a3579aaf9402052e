package org.hhsweep.sim.sensitivity;

import java.io.Serializable;

/**
 * A parameter of a sensitivity analysis: a sweepable path, uniform on [low, high] in its engine
 * unit. Designs place points in the unit cube; {@link #value} maps a coordinate onto the range.
 */
public record SensitivityParam(String path, double low, double high) implements Serializable {

    public SensitivityParam {
        if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(path + ": the range must be finite with high > low, got ["
                    + low + ", " + high + "]");
        }
    }

    /** The value at coordinate u of [0, 1]: low at 0, high at 1. */
    public double value(double u) {
        return u == 1.0 ? high : low + (high - low) * u;
    }
}
