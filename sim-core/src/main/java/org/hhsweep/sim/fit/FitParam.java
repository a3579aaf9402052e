package org.hhsweep.sim.fit;

import java.io.Serializable;

/**
 * A fitted parameter: a sweepable config path and the bounds of its search, low < high, in the
 * path's engine unit. The optimizer's coordinate u in [0,1] is the value low + u (high - low).
 */
public record FitParam(String path, double low, double high) implements Serializable {
    public FitParam {
        if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(path + ": bounds [" + low + ", " + high + "], expected finite low < high");
        }
    }

    /** The value at coordinate u of [0, 1], never outside [low, high] (rounding included). */
    public double value(double u) {
        return Math.min(high, Math.max(low, low + u * (high - low)));
    }
}
