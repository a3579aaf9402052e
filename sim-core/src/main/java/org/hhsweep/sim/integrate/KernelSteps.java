package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The passes of exp_euler_fast and exp_euler_table for one implementation, scalar
 * ({@link ScalarSteps}) or SIMD (VectorSteps, Vector API), which give the same bits; and the loop
 * that runs a step's passes chunk by chunk. Passes are built per model from its {@link RatePlan}
 * and read and write the context's chunk arrays.
 */
interface KernelSteps {
    Pass[] fast(StepContext s);

    Pass[] table(StepContext s);

    /** Neurons per vector: chunks with fewer go through the scalar passes. */
    int lanes();

    /**
     * Runs the passes over the block in chunks of {@link Chunk#SIZE} neurons; a chunk smaller
     * than a vector runs the scalar passes (the same bits). Otherwise a JVM that first simulates
     * one-neuron blocks compiles the SIMD passes with their vector loops never entered, and when
     * those loops do run C2 recompiles them with cold call sites it does not inline: every vector
     * is then boxed, at a fifth of the speed, for the rest of the run.
     */
    static void run(Pass[] passes, Pass[] scalar, int lanes, StepContext s, NeuronBlock b, double[] current,
                    double dt) {
        s.b = b;
        s.current = current;
        s.dt = dt;
        for (int from = 0; from < b.size; from += Chunk.SIZE) {
            int n = Math.min(Chunk.SIZE, b.size - from);
            for (Pass p : n >= lanes ? passes : scalar) {
                p.run(s, from, n);
            }
        }
    }
}
