package org.hhsweep.sim.fit;

import java.util.Arrays;
import org.hhsweep.sim.random.RandomStreams;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * CMA-ES, the covariance matrix adaptation evolution strategy, as an ask/tell {@link Optimizer}:
 * N. Hansen, "The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772 (2016), the algorithm of
 * its summary (Sect. 4 / Appendix A) with the defaults of {@link CmaesConstants}: weighted
 * recombination of the best half (c_m = 1), cumulative step-size adaptation (path p_sigma, damping
 * d_sigma), and the covariance update with the rank-one term (evolution path p_c, with the h_sigma
 * stall and its variance correction) and the rank-mu term. No restarts, no active (negative)
 * weights.
 *
 * <p>The search runs in [0,1]^k from the centre, mean 0.5 and sigma 0.3 in every coordinate (a
 * third of the range, Hansen's advice for a box), with the bounds handled by {@link UnitBox}
 * mirroring. The covariance matrix is decomposed anew (Hipparchus' symmetric eigen solver) at
 * every generation, so the state is the distribution alone: mean, step size, covariance matrix and
 * the two paths.
 *
 * <p>Random numbers are drawn by {@link RandomStreams} from (seed, generation, candidate,
 * coordinate) by hashing, with no generator state: candidate i of generation g is a function of
 * the state after g generations, the seed and i. Given the seed and the losses told, every ask is
 * the same, whether or not the fit was stopped and restored in between.
 */
public final class Cmaes implements Optimizer {
    public static final String METHOD = OptimizerMethod.CMAES.label();
    public static final double INITIAL_MEAN = 0.5;
    public static final double INITIAL_SIGMA = 0.3;
    /**
     * Finished when sigma times the largest axis of the distribution falls below this (candidates
     * then differ by less than 1e-12 of a parameter's range) ...
     */
    public static final double TOL_X = 1e-12;
    /** ... or the covariance matrix's condition number exceeds this (Hansen's ConditionCov). */
    public static final double MAX_CONDITION = 1e14;
    /** Keeps the optimizer's streams apart from any other use of the sweep seed. */
    private static final long STREAM_SALT = 0x43_4D_41_2D_45_53_00_01L;

    /**
     * Everything CMA-ES knows after {@code generation} generations; the settings that shape the
     * search (dimension, population, seed) ride along so a state cannot be resumed by another fit.
     * The budget does not shape it (no parameter depends on it): a finished fit can be resumed with
     * a larger one and goes on as if it had been given that from the start.
     *
     * @param sigmaPath      the conjugate evolution path p_sigma
     * @param covariancePath the evolution path p_c
     * @param best           the best evaluation so far, or null
     */
    public record State(String method, int dimension, int population, long seed, int generation,
                        double[] mean, double sigma, double[][] covariance, double[] sigmaPath,
                        double[] covariancePath, Best best) implements SavedState.Search {
    }

    private final CmaesConstants c;
    private final int generations;
    private State state;
    /** This generation's sample, made once from the state. */
    private Sample sample;

    private Cmaes(State state, int generations) {
        if (generations < 1) {
            throw new IllegalArgumentException("a budget of at least one generation, got " + generations);
        }
        this.c = CmaesConstants.of(state.dimension(), state.population());
        this.generations = generations;
        this.state = state;
    }

    /**
     * A new search.
     *
     * @param dimension   k, the fitted parameters
     * @param population  lambda, candidates per generation, at least 2
     * @param generations the budget: {@link #finished} after that many
     * @param seed        the seed of every random number of the search
     */
    public static Cmaes start(int dimension, int population, int generations, long seed) {
        CmaesConstants.of(dimension, population);
        double[] mean = new double[dimension];
        Arrays.fill(mean, INITIAL_MEAN);
        double[][] cov = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            cov[i][i] = 1;
        }
        return new Cmaes(new State(METHOD, dimension, population, seed, 0, mean, INITIAL_SIGMA, cov,
                new double[dimension], new double[dimension], null), generations);
    }

    /**
     * The search a {@link #state()} describes.
     *
     * @throws IllegalArgumentException when the text is not such a state, or one of another search
     *                                  (method, dimension, population or seed differ)
     */
    public static Cmaes restore(String json, int dimension, int population, int generations, long seed) {
        State s = SavedState.read(json, State.class, METHOD, dimension, population, seed);
        int n = dimension;
        if (s.mean() == null || s.mean().length != n || s.sigmaPath() == null || s.sigmaPath().length != n
                || s.covariancePath() == null || s.covariancePath().length != n || s.covariance() == null
                || s.covariance().length != n || Arrays.stream(s.covariance()).anyMatch(r -> r == null || r.length != n)
                || s.generation() < 0 || !(s.sigma() > 0)) {
            throw new IllegalArgumentException("a saved CMA-ES state with vectors of " + n + " numbers, a " + n + "x"
                    + n + " covariance matrix, a positive sigma and a generation >= 0");
        }
        return new Cmaes(s, generations);
    }

    @Override
    public String state() {
        return SavedState.write(state);
    }

    @Override
    public int generation() {
        return state.generation();
    }

    @Override
    public Best best() {
        return state.best();
    }

    @Override
    public boolean finished() {
        if (state.generation() >= generations) {
            return true;
        }
        Sample s = sample();
        return state.sigma() * s.maxAxis < TOL_X || s.condition > MAX_CONDITION;
    }

    @Override
    public double[][] ask() {
        Sample s = sample();
        double[][] out = new double[c.lambda()][];
        for (int i = 0; i < c.lambda(); i++) {
            out[i] = UnitBox.mirror(s.x[i]);
        }
        return out;
    }

    @Override
    public void tell(double[] losses) {
        if (losses.length != c.lambda()) {
            throw new IllegalArgumentException("one loss per candidate: " + c.lambda() + ", got " + losses.length);
        }
        Sample s = sample();
        int n = c.n();
        int[] order = Optimizer.rank(losses);

        double[] yw = new double[n];
        for (int i = 0; i < c.mu(); i++) {
            double[] y = s.y[order[i]];
            for (int j = 0; j < n; j++) {
                yw[j] += c.weights()[i] * y[j];
            }
        }
        double sigma = state.sigma();
        double[] mean = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = state.mean()[j] + sigma * yw[j];
        }

        // p_sigma <- (1 - c_sigma) p_sigma + sqrt(c_sigma (2 - c_sigma) mu_eff) C^(-1/2) <y>_w
        double[] whitened = s.invSqrt(yw);
        double ks = Math.sqrt(c.cSigma() * (2 - c.cSigma()) * c.muEff());
        double[] ps = new double[n];
        double psNorm2 = 0;
        for (int j = 0; j < n; j++) {
            ps[j] = (1 - c.cSigma()) * state.sigmaPath()[j] + ks * whitened[j];
            psNorm2 += ps[j] * ps[j];
        }
        double psNorm = Math.sqrt(psNorm2);
        int g = state.generation() + 1;
        boolean hSigma = psNorm / Math.sqrt(1 - Math.pow(1 - c.cSigma(), 2.0 * g)) < (1.4 + 2.0 / (n + 1)) * c.chiN();

        double kc = hSigma ? Math.sqrt(c.cC() * (2 - c.cC()) * c.muEff()) : 0;
        double[] pc = new double[n];
        for (int j = 0; j < n; j++) {
            pc[j] = (1 - c.cC()) * state.covariancePath()[j] + kc * yw[j];
        }

        // C <- (1 + c1 delta(h) - c1 - c_mu sum w) C + c1 p_c p_c^T + c_mu sum w_i y_i:lambda y_i:lambda^T
        double delta = hSigma ? 0 : c.cC() * (2 - c.cC());
        double keep = 1 + c.c1() * delta - c.c1() - c.cMu();   // the weights sum to 1
        double[][] cov = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int l = 0; l <= j; l++) {
                double rankMu = 0;
                for (int i = 0; i < c.mu(); i++) {
                    double[] y = s.y[order[i]];
                    rankMu += c.weights()[i] * y[j] * y[l];
                }
                double v = keep * state.covariance()[j][l] + c.c1() * pc[j] * pc[l] + c.cMu() * rankMu;
                cov[j][l] = v;
                cov[l][j] = v;
            }
        }
        double newSigma = sigma * Math.exp(c.cSigma() / c.dSigma() * (psNorm / c.chiN() - 1));

        Best best = state.best();
        int first = order[0];
        if (Double.isFinite(losses[first]) && (best == null || losses[first] < best.loss())) {
            best = new Best(state.generation(), first, UnitBox.mirror(s.x[first]), losses[first]);
        }
        state = new State(METHOD, n, c.lambda(), state.seed(), g, mean, newSigma, cov, ps, pc, best);
        sample = null;
    }

    private Sample sample() {
        if (sample == null) {
            sample = new Sample(state, c);
        }
        return sample;
    }

    /** A generation's draws: the eigen decomposition of C and the candidates y = B D z, x = m + sigma y. */
    private static final class Sample {
        final double[][] b;
        final double[] d;
        final double[][] y;
        final double[][] x;
        final double maxAxis;
        final double condition;

        Sample(State s, CmaesConstants c) {
            int n = c.n();
            RealMatrix cov = new Array2DRowRealMatrix(s.covariance(), true);
            EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(cov);
            double[] values = eigen.getEigenvalues();
            b = new double[n][n];
            d = new double[n];
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                // rounding can leave a tiny negative eigenvalue where C is nearly singular
                double v = Math.max(values[k], 0);
                d[k] = Math.sqrt(v);
                max = Math.max(max, v);
                min = Math.min(min, v);
                double[] vector = eigen.getEigenvector(k).toArray();
                for (int j = 0; j < n; j++) {
                    b[j][k] = vector[j];
                }
            }
            maxAxis = Math.sqrt(max);
            condition = min > 0 ? max / min : Double.POSITIVE_INFINITY;

            y = new double[c.lambda()][n];
            x = new double[c.lambda()][n];
            long generationKey = RandomStreams.runSeed(s.seed() ^ STREAM_SALT, s.generation());
            for (int i = 0; i < c.lambda(); i++) {
                long key = RandomStreams.streamKey(generationKey, i, RandomStreams.Purpose.SAMPLING);
                double[] dz = new double[n];
                for (int k = 0; k < n; k++) {
                    dz[k] = d[k] * RandomStreams.gaussian(key, k);
                }
                for (int j = 0; j < n; j++) {
                    double v = 0;
                    for (int k = 0; k < n; k++) {
                        v += b[j][k] * dz[k];
                    }
                    y[i][j] = v;
                    x[i][j] = s.mean()[j] + s.sigma() * v;
                }
            }
        }

        /** C^(-1/2) v = B D^-1 B^T v (a zero axis, which C never reaches unless degenerate, maps to 0). */
        double[] invSqrt(double[] v) {
            int n = v.length;
            double[] t = new double[n];
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += b[j][k] * v[j];
                }
                t[k] = d[k] > 0 ? dot / d[k] : 0;
            }
            double[] out = new double[n];
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += b[j][k] * t[k];
                }
                out[j] = sum;
            }
            return out;
        }
    }
}
