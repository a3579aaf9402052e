package org.hhsweep.sim.fit;

import java.io.Serializable;

/**
 * {@code fit.optimizer}: the method, the candidates per generation (each generation is one Spark
 * job of population x target rows runs) and the budget of generations; the method is the name of an
 * {@link OptimizerMethod}.
 */
public record OptimizerSettings(String method, int population, int generations) implements Serializable {
    /**
     * The default budget: enough for CMA-ES to reach 1e-10 on 5-parameter sphere and Rosenbrock
     * functions (CmaesTest); differential evolution needs more on smooth losses (DifferentialEvolutionTest).
     */
    public static final int DEFAULT_GENERATIONS = 100;
}
