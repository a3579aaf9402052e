package org.hhsweep.sim.fit;

import java.io.Serializable;

/**
 * {@code fit.optimizer}: the method, the candidates per generation (each generation is one Spark
 * job of population x target rows runs) and the budget of generations.
 */
public record OptimizerSettings(String method, int population, int generations) implements Serializable {
    /** The default budget: enough for CMA-ES to reach 1e-10 on 5-parameter sphere and Rosenbrock functions (CmaesTest). */
    public static final int DEFAULT_GENERATIONS = 100;

    /** Hansen's default population for k parameters, 4 + floor(3 ln k): 4 for one, 6 for two, 10 for ten. */
    public static int defaultPopulation(int k) {
        return CmaesConstants.defaultPopulation(k);
    }
}
