package org.hhsweep.sim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JaxRandomTest {

    /** Known-answer vectors published with Random123 (kat_vectors, threefry2x32 with 20 rounds). */
    @Test
    void threefryMatchesRandom123KnownAnswers() {
        assertEquals(0x6b200159_99ba4efeL, Threefry2x32.encrypt(0, 0, 0, 0));
        assertEquals(0x1cb996fc_bb002be7L, Threefry2x32.encrypt(-1, -1, -1, -1));
        assertEquals(0xc4923a9c_483df7a0L, Threefry2x32.encrypt(0x13198a2e, 0x03707344, 0x243f6a88, 0x85a308d3));
    }

    @Test
    void prngKeyIsZeroThenSeed() {
        assertEquals(42L, JaxRandom.prngKey(42));
    }

    /**
     * The tutorial draws its 10,000 inputs at once from the second half of one split of
     * PRNGKey(42); the first five values were computed by an independent emulation of JAX.
     */
    @Test
    void tutorialInputStream() {
        long sub = JaxRandom.split(JaxRandom.prngKey(42), 1);
        float[] expected = {7.548978f, 8.090808f, 2.635248f, 3.363672f, 1.996564f};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], JaxRandom.uniform(sub, i, 1f, 10f), 5e-7f, "value " + i);
        }
    }
}
