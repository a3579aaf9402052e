package org.hhsweep.sim.fit;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The data a fit matches ({@code fit.target}): rows of conditions and the statistics observed
 * under them. A row's condition values (config paths, in their engine units) override the
 * config's for that row's runs; an observed value is null where the row does not observe that
 * statistic.
 *
 * @param file       the target file as the config names it
 * @param conditions the condition paths, in the file's column order (may be none: one row, the config itself)
 * @param statistics the statistic columns, names of the summaries table, in the file's column order
 */
public record Target(String file, List<String> conditions, List<String> statistics, double[][] conditionValues,
                     Double[][] observedValues) implements Serializable {

    public Target {
        conditions = List.copyOf(conditions);
        statistics = List.copyOf(statistics);
        conditionValues = deepCopy(conditionValues);
        observedValues = Arrays.stream(observedValues).map(Double[]::clone).toArray(Double[][]::new);
        if (conditionValues.length != observedValues.length || conditionValues.length == 0) {
            throw new IllegalArgumentException("a target of at least one row, as many condition rows as observed rows");
        }
        for (int r = 0; r < conditionValues.length; r++) {
            if (conditionValues[r].length != conditions.size() || observedValues[r].length != statistics.size()) {
                throw new IllegalArgumentException("row " + r + ": " + conditionValues[r].length + " conditions and "
                        + observedValues[r].length + " statistics, expected " + conditions.size() + " and "
                        + statistics.size());
            }
        }
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    /** The rows: each a condition, run once per candidate. */
    public int rows() {
        return conditionValues.length;
    }

    /** Row r's value of condition path c (index into {@link #conditions}). */
    public double condition(int row, int c) {
        return conditionValues[row][c];
    }

    /** Row r's observed value of statistic s (index into {@link #statistics}), or null when not observed. */
    public Double observed(int row, int s) {
        return observedValues[row][s];
    }

    @Override
    public double[][] conditionValues() {
        return deepCopy(conditionValues);
    }

    @Override
    public Double[][] observedValues() {
        return Arrays.stream(observedValues).map(Double[]::clone).toArray(Double[][]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && file.equals(t.file) && conditions.equals(t.conditions)
                && statistics.equals(t.statistics) && Arrays.deepEquals(conditionValues, t.conditionValues)
                && Arrays.deepEquals(observedValues, t.observedValues);
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + Arrays.deepHashCode(conditionValues);
    }
}
