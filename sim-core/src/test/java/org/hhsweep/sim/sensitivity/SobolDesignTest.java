package org.hhsweep.sim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

/** Saltelli's design: the Sobol points, their digital shift, and the matrices A, B, AB_i by run. */
class SobolDesignTest {
    private static final int K = 3;
    private static final int N = 1024;

    /** scipy 1.10.1 qmc.Sobol(d=6, scramble=False), printed by bench/sensitivity_reference.py. */
    private static final double[][] SCIPY = {
            {0.0, 0.0, 0.0, 0.0, 0.0, 0.0},
            {0.5, 0.5, 0.5, 0.5, 0.5, 0.5},
            {0.75, 0.25, 0.25, 0.25, 0.75, 0.75},
            {0.25, 0.75, 0.75, 0.75, 0.25, 0.25},
            {0.375, 0.375, 0.625, 0.875, 0.375, 0.125},
            {0.875, 0.875, 0.125, 0.375, 0.875, 0.625},
    };

    @Test
    void plainPointsAreHipparchusSequenceInOrderAndScipys() {
        SobolDesign plain = new SobolDesign(K, N, null);
        SobolSequenceGenerator sequence = new SobolSequenceGenerator(2 * K);
        for (int j = 0; j < N; j++) {
            assertArrayEquals(sequence.nextVector(), plain.basePoint(j), 0.0, "row " + j);
        }
        for (int j = 0; j < SCIPY.length; j++) {
            assertArrayEquals(SCIPY[j], plain.basePoint(j), 0.0, "row " + j);
        }
        // a design of 2^20 rows: its last row is the sequence's point 2^20 - 1
        SobolDesign large = new SobolDesign(K, 1 << 20, null);
        assertArrayEquals(new SobolSequenceGenerator(2 * K).skipTo((1 << 20) - 1), large.basePoint((1 << 20) - 1), 0.0);
    }

    @Test
    void digitalShiftIsOneMaskPerCoordinateAndKeepsEveryCoordinateBalanced() {
        SobolDesign plain = new SobolDesign(K, N, null);
        SobolDesign shifted = new SobolDesign(K, N, 12345L);
        long[] mask = new long[2 * K];
        for (int d = 0; d < 2 * K; d++) {
            mask[d] = bits(shifted.basePoint(0)[d]) ^ bits(plain.basePoint(0)[d]);
            assertNotEquals(0L, mask[d]);
        }
        boolean[][] cell = new boolean[2 * K][N];
        for (int j = 0; j < N; j++) {
            double[] p = plain.basePoint(j);
            double[] s = shifted.basePoint(j);
            for (int d = 0; d < 2 * K; d++) {
                assertEquals(mask[d], bits(s[d]) ^ bits(p[d]), "row " + j + ", coordinate " + d);
                assertTrue(s[d] >= 0 && s[d] < 1);
                int c = (int) (s[d] * N);
                assertFalse(cell[d][c], "two points of coordinate " + d + " in cell " + c);
                cell[d][c] = true;
            }
        }
        SobolDesign again = new SobolDesign(K, N, 12345L);
        SobolDesign other = new SobolDesign(K, N, 54321L);
        assertArrayEquals(shifted.basePoint(7), again.basePoint(7), 0.0);
        assertFalse(java.util.Arrays.equals(shifted.basePoint(7), other.basePoint(7)));
    }

    /** The 52 bits of a coordinate. */
    private static long bits(double u) {
        long b = (long) (u * 0x1p52);
        assertEquals(u, b * 0x1p-52, 0.0, "a coordinate is a multiple of 2^-52");
        return b;
    }

    @Test
    void runsAreTheRowsOfASaltelliMatrices() {
        SobolDesign design = new SobolDesign(K, 64, 7L);
        assertEquals(64 * (K + 2), design.runs());
        for (int j = 0; j < 64; j++) {
            double[] base = design.basePoint(j);
            double[] a = java.util.Arrays.copyOfRange(base, 0, K);
            double[] b = java.util.Arrays.copyOfRange(base, K, 2 * K);
            for (int m = 0; m < K + 2; m++) {
                int run = j * (K + 2) + m;
                assertEquals(run, design.run(j, m));
                assertEquals(j, design.row(run));
                assertEquals(m, design.matrix(run));
                double[] expected = m == 0 ? a : m == K + 1 ? b : a.clone();
                if (m >= 1 && m <= K) {
                    expected[m - 1] = b[m - 1];
                }
                assertArrayEquals(expected, design.unitPoint(run), 0.0, "row " + j + ", matrix " + m);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> design.unitPoint(design.runs()));
        assertThrows(IndexOutOfBoundsException.class, () -> design.unitPoint(-1));
    }

    @Test
    void refusesSampleCountsThatAreNotPowersOfTwo() {
        for (int n : new int[] {0, 1, 3, 1000, 1025, -4}) {
            assertThrows(IllegalArgumentException.class, () -> new SobolDesign(K, n, 1L), "N = " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> new SobolDesign(0, 8, 1L));
        assertEquals(2 * (K + 2), new SobolDesign(K, 2, 1L).runs());
    }
}
