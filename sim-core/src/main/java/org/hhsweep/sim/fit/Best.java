package org.hhsweep.sim.fit;

import java.util.Arrays;

/**
 * The best evaluation so far.
 *
 * @param generation the generation that evaluated it
 * @param candidate  its index in that generation
 * @param point      where it is in [0,1]^k ({@link FitSpec#values} gives it in engine units)
 * @param loss       its loss, finite
 */
public record Best(int generation, int candidate, double[] point, double loss) {
    public Best {
        point = point.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Best b && generation == b.generation && candidate == b.candidate
                && Arrays.equals(point, b.point) && Double.compare(loss, b.loss) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * generation + candidate) + Arrays.hashCode(point);
    }
}
