package org.hhsweep.sim.sensitivity;

/**
 * Statistics of one parameter's elementary effects (Morris 1991): mu_star, the mean of their
 * absolute values (Campolongo, Cariboni and Saltelli 2007, "An effective screening design for
 * sensitivity analysis of large models", Environ. Model. Softw. 22, 1509-1518), which ranks
 * parameters by influence where effects of opposite signs would cancel in the plain mean; and
 * sigma, their standard deviation (over n - 1, as SALib), which is large for a parameter whose
 * effect depends on where it is measured (a non-linear effect or interactions).
 */
public final class ElementaryEffects {
    private ElementaryEffects() {
    }

    /** mu_star over the effects picked (repeats allowed); NaN when none is. */
    public static double muStar(double[] effects, int[] picks) {
        if (picks.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j : picks) {
            sum += Math.abs(effects[j]);
        }
        return sum / picks.length;
    }

    /** mu_star over all the effects. */
    public static double muStar(double[] effects) {
        int[] all = new int[effects.length];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        return muStar(effects, all);
    }

    /** The standard deviation of the effects (over n - 1); NaN below two. */
    public static double sigma(double[] effects) {
        int n = effects.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double e : effects) {
            mean += e;
        }
        mean /= n;
        double ss = 0;
        for (double e : effects) {
            ss += (e - mean) * (e - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }
}
