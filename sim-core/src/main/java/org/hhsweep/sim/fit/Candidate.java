package org.hhsweep.sim.fit;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One candidate of a generation: its index there, its point in [0,1]^k and the fitted
 * parameters' values in engine units (aligned with {@link FitSpec#params()}).
 */
public record Candidate(int generation, int index, double[] point, double[] values) implements Serializable {
    public Candidate {
        point = point.clone();
        values = values.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && generation == c.generation && index == c.index
                && Arrays.equals(point, c.point) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * generation + index) + Arrays.hashCode(values);
    }
}
