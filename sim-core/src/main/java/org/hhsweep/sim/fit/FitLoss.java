package org.hhsweep.sim.fit;

import java.io.Serializable;
import java.util.List;
import org.hhsweep.sim.stats.NeuronStatistics;

/**
 * The loss of a candidate: weighted normalised squared errors of its predicted statistics against
 * the target's observed ones.
 *
 * <p>For a loss statistic s with weight w_s, over the target rows r that observe it (a row whose
 * cell is empty is skipped):
 * <pre>
 *   e_s  = mean over those rows of ((predicted_r,s - observed_r,s) / scale_s)^2
 *   loss = sum over s of w_s e_s
 * </pre>
 * where a row whose prediction is null (no spike, so no first spike; a diverged run) counts
 * {@link #MISSED_PENALTY} instead of its squared error. {@code scale_s} is the spread of the
 * observed values: their standard deviation over the rows (population, divided by n); where
 * that is 0 (one observed row, or all equal) their absolute value; where that is 0 too, 1 in the
 * statistic's unit. So a candidate that predicts the observed mean in every row scores e_s = 1,
 * and a null prediction costs as much as one two spreads off; nulls never make a loss NaN.
 *
 * <p>A row's prediction is one number per statistic: for runs of several neurons, the mean of
 * the neurons' values that are not null, null when all are ({@link #prediction}).
 */
public final class FitLoss implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The cost of a row where the target observes a value and the candidate's run has none. */
    public static final double MISSED_PENALTY = 4.0;

    /** A candidate's loss, each term's e_s (unweighted) and how many rows of each were missed (null predictions). */
    public record Evaluation(double loss, double[] errors, int[] missed) {
        public Evaluation {
            errors = errors.clone();
            missed = missed.clone();
        }

        @Override
        public double[] errors() {
            return errors.clone();
        }

        @Override
        public int[] missed() {
            return missed.clone();
        }
    }

    private final Target target;
    private final List<LossTerm> terms;
    /** The target column of each term. */
    private final int[] columns;
    private final double[] scales;

    /**
     * @param terms statistics of the target, each observed in at least one row
     */
    public FitLoss(Target target, List<LossTerm> terms) {
        this.target = target;
        this.terms = List.copyOf(terms);
        this.columns = new int[terms.size()];
        this.scales = new double[terms.size()];
        for (int t = 0; t < columns.length; t++) {
            int c = target.statistics().indexOf(terms.get(t).statistic());
            if (c < 0) {
                throw new IllegalArgumentException("'" + terms.get(t).statistic() + "' is not a statistic of the target "
                        + target.statistics());
            }
            columns[t] = c;
            scales[t] = scale(target, c);
        }
    }

    /** The spread of a column's observed values (see the class comment). */
    static double scale(Target target, int column) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < target.rows(); r++) {
            Double y = target.observed(r, column);
            if (y != null) {
                sum += y;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("statistic '" + target.statistics().get(column)
                    + "' is observed in no row of the target");
        }
        double mean = sum / n;
        double squares = 0;
        for (int r = 0; r < target.rows(); r++) {
            Double y = target.observed(r, column);
            if (y != null) {
                squares += (y - mean) * (y - mean);
            }
        }
        double sd = Math.sqrt(squares / n);
        if (sd > 0) {
            return sd;
        }
        return Math.abs(mean) > 0 ? Math.abs(mean) : 1;
    }

    public List<LossTerm> terms() {
        return terms;
    }

    /** Term t's scale, in its statistic's unit. */
    public double scale(int term) {
        return scales[term];
    }

    /**
     * The loss of one candidate.
     *
     * @param predicted per target row, per term (in {@link #terms} order), the candidate's value,
     *                  or null where its run has none
     */
    public Evaluation evaluate(Double[][] predicted) {
        if (predicted.length != target.rows()) {
            throw new IllegalArgumentException("one prediction row per target row: " + target.rows() + ", got "
                    + predicted.length);
        }
        double[] errors = new double[terms.size()];
        int[] missed = new int[terms.size()];
        double loss = 0;
        for (int t = 0; t < terms.size(); t++) {
            double sum = 0;
            int n = 0;
            for (int r = 0; r < predicted.length; r++) {
                if (predicted[r].length != terms.size()) {
                    throw new IllegalArgumentException("row " + r + ": one prediction per loss term: " + terms.size()
                            + ", got " + predicted[r].length);
                }
                Double y = target.observed(r, columns[t]);
                if (y == null) {
                    continue;
                }
                Double p = predicted[r][t];
                if (p == null || !Double.isFinite(p)) {
                    sum += MISSED_PENALTY;
                    missed[t]++;
                } else {
                    double e = (p - y) / scales[t];
                    sum += e * e;
                }
                n++;
            }
            errors[t] = sum / n;
            loss += terms.get(t).weight() * errors[t];
        }
        return new Evaluation(loss, errors, missed);
    }

    /** A row's predictions, one per term, from the statistics of its run's neurons ({@link #prediction} of each). */
    public Double[] predict(List<NeuronStatistics> neurons) {
        Double[] out = new Double[terms.size()];
        for (int t = 0; t < out.length; t++) {
            String s = terms.get(t).statistic();
            out[t] = prediction(neurons.stream().map(n -> n.value(s)).toList());
        }
        return out;
    }

    /** A row's prediction from its neurons' values: the mean of those not null, null when all are. */
    public static Double prediction(List<? extends Number> neuronValues) {
        double sum = 0;
        int n = 0;
        for (Number v : neuronValues) {
            if (v != null) {
                sum += v.doubleValue();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
