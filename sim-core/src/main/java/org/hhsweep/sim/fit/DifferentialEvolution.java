package org.hhsweep.sim.fit;

import java.util.Arrays;
import org.hhsweep.sim.random.RandomStreams;

/**
 * Differential evolution as an ask/tell {@link Optimizer}: R. Storn and K. Price, "Differential
 * Evolution - A Simple and Efficient Heuristic for Global Optimization over Continuous Spaces",
 * J. Global Optimization 11:341-359 (1997), the scheme DE/rand/1/bin. A population of NP points;
 * each generation, member i gets a trial: the mutant v = x_r1 + F (x_r2 - x_r3) of three other
 * members drawn at random (distinct from each other and from i), crossed with x_i coordinate by
 * coordinate with probability CR (and in one coordinate drawn at random, always), and the trial
 * replaces x_i when its loss is not worse. Unlike CMA-ES it needs no ranking of a whole
 * generation and keeps every member's best-so-far, which suits rugged losses with several minima;
 * it needs more evaluations on smooth ones.
 *
 * <p>Generation 0 asks the initial population, uniform in [0,1]^k; generation g >= 1 asks the NP
 * trials. The search runs in the unit box with a mutant outside it mirrored in by {@link
 * UnitBox}, so every member and trial is in the box.
 *
 * <p>Random numbers are drawn by {@link RandomStreams} from (seed, generation, member, counter) by
 * hashing, with no generator state: the trials of generation g are a function of the population
 * after g generations, the seed and g, so a search restored from its {@link #state()} asks what
 * the uninterrupted one would have asked.
 */
public final class DifferentialEvolution implements Optimizer {
    public static final String METHOD = OptimizerMethod.DIFFERENTIAL_EVOLUTION.label();
    /** The member and three others. */
    public static final int MIN_POPULATION = 4;
    /** Storn and Price's rule of thumb, NP = 10 k. */
    public static final int POPULATION_PER_PARAMETER = 10;
    /** The differential weight F, in Storn and Price's recommended range [0.5, 1]. */
    public static final double F = 0.8;
    /** The crossover probability CR, their choice for functions that are not separable. */
    public static final double CR = 0.9;
    /** Finished when every coordinate's spread over the population falls below this (of its range). */
    public static final double TOL_X = 1e-12;
    /** Keeps the optimizer's streams apart from any other use of the sweep seed. */
    private static final long STREAM_SALT = 0x44_45_2F_72_31_62_00_01L;
    /** Counters of a member's stream: the three others, the forced coordinate, then one per coordinate. */
    private static final int FORCED = 3;
    private static final int CROSSOVER = 4;

    /**
     * Everything the search knows after {@code generation} generations: the population and its
     * losses (null before generation 0 is told), the best so far. The budget shapes nothing: a
     * finished search resumed with a larger one goes on as if given it from the start.
     *
     * @param members the population, NP points of [0,1]^k
     * @param losses  their losses (NaN where a loss was not a number), or null at generation 0
     * @param best    the best evaluation so far, or null
     */
    public record State(String method, int dimension, int population, long seed, int generation,
                        double[][] members, double[] losses, Best best) implements SavedState.Search {
    }

    private final int generations;
    private State state;
    /** This generation's candidates, made once from the state. */
    private double[][] asked;

    private DifferentialEvolution(State state, int generations) {
        if (generations < 1) {
            throw new IllegalArgumentException("a budget of at least one generation, got " + generations);
        }
        this.generations = generations;
        this.state = state;
    }

    /** Storn and Price's population for k parameters, 10 k. */
    public static int defaultPopulation(int k) {
        return Math.max(MIN_POPULATION, POPULATION_PER_PARAMETER * k);
    }

    /**
     * A new search.
     *
     * @param dimension   k, the fitted parameters
     * @param population  NP, candidates per generation, at least {@link #MIN_POPULATION}
     * @param generations the budget: {@link #finished} after that many
     * @param seed        the seed of every random number of the search
     */
    public static DifferentialEvolution start(int dimension, int population, int generations, long seed) {
        checkSettings(dimension, population);
        double[][] members = new double[population][dimension];
        long key = RandomStreams.runSeed(seed ^ STREAM_SALT, 0);
        for (int i = 0; i < population; i++) {
            long member = RandomStreams.streamKey(key, i, RandomStreams.Purpose.SAMPLING);
            for (int j = 0; j < dimension; j++) {
                members[i][j] = RandomStreams.uniform(member, j);
            }
        }
        return new DifferentialEvolution(new State(METHOD, dimension, population, seed, 0, members, null, null),
                generations);
    }

