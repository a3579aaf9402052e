package org.hhsweep.sim.random;

/**
 * The Threefry-2x32 block cipher with 20 rounds (Salmon et al., "Parallel random numbers: as easy as
 * 1, 2, 3", SC 2011), the generator behind JAX's default PRNG. Words are 32-bit values held in the
 * low half of ints; arithmetic wraps as the cipher requires.
 */
public final class Threefry2x32 {
    private static final int PARITY = 0x1BD11BDA;
    private static final int[] ROTATIONS = {13, 15, 26, 6, 17, 29, 16, 24};

    private Threefry2x32() {
    }

    /**
     * Encrypts the counter (x0, x1) under the key (k0, k1).
     *
     * @return the two output words packed as (x0 &lt;&lt; 32) | x1
     */
    public static long encrypt(int k0, int k1, int x0, int x1) {
        // The three key-schedule words live in locals, not an array: this runs once per neuron and
        // step when a stimulus replays JAX's stream, and the step loop must not allocate.
        int k2 = k0 ^ k1 ^ PARITY;
        x0 += k0;
        x1 += k1;
        for (int group = 0; group < 5; group++) {
            int r = (group & 1) * 4;
            for (int j = 0; j < 4; j++) {
                x0 += x1;
                x1 = Integer.rotateLeft(x1, ROTATIONS[r + j]);
                x1 ^= x0;
            }
            // Key injection after every four rounds, with the injection count added to the second word.
            int a = (group + 1) % 3;
            int b = (group + 2) % 3;
            x0 += a == 0 ? k0 : a == 1 ? k1 : k2;
            x1 += (b == 0 ? k0 : b == 1 ? k1 : k2) + group + 1;
        }
        return ((long) x0 << 32) | (x1 & 0xFFFFFFFFL);
    }
}
