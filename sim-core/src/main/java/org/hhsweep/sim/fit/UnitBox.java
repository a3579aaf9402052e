package org.hhsweep.sim.fit;

/**
 * The bound handling of the search: a point of R^k is mirrored into [0,1]^k at the bounds, again
 * and again (x -> -x below 0, x -> 2 - x above 1, i.e. the triangle wave of period 2). The
 * optimizer samples and adapts on the unmirrored points, so it minimises the loss extended to R^k
 * by mirror symmetry: no sample is rejected or resampled, no point outside the box is ever
 * evaluated, and an optimum on a bound is a smooth optimum of the extended loss.
 */
public final class UnitBox {
    private UnitBox() {
    }

    /** x mirrored into [0, 1]. */
    public static double mirror(double x) {
        double y = x % 2.0;          // (-2, 2), exact
        if (y < 0) {
            y += 2.0;                // [0, 2]
        }
        return y <= 1.0 ? y : 2.0 - y;
    }

    /** Each coordinate mirrored into [0, 1]. */
    public static double[] mirror(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = mirror(x[i]);
        }
        return out;
    }
}
