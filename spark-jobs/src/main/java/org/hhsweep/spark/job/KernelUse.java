package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import org.hhsweep.sim.integrate.FastKernels;
import org.hhsweep.sim.integrate.Method;

/**
 * Which code simulated a sweep's chunks: the integration method and, for the methods with SIMD
 * passes, how many chunks ran in a JVM that had them, and why the others did not. The two give
 * the same numbers, so this explains a speed, never a result.
 *
 * @param chunks      every chunk of the sweep, whichever attempt ran it
 * @param simdChunks  chunks simulated on SIMD lanes (as each task recorded it, in the executor's JVM)
 * @param scalarLanes what a chunk run on scalar code recorded, e.g. "scalar: -Dhhsweep.vector=false"
 *                    (the first such chunk's), or null when none was
 */
public record KernelUse(Method method, long chunks, long simdChunks, long scalarChunks, String scalarLanes) {
    static final String SIMD = "SIMD";
    private static final String SCALAR = "scalar: ";

    /** What this JVM offers the SIMD-capable methods: "SIMD", or "scalar: " and the reason. */
    static String lanes() {
        String reason = FastKernels.scalarReason();
        return reason == null ? SIMD : SCALAR + reason;
    }

    /** The kernel use of a sweep's chunks, from what each recorded ({@link ChunkCounts#lanes()}). */
    static KernelUse of(Method method, List<ChunkCounts> chunks) {
        long simd = 0;
        long scalar = 0;
        String scalarLanes = null;
        for (ChunkCounts c : chunks.stream().sorted(Comparator.comparingLong(ChunkCounts::chunk)).toList()) {
            if (SIMD.equals(c.lanes())) {
                simd++;
            } else if (c.lanes() != null) {
                scalar++;
                scalarLanes = scalarLanes == null ? c.lanes() : scalarLanes;
            }
        }
        return new KernelUse(method, chunks.size(), simd, scalar, scalarLanes);
    }

    /** Whether the method has SIMD passes at all (the others never use the Vector API). */
    public boolean simdCapable() {
        return method == Method.EXP_EULER_FAST || method == Method.EXP_EULER_TABLE;
    }

    /**
     * For the sweep's last line, e.g. "exp_euler_fast, SIMD", "exp_euler_fast, scalar:
     * -Dhhsweep.vector=false" or "exp_euler_fast, scalar: no Vector API (java --add-modules
     * jdk.incubator.vector) in 2 of 5 chunks".
     */
    public String describe() {
        if (!simdCapable() || chunks == 0) {
            return method.recordedName();
        }
        if (simdChunks == chunks) {
            return method.recordedName() + ", " + SIMD;
        }
        if (scalarChunks == 0) {
            return method.recordedName() + ", " + SIMD + " in " + simdChunks + " of " + chunks
                    + " chunks (the others' code is not recorded)";
        }
        return method.recordedName() + ", " + scalarLanes
                + (scalarChunks == chunks ? "" : " in " + scalarChunks + " of " + chunks + " chunks");
    }

    /** The manifest's "kernel" object. */
    void put(ObjectNode manifest) {
        ObjectNode k = manifest.putObject("kernel");
        k.put("method", method.recordedName());
        k.put("simd_capable", simdCapable());
        k.put("chunks", chunks);
        k.put("simd_chunks", simdCapable() ? simdChunks : 0);
        k.put("scalar_reason", !simdCapable() || scalarLanes == null ? null
                : scalarLanes.startsWith(SCALAR) ? scalarLanes.substring(SCALAR.length()) : scalarLanes);
    }
}
