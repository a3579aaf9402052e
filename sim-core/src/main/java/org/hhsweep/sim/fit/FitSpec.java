package org.hhsweep.sim.fit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * A fit ({@code fit:} of a config): the parameters to fit with their bounds, the target, the loss
 * and the optimizer, over the config's base run. What a driver loop needs, generation by
 * generation:
 * <ol>
 *   <li>{@link #start()} (or {@link #resume} from the state saved after the last finished generation);</li>
 *   <li>{@link #candidates} of the optimizer's generation, and their {@link #runs}: every candidate
 *       under every target row (one Spark job);</li>
 *   <li>per candidate, per row and loss term, the prediction from the runs' summaries
 *       ({@link FitLoss#prediction} over a run's neurons), and its {@link FitLoss#evaluate} loss;</li>
 *   <li>{@link Optimizer#tell} the losses in candidate order, save {@link Optimizer#state()}; until
 *       {@link Optimizer#finished()}.</li>
 * </ol>
 *
 * <p>Every run of a fit has seed replicate 0's seed: all candidates and rows see the same noise
 * (common random numbers, as replicates of a sweep do), so the loss of a candidate does not
 * change from one evaluation to the next, and differences between candidates are theirs.
 *
 * <p>Serializable, so a job can ship it and build a generation's runs on the workers.
 */
public final class FitSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SweepSpec sweep;
    private final List<FitParam> params;
    private final Target target;
    private final FitLoss loss;
    private final OptimizerSettings optimizer;
    private final OptimizerMethod method;

    /**
     * @param sweep the config's sweep: its base run, name and seed (it sweeps nothing)
     */
    public FitSpec(SweepSpec sweep, List<FitParam> params, Target target, List<LossTerm> loss,
                   OptimizerSettings optimizer) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("a fit of at least one parameter");
        }
        List<String> paths = sweep.base().paths();
        for (FitParam p : params) {
            if (!paths.contains(p.path())) {
                throw new IllegalArgumentException("fitted '" + p.path() + "' is not a sweepable scalar; expected one of "
                        + paths);
            }
            if (target.conditions().contains(p.path())) {
                throw new IllegalArgumentException("'" + p.path() + "' is both fitted and a condition of the target");
            }
        }
        for (String c : target.conditions()) {
            if (!paths.contains(c)) {
                throw new IllegalArgumentException("condition '" + c + "' is not a sweepable scalar; expected one of "
                        + paths);
            }
        }
        OptimizerMethod method = OptimizerMethod.of(optimizer.method());
        if (optimizer.population() < method.minPopulation()) {
            throw new IllegalArgumentException(method.label() + " needs a population of at least "
                    + method.minPopulation() + ", got " + optimizer.population());
        }
        this.sweep = sweep;
        this.params = List.copyOf(params);
        this.target = target;
        this.loss = new FitLoss(target, loss);
        this.optimizer = optimizer;
        this.method = method;
    }

    public SweepSpec sweep() {
        return sweep;
    }

    public List<FitParam> params() {
        return params;
    }

    public Target target() {
        return target;
    }

    public FitLoss loss() {
        return loss;
    }

    public OptimizerSettings optimizer() {
        return optimizer;
    }

    /** A new search, seeded from the config's seed. */
    public Optimizer start() {
        return method.start(params.size(), optimizer.population(), optimizer.generations(), sweep.seed());
    }

    /**
     * The search a saved {@link Optimizer#state()} describes, to go on from the generation after
     * the last one told; with a larger budget than the one it was saved under it goes on to it.
     *
     * @throws IllegalArgumentException when the text is not a state of this fit's search
     */
    public Optimizer resume(String state) {
        return method.restore(state, params.size(), optimizer.population(), optimizer.generations(), sweep.seed());
    }

    /** The fitted parameters' values, in engine units, at a point of [0,1]^k. */
    public double[] values(double[] point) {
        if (point.length != params.size()) {
            throw new IllegalArgumentException("a point of " + params.size() + " coordinates, got " + point.length);
        }
        double[] out = new double[point.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = params.get(j).value(point[j]);
        }
        return out;
    }

    /** The optimizer's current generation: its candidates with their values. */
    public List<Candidate> candidates(Optimizer o) {
        double[][] points = o.ask();
        List<Candidate> out = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            out.add(new Candidate(o.generation(), i, points[i], values(points[i])));
        }
        return out;
    }

    /** The paths of a fit run's swept values: the fitted parameters, then the target's conditions. */
    public List<String> runPaths() {
        List<String> out = new ArrayList<>();
        params.forEach(p -> out.add(p.path()));
        out.addAll(target.conditions());
        return List.copyOf(out);
    }

    /** Rows of the target: runs per candidate. */
    public int conditions() {
        return target.rows();
    }

    /**
     * The id of candidate c of generation g under target row r: (g * population + c) * rows + r, so
     * ids grow with generations and a generation's runs are a contiguous range, candidate-major.
     */
    public long runId(int generation, int candidate, int row) {
        if (candidate < 0 || candidate >= optimizer.population() || row < 0 || row >= target.rows() || generation < 0) {
            throw new IndexOutOfBoundsException("generation " + generation + ", candidate " + candidate + " of "
                    + optimizer.population() + ", row " + row + " of " + target.rows());
        }
        return Math.addExact(Math.multiplyExact(Math.addExact(Math.multiplyExact((long) generation,
                optimizer.population()), candidate), target.rows()), row);
    }

    /**
     * Candidate c under target row r: the base run with the row's conditions and the candidate's
     * values; its swept values are aligned with {@link #runPaths}.
     */
    public RunSpec run(Candidate c, int row) {
        double[] values = c.values();
        if (values.length != params.size()) {
            throw new IllegalArgumentException("a candidate of " + params.size() + " values, got " + values.length);
        }
        RunTemplate t = sweep.base();
        double[] swept = new double[params.size() + target.conditions().size()];
        for (int j = 0; j < values.length; j++) {
            t = t.with(params.get(j).path(), values[j]);
            swept[j] = values[j];
        }
        for (int k = 0; k < target.conditions().size(); k++) {
            double v = target.condition(row, k);
            t = t.with(target.conditions().get(k), v);
            swept[params.size() + k] = v;
        }
        return new RunSpec(runId(c.generation(), c.index(), row), sweep.replicateSeed(0), 0, swept, t);
    }

    /** Every run of the candidates, candidate-major (row fastest), in run id order for one generation. */
    public List<RunSpec> runs(List<Candidate> candidates) {
        List<RunSpec> out = new ArrayList<>(candidates.size() * target.rows());
        for (Candidate c : candidates) {
            for (int r = 0; r < target.rows(); r++) {
                out.add(run(c, r));
            }
        }
        return out;
    }
}
