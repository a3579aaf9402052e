package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hhsweep.sim.integrate.Method;

/**
 * Which code simulated a sweep's chunks: the integration method and, for the methods with SIMD
 * passes, how many chunks ran in a JVM that had the Vector API. The two give the same numbers, so
 * this explains a speed, never a result.
 *
 * @param simdChunks chunks simulated on SIMD lanes (counted by the tasks, in the executors' JVMs)
 * @param chunks     chunks this attempt simulated
 */
public record KernelUse(Method method, long simdChunks, long chunks) {

    /** Whether the method has SIMD passes at all (the others never use the Vector API). */
    public boolean simdCapable() {
        return method == Method.EXP_EULER_FAST || method == Method.EXP_EULER_TABLE;
    }

    /** For the sweep's last line, e.g. "exp_euler_fast, SIMD" or "exp_euler_fast, scalar: no Vector API". */
    public String describe() {
        if (!simdCapable() || chunks == 0) {
            return method.recordedName();
        }
        if (simdChunks == chunks) {
            return method.recordedName() + ", SIMD";
        }
        String scalar = method.recordedName() + ", scalar: no Vector API (java --add-modules jdk.incubator.vector)";
        return simdChunks == 0 ? scalar : scalar + " in " + (chunks - simdChunks) + " of " + chunks + " chunks";
    }

    /** The manifest's "kernel" object. */
    void put(ObjectNode manifest) {
        ObjectNode k = manifest.putObject("kernel");
        k.put("method", method.recordedName());
        k.put("simd_capable", simdCapable());
        k.put("chunks", chunks);
        k.put("simd_chunks", simdCapable() ? simdChunks : 0);
    }
}
