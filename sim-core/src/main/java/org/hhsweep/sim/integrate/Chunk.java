package org.hhsweep.sim.integrate;

/** Work arrays of one chunk of neurons, small enough for L1 together. */
final class Chunk {
    static final int SIZE = 256;

    // exp_euler_fast: exponents of the rate functions, then the exponentials (am, an as rates)
    final double[] xm = new double[SIZE];
    final double[] x18 = new double[SIZE];
    final double[] x80 = new double[SIZE];
    final double[] xn = new double[SIZE];
    final double[] am = new double[SIZE];
    final double[] em = new double[SIZE];
    final double[] e18 = new double[SIZE];
    final double[] e80 = new double[SIZE];
    final double[] an = new double[SIZE];
    // dt J of each variable (overwritten by exprel(dt J)) and f(x)
    final double[] zV = new double[SIZE];
    final double[] zm = new double[SIZE];
    final double[] zh = new double[SIZE];
    final double[] zn = new double[SIZE];
    final double[] fV = new double[SIZE];
    final double[] fm = new double[SIZE];
    final double[] fh = new double[SIZE];
    final double[] fn = new double[SIZE];
    // exp_euler_table
    /** Each neuron's table record (index into GateTable.nodes) and fraction, when all are inside. */
    final long[] record = new long[SIZE];
    final double[] frac = new double[SIZE];
    boolean inside;
    /** P and Q of a neuron outside the table. */
    final double[] exact = new double[6];
}
