package org.hhsweep.sim.sensitivity;

import java.util.List;

/**
 * The estimates for one output and one parameter: {@code values} in the order of
 * {@link SensitivityMethod#columns()} (S1, S1_conf, ST, ST_conf for sobol; mu_star, mu_star_conf,
 * sigma for morris; a conf is the half-width of a bootstrap 95% interval), NaN where an estimate is
 * undefined (the table's null).
 *
 * @param used    what the estimate used: base samples (sobol: rows of A, B and every AB_i) or
 *                elementary effects of this parameter (morris)
 * @param leftOut those left out because an output they need is null
 */
public record SensitivityIndex(String param, SensitivityMethod method, double[] values, int used, int leftOut) {

    public SensitivityIndex {
        values = values.clone();
        if (values.length != method.columns().size()) {
            throw new IllegalArgumentException(method.configName() + " has " + method.columns().size()
                    + " estimates, got " + values.length);
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The estimate named {@code column}, one of the method's columns. */
    public double value(String column) {
        List<String> columns = method.columns();
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(method.configName() + " estimates " + columns + ", not " + column);
        }
        return values[i];
    }
}
