package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The passes of one exp_euler_fast step over a chunk of neurons, each a simple loop over arrays:
 * scalar in {@link ScalarPasses}, on SIMD lanes in VectorPasses, with the same operations in the
 * same order so both give the same bits. Positions: block index from + j for chunk index j in
 * [j0, j1); the chunk's work arrays are indexed by j.
 */
interface Passes {
    /** The rate functions' exponents: -(V+40)/10, -(V+65)/18, -(V+65)/80, -(V+55)/10. */
    void rateArguments(double[] V, int from, int j0, int j1, Chunk c);

    void exp(double[] x, double[] out, int j0, int j1);

    void inverseExprel(double[] x, double[] out, int j0, int j1);

    void exprel(double[] x, double[] out, int j0, int j1);

    /** The rates from the exponentials, then each variable's dt J and f(x) from the old state. */
    void stepArguments(NeuronBlock b, double[] current, double dt, int from, int j0, int j1, Chunk c);

    /** x + dt exprel(dt J) f(x) for V, m, h and n. */
    void update(NeuronBlock b, double dt, int from, int j0, int j1, Chunk c);
}
