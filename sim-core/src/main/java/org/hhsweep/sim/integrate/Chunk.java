package org.hhsweep.sim.integrate;

/** Work arrays of one chunk of neurons for one model's plan, small enough for L1 together. */
final class Chunk {
    static final int SIZE = 256;

    // exp_euler_fast: each slot's argument, then its e^a and a/(e^a - 1)
    final double[][] arg;
    final double[][] exp;
    final double[][] inverse;
    /** A gate's alpha's and beta's E when it is a power of its slot's or has a factor. */
    final double[] powerAlpha = new double[SIZE];
    final double[] powerBeta = new double[SIZE];
    /** Each gate's value to its power (scalar passes). */
    final double[][] powered;
    /** Each channel's open conductance g prod x^power (SIMD passes). */
    final double[][] opened;
    /** A missing channel's open conductance and reversal (0), for the pass that takes channels in threes. */
    final double[] zeros = new double[SIZE];
    /** The sums over channels for V. */
    final double[] gSum = new double[SIZE];
    final double[] ionicNeg = new double[SIZE];
    // dt J of each variable (overwritten by exprel(dt J)) and f(x); gates by index
    final double[] zV = new double[SIZE];
    final double[] fV = new double[SIZE];
    final double[][] z;
    final double[][] f;
    // exp_euler_table
    /** Each neuron's table record (index into GateTable.nodes) and fraction, when all are inside. */
    final long[] record = new long[SIZE];
    final double[] frac = new double[SIZE];
    boolean inside;
    /** P and E of every gate of a neuron outside the table, and its rates. */
    final double[] exact;
    final double[] rates;

    Chunk(RatePlan plan) {
        int slots = plan.slots;
        int gates = plan.kinetics.gates;
        arg = new double[slots][SIZE];
        exp = new double[slots][SIZE];
        inverse = new double[slots][SIZE];
        z = new double[gates][SIZE];
        powered = new double[gates][SIZE];
        opened = new double[plan.kinetics.channels][SIZE];
        f = new double[gates][SIZE];
        exact = new double[2 * gates];
        rates = new double[plan.ratesLength()];
    }
}
