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
    /** Each gate's value to its power, a channel's open conductance, and the sums over channels for V. */
    final double[][] powered;
    /** Where the SIMD pass reads each gate's power from: the gate's own array (power 1) or powered. */
    final double[][] poweredSource;
    final int[] poweredOffset;
    final double[] open = new double[SIZE];
    /** A missing channel's conductance and reversal (0) and a missing gate (1), for passes that take channels in threes. */
    final double[] zeros = new double[SIZE];
    final double[] ones = new double[SIZE];
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
        poweredSource = new double[gates][];
        poweredOffset = new int[gates];
        f = new double[gates][SIZE];
        exact = new double[2 * gates];
        rates = new double[plan.ratesLength()];
        java.util.Arrays.fill(ones, 1.0);
    }
}
