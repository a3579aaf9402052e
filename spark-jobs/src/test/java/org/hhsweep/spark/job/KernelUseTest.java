package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.hhsweep.sim.integrate.FastKernels;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.HHParameters;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sweep says about the code that simulated it: the method and whether it ran on SIMD lanes. */
class KernelUseTest {
    @TempDir
    Path tmp;

    @Test
    void describesTheMethodAndTheSimdShare() {
        assertEquals("exp_euler_reference", new KernelUse(Method.EXP_EULER_REFERENCE, 0, 5).describe());
        assertEquals("exp_euler_fast, SIMD", new KernelUse(Method.EXP_EULER_FAST, 5, 5).describe());
        assertEquals("exp_euler_table, scalar: no Vector API (java --add-modules jdk.incubator.vector)",
                new KernelUse(Method.EXP_EULER_TABLE, 0, 5).describe());
        assertEquals("exp_euler_fast, scalar: no Vector API (java --add-modules jdk.incubator.vector) in 2 of 5 chunks",
                new KernelUse(Method.EXP_EULER_FAST, 3, 5).describe());
    }

    /** The surefire JVM has the Vector API module (the pom's argLine), so every chunk must report SIMD. */
    @Test
    void everyChunkOfASweepReportsTheSimdPathInTheManifest() throws Exception {
        assertTrue(FastKernels.vectorized(), "the test JVM should have jdk.incubator.vector");
        RunTemplate base = new RunTemplate(0.01, 5, Method.EXP_EULER_FAST, Double.NaN, Double.NaN,
                HHParameters.DEFAULTS, -65, new StimulusSpec.Constant(0), 3, 0, List.of(), 0.01, true);
        SweepSpec spec = new SweepSpec("kernel", 1, base,
                List.of(new SweepSpec.GridAxis("stimulus.amplitude", new double[] {0, 5, 10, 15})), 0, List.of(), 1);
        Path out = tmp.resolve("kernel");
        SweepJob.Result result = SweepJobTest.sweep(SparkTestSession.get(), TestSweeps.config(spec), out,
                ExecutionSettings.DEFAULTS.withRunsPerChunk(1));

        assertEquals(new KernelUse(Method.EXP_EULER_FAST, 4, 4), result.kernel());
        JsonNode kernel = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("kernel");
        assertEquals("exp_euler_fast", kernel.get("method").asText());
        assertTrue(kernel.get("simd_capable").asBoolean());
        assertEquals(4, kernel.get("chunks").asLong());
        assertEquals(4, kernel.get("simd_chunks").asLong());
    }
}