    /**
     * The search a {@link #state()} describes.
     *
     * @throws IllegalArgumentException when the text is not such a state, or one of another search
     *                                  (method, dimension, population or seed differ)
     */
    public static DifferentialEvolution restore(String json, int dimension, int population, int generations,
                                                long seed) {
        checkSettings(dimension, population);
        State s = SavedState.read(json, State.class, METHOD, dimension, population, seed);
        boolean membersOk = s.members() != null && s.members().length == population
                && Arrays.stream(s.members()).allMatch(m -> m != null && m.length == dimension
                && Arrays.stream(m).allMatch(x -> x >= 0 && x <= 1));
        boolean lossesOk = s.generation() == 0 ? s.losses() == null
                : s.losses() != null && s.losses().length == population;
        if (!membersOk || !lossesOk || s.generation() < 0) {
            throw new IllegalArgumentException("a saved differential evolution state with " + population + " members of "
                    + dimension + " numbers in [0, 1], their " + population
                    + " losses (none at generation 0) and a generation >= 0");
        }
        return new DifferentialEvolution(s, generations);
    }

    private static void checkSettings(int dimension, int population) {
        if (dimension < 1 || population < MIN_POPULATION) {
            throw new IllegalArgumentException("differential evolution needs a dimension >= 1 and a population >= "
                    + MIN_POPULATION + ", got " + dimension + " and " + population);
        }
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
        return state.generation() >= generations || state.generation() >= 1 && spread() < TOL_X;
    }

    /** The largest spread of a coordinate over the population. */
    private double spread() {
        double widest = 0;
        for (int j = 0; j < state.dimension(); j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] m : state.members()) {
                lo = Math.min(lo, m[j]);
                hi = Math.max(hi, m[j]);
            }
            widest = Math.max(widest, hi - lo);
        }
        return widest;
    }

    @Override
    public double[][] ask() {
        if (asked == null) {
            asked = state.generation() == 0 ? state.members() : trials();
        }
        double[][] out = new double[asked.length][];
        for (int i = 0; i < asked.length; i++) {
            out[i] = asked[i].clone();
        }
        return out;
    }

    /** Each member's trial: DE/rand/1 mutation, mirrored into the box, and binomial crossover. */
    private double[][] trials() {
        int np = state.population();
        int k = state.dimension();
        double[][] x = state.members();
        long key = RandomStreams.runSeed(state.seed() ^ STREAM_SALT, state.generation());
        double[][] out = new double[np][k];
        for (int i = 0; i < np; i++) {
            long member = RandomStreams.streamKey(key, i, RandomStreams.Purpose.SAMPLING);
            int[] others = others(member, i, np);
            int forced = (int) (RandomStreams.uniform(member, FORCED) * k);
            for (int j = 0; j < k; j++) {
                if (j == forced || RandomStreams.uniform(member, CROSSOVER + j) < CR) {
                    out[i][j] = UnitBox.mirror(x[others[0]][j] + F * (x[others[1]][j] - x[others[2]][j]));
                } else {
                    out[i][j] = x[i][j];
                }
            }
        }
        return out;
    }

    /** Three members other than i and each other, each uniform among those left. */
    static int[] others(long stream, int i, int np) {
        int[] taken = {i, -1, -1, -1};
        int[] out = new int[3];
        for (int d = 0; d < 3; d++) {
            int left = np - 1 - d;
            int r = Math.min(left - 1, (int) (RandomStreams.uniform(stream, d) * left));
            // the r-th index not taken: step over the taken ones, in increasing order
            int[] sorted = Arrays.copyOf(taken, d + 1);
            Arrays.sort(sorted);
            for (int t : sorted) {
                if (r >= t) {
                    r++;
                }
            }
            out[d] = r;
            taken[d + 1] = r;
        }
        return out;
    }

    @Override
    public void tell(double[] losses) {
        int np = state.population();
        if (losses.length != np) {
            throw new IllegalArgumentException("one loss per candidate: " + np + ", got " + losses.length);
        }
        double[][] candidates = ask();
        double[][] members = new double[np][];
        double[] kept = new double[np];
        for (int i = 0; i < np; i++) {
            // a trial as good as its member replaces it (drift across plateaus); NaN is worse than any number
            boolean replace = state.losses() == null || Double.compare(losses[i], state.losses()[i]) <= 0;
            members[i] = replace ? candidates[i] : state.members()[i];
            kept[i] = replace ? losses[i] : state.losses()[i];
        }
        Best best = state.best();
        int first = Optimizer.rank(losses)[0];
        if (Double.isFinite(losses[first]) && (best == null || losses[first] < best.loss())) {
            best = new Best(state.generation(), first, candidates[first], losses[first]);
        }
        state = new State(METHOD, state.dimension(), np, state.seed(), state.generation() + 1, members, kept, best);
        asked = null;
    }
}
