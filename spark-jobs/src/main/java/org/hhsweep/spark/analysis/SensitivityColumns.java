package org.hhsweep.spark.analysis;

import java.util.List;
import org.hhsweep.sim.sensitivity.SensitivityMethod;

/**
 * How the sensitivity table's estimates are shown: which one ranks the parameters and which pairs
 * of an estimate and its interval's half-width are drawn as bars. The columns themselves are the
 * method's ({@link SensitivityMethod#columns()}).
 */
public final class SensitivityColumns {
    /** An estimate and the column of its 95% interval's half-width, or null when it has none. */
    public record Bar(String column, String conf) {
    }

    private SensitivityColumns() {
    }

    /**
     * The estimate parameters are ranked by: ST (all of a parameter's effect, interactions included)
     * or mu_star (Morris' screening measure).
     */
    public static String rank(SensitivityMethod method) {
        return method == SensitivityMethod.SOBOL ? "ST" : "mu_star";
    }

    /** The bars of a parameter: S1 and ST with their intervals, or mu_star with its interval and sigma. */
    public static List<Bar> bars(SensitivityMethod method) {
        return method == SensitivityMethod.SOBOL ? List.of(new Bar("S1", "S1_conf"), new Bar("ST", "ST_conf"))
                : List.of(new Bar("mu_star", "mu_star_conf"), new Bar("sigma", null));
    }
}
