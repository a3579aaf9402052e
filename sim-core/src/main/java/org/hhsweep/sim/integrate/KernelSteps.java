package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The passes of exp_euler_fast and exp_euler_table for one implementation, scalar
 * ({@link ScalarSteps}) or SIMD (VectorSteps, Vector API), which give the same bits; and the loop
 * that runs a step's passes chunk by chunk.
 */
interface KernelSteps {
    Pass[] fast(Chunk c);

    Pass[] table(Chunk c);

    /** Runs the passes over the block in chunks of {@link Chunk#SIZE} neurons. */
    static void run(Pass[] passes, StepContext s, NeuronBlock b, double[] current, double dt) {
        s.b = b;
        s.current = current;
        s.dt = dt;
        for (int from = 0; from < b.size; from += Chunk.SIZE) {
            int n = Math.min(Chunk.SIZE, b.size - from);
            for (Pass p : passes) {
                p.run(s, from, n);
            }
        }
    }
}
