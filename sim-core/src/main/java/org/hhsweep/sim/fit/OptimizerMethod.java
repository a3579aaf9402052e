package org.hhsweep.sim.fit;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The optimizers a fit can use ({@code fit.optimizer.method}): each method's name, its default and
 * smallest population, and how a search starts and is restored from its saved state. Adding a
 * method is a constant here and its {@link Optimizer} class.
 */
public enum OptimizerMethod {
    CMAES("cmaes", 2, CmaesConstants::defaultPopulation, Cmaes::start, Cmaes::restore),
    DIFFERENTIAL_EVOLUTION("differential_evolution", DifferentialEvolution.MIN_POPULATION,
            DifferentialEvolution::defaultPopulation, DifferentialEvolution::start, DifferentialEvolution::restore);

    /** A new search: (dimension, population, generations, seed). */
    private interface Start {
        Optimizer start(int dimension, int population, int generations, long seed);
    }

    /** The search a saved state describes: (state, dimension, population, generations, seed). */
    private interface Restore {
        Optimizer restore(String state, int dimension, int population, int generations, long seed);
    }

    private final String label;
    private final int minPopulation;
    private final IntUnaryOperator defaultPopulation;
    private final Start start;
    private final Restore restore;

    OptimizerMethod(String label, int minPopulation, IntUnaryOperator defaultPopulation, Start start,
                    Restore restore) {
        this.label = label;
        this.minPopulation = minPopulation;
        this.defaultPopulation = defaultPopulation;
        this.start = start;
        this.restore = restore;
    }

    /** The name a config gives, e.g. {@code cmaes}. */
    public String label() {
        return label;
    }

    /** The smallest population the method works with. */
    public int minPopulation() {
        return minPopulation;
    }

    /** The population when the config gives none, for k fitted parameters. */
    public int defaultPopulation(int k) {
        return defaultPopulation.applyAsInt(k);
    }

    Optimizer start(int k, int population, int generations, long seed) {
        return start.start(k, population, generations, seed);
    }

    Optimizer restore(String state, int k, int population, int generations, long seed) {
        return restore.restore(state, k, population, generations, seed);
    }

    /** Every method's name, in this order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(OptimizerMethod::label).toList();
    }

    /**
     * The method of a name.
     *
     * @throws IllegalArgumentException for a name that is no method's
     */
    public static OptimizerMethod of(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown optimizer '" + label + "', expected one of " + labels()));
    }
}
