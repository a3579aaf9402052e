package org.hhsweep.sim.bench;

import org.hhsweep.sim.integrate.FastExponentialEuler;
import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.integrate.TableExponentialEuler;

/**
 * The integrators a benchmark can name: every config method, plus implementations a config
 * cannot pick directly, so they can be timed side by side.
 */
final class Kernels {
    /** exp_euler_fast without SIMD: what runs when the JVM lacks the Vector API. */
    static final String FAST_SCALAR = "exp_euler_fast_scalar";
    /** exp_euler_table without SIMD. */
    static final String TABLE_SCALAR = "exp_euler_table_scalar";

    private Kernels() {
    }

    static Integrator create(String name) {
        if (name.equals(FAST_SCALAR)) {
            return new FastExponentialEuler();
        }
        if (name.equals(TABLE_SCALAR)) {
            return new TableExponentialEuler();
        }
        return Method.fromName(name).create();
    }
}
