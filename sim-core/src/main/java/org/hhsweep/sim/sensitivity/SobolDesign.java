package org.hhsweep.sim.sensitivity;

import java.io.Serializable;
import org.hhsweep.sim.random.RandomStreams;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Saltelli's design (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
 * Comput. Phys. Commun. 181, 259-270): N points of a Sobol sequence of dimension 2k give the rows
 * of two matrices, A (the first k coordinates) and B (the last k); AB_i is A with column i taken
 * from B. Design run d is row {@code d / (k + 2)} of matrix {@code d % (k + 2)}: 0 is A, 1..k are
 * AB_1..AB_k, k + 1 is B (SALib's order without second-order indices), so a row's k + 2 runs are
 * neighbours.
 *
 * <p>The Sobol points are Hipparchus' (Joe and Kuo's direction numbers, new-joe-kuo-6.21201) with a
 * random digital shift: each coordinate's 52 bits XOR a mask drawn from the sweep seed. A digital
 * shift keeps the balance of every block of 2^m points (the net property that makes N a power of
 * 2 the right size), makes the estimates unbiased over seeds, and moves the sequence's first point
 * off the corner (0, ..., 0). Points are computed from their row index alone, so any task computes
 * its runs without the others.
 */
public final class SobolDesign implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Bits of Hipparchus' Sobol coordinates: a coordinate is an integer over 2^52. */
    private static final int BITS = 52;
    private static final double SCALE = 0x1p-52;
    /** The largest N: Hipparchus indexes its sequence with an int. */
    public static final int MAX_SAMPLES = 1 << 30;

    private final int params;
    private final int samples;
    /** direction[d][j]: coordinate d's direction number j, as a 52-bit integer. */
    private final long[][] direction;
    /** Each coordinate's digital shift (52 bits), zero for the plain sequence. */
    private final long[] shift;

    /**
     * @param params  k, the parameters
     * @param samples N, a power of 2 from 2 to {@link #MAX_SAMPLES}
     * @param shiftKey the digital shift's random stream (from the sweep seed), or null for the plain
     *                 sequence (tests compare it with other implementations)
     */
    public SobolDesign(int params, int samples, Long shiftKey) {
        if (params < 1) {
            throw new IllegalArgumentException("a Sobol design needs at least one parameter, got " + params);
        }
        if (samples < 2 || samples > MAX_SAMPLES || Integer.bitCount(samples) != 1) {
            throw new IllegalArgumentException("a Sobol design takes a power of 2 from 2 to 2^30 samples, got " + samples);
        }
        this.params = params;
        this.samples = samples;
        int dimension = 2 * params;
        int levels = Integer.numberOfTrailingZeros(samples);
        // Point n of the sequence is the XOR of the direction numbers picked by the bits of n's Gray
        // code, and the Gray code of 2^(j+1) - 1 is 2^j: so that point is direction number j.
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dimension);
        direction = new long[dimension][levels];
        for (int j = 0; j < levels; j++) {
            double[] point = generator.skipTo((1 << (j + 1)) - 1);
            for (int d = 0; d < dimension; d++) {
                direction[d][j] = (long) (point[d] / SCALE);
            }
        }
        shift = new long[dimension];
        if (shiftKey != null) {
            for (int d = 0; d < dimension; d++) {
                shift[d] = RandomStreams.bits(shiftKey, d) >>> (64 - BITS);
            }
        }
    }

    public int params() {
        return params;
    }

    public int samples() {
        return samples;
    }

    /** N (k + 2). */
    public int runs() {
        return samples * (params + 2);
    }

    /** The base sample of a design run. */
    public int row(int run) {
        return run / (params + 2);
    }

    /** The matrix of a design run: 0 for A, i in 1..k for AB_i, k + 1 for B. */
    public int matrix(int run) {
        return run % (params + 2);
    }

    /** The design run of row {@code row} in matrix {@code matrix} (0 A, 1..k AB_i, k + 1 B). */
    public int run(int row, int matrix) {
        return row * (params + 2) + matrix;
    }

    /** Row {@code row} of the shifted sequence in [0, 1)^2k: A's row, then B's. */
    public double[] basePoint(int row) {
        if (row < 0 || row >= samples) {
            throw new IndexOutOfBoundsException("row " + row + " of " + samples);
        }
        int gray = row ^ (row >>> 1);
        double[] out = new double[direction.length];
        for (int d = 0; d < out.length; d++) {
            long x = shift[d];
            for (int j = 0, g = gray; g != 0; j++, g >>>= 1) {
                if ((g & 1) != 0) {
                    x ^= direction[d][j];
                }
            }
            out[d] = x * SCALE;
        }
        return out;
    }

    /** The design run's point in [0, 1)^k. */
    public double[] unitPoint(int run) {
        if (run < 0 || run >= runs()) {
            throw new IndexOutOfBoundsException("design run " + run + " of " + runs());
        }
        double[] base = basePoint(row(run));
        int m = matrix(run);
        double[] out = new double[params];
        for (int i = 0; i < params; i++) {
            boolean fromB = m == params + 1 || m == i + 1;
            out[i] = base[fromB ? params + i : i];
        }
        return out;
    }
}
