package org.hhsweep.sim.random;

/**
 * Replays JAX's default random stream (threefry2x32, "partitionable" key derivation, the default
 * since JAX 0.5), so a run can receive exactly the input a BrainState/JAX script drew.
 *
 * <p>A key is two 32-bit words; {@code PRNGKey(seed)} for a non-negative seed below 2^32 is
 * [0, seed]. With the partitionable rule, element i of a draw of n values (and subkey i of a split)
 * encrypts the counter (i >> 32, i & 0xFFFFFFFF): a split yields the two output words as the new
 * key; 32 random bits are the XOR of the two output words. A float32 uniform puts the top 23 bits
 * into the mantissa of a number in [1, 2), subtracts 1, scales and shifts in float32 arithmetic and
 * clamps at the lower bound, as jax.random.uniform does.
 */
public final class JaxRandom {
    private JaxRandom() {
    }

    /** jax.random.PRNGKey(seed) for 0 &lt;= seed &lt; 2^32, packed as (k0 &lt;&lt; 32) | k1. */
    public static long prngKey(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("JAX replay supports seeds in [0, 2^32), got " + seed);
        }
        return seed;
    }

    /** Subkey {@code index} of jax.random.split(key, n) (for any n greater than index). */
    public static long split(long key, long index) {
        return Threefry2x32.encrypt((int) (key >>> 32), (int) key, (int) (index >>> 32), (int) index);
    }

    /** Element {@code index} of jax.random.bits(key, shape) with 32-bit width. */
    public static int bits32(long key, long index) {
        long out = Threefry2x32.encrypt((int) (key >>> 32), (int) key, (int) (index >>> 32), (int) index);
        return (int) (out >>> 32) ^ (int) out;
    }

    /** Element {@code index} of jax.random.uniform(key, shape, float32, low, high). */
    public static float uniform(long key, long index, float low, float high) {
        int mantissa = (bits32(key, index) >>> 9) | Float.floatToRawIntBits(1.0f);
        float unit = Float.intBitsToFloat(mantissa) - 1.0f;
        return Math.max(low, unit * (high - low) + low);
    }
}
