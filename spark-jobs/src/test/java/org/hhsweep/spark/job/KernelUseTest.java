package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.integrate.FastKernels;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.TableFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sweep says about the code that simulated it: the method and whether it ran on SIMD lanes. */
class KernelUseTest {
    @TempDir
    Path tmp;

    private static ChunkCounts chunk(long id, String lanes) {
        return new ChunkCounts(id, 1, 1, 0, 0, 10, 0.0, 1, List.of(), lanes);
    }

    @Test
    void describesTheMethodAndTheSimdShare() {
        String noModule = "scalar: no Vector API (java --add-modules jdk.incubator.vector)";
        assertEquals("exp_euler_reference", KernelUse.of(Method.EXP_EULER_REFERENCE,
                List.of(chunk(0, noModule), chunk(1, "SIMD"))).describe());
        assertEquals("exp_euler_fast, SIMD", KernelUse.of(Method.EXP_EULER_FAST,
                List.of(chunk(0, "SIMD"), chunk(1, "SIMD"))).describe());
        assertEquals("exp_euler_table, scalar: no Vector API (java --add-modules jdk.incubator.vector)",
                KernelUse.of(Method.EXP_EULER_TABLE, List.of(chunk(0, noModule), chunk(1, noModule))).describe());
        assertEquals("exp_euler_fast, scalar: no Vector API (java --add-modules jdk.incubator.vector) in 2 of 5 chunks",
                KernelUse.of(Method.EXP_EULER_FAST, List.of(chunk(0, "SIMD"), chunk(3, noModule), chunk(1, "SIMD"),
                        chunk(2, noModule), chunk(4, "SIMD"))).describe());
        // chunks committed by a version that did not record their code
        assertEquals("exp_euler_fast, SIMD in 1 of 3 chunks (the others' code is not recorded)",
                KernelUse.of(Method.EXP_EULER_FAST, List.of(chunk(0, "SIMD"), chunk(1, null), chunk(2, null)))
                        .describe());
    }

    /** -Dhhsweep.vector=false is what the user set: the last line names it, not a missing module. */
    @Test
    void thePropertyIsNamedWhenItTurnedSimdOff() {
        KernelUse off = KernelUse.of(Method.EXP_EULER_FAST,
                List.of(chunk(1, "scalar: -Dhhsweep.vector=false"), chunk(0, "scalar: -Dhhsweep.vector=false")));
        assertEquals("exp_euler_fast, scalar: -Dhhsweep.vector=false", off.describe());
        ObjectNode manifest = new ObjectMapper().createObjectNode();
        off.put(manifest);
        assertEquals(2, manifest.at("/kernel/chunks").asLong());
        assertEquals(0, manifest.at("/kernel/simd_chunks").asLong());
        assertEquals("-Dhhsweep.vector=false", manifest.at("/kernel/scalar_reason").asText());
    }

    private static SweepSpec fourRuns() {
        RunTemplate base = new RunTemplate(0.01, 5, Method.EXP_EULER_FAST, Double.NaN, Double.NaN,
                ModelLibrary.hh(), -65, new StimulusSpec.Constant(0), 3, 0, List.of(), 0.01, true);
        return new SweepSpec("kernel", 1, base,
                List.of(new SweepSpec.GridAxis("stimulus.amplitude", new double[] {0, 5, 10, 15})), 0, List.of(), 1);
    }

    /** The surefire JVM has the Vector API module (the pom's argLine), so every chunk must report SIMD. */
    @Test
    void everyChunkOfASweepReportsTheSimdPathInTheManifest() throws Exception {
        assertTrue(FastKernels.vectorized(), "the test JVM should have jdk.incubator.vector");
        Path out = tmp.resolve("kernel");
        SweepJob.Result result = SweepJobTest.sweep(SparkTestSession.get(), TestSweeps.config(fourRuns()), out,
                ExecutionSettings.DEFAULTS.withRunsPerChunk(1));

        assertEquals(new KernelUse(Method.EXP_EULER_FAST, 4, 4, 0, null), result.kernel());
        JsonNode kernel = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("kernel");
        assertEquals("exp_euler_fast", kernel.get("method").asText());
        assertTrue(kernel.get("simd_capable").asBoolean());
        assertEquals(4, kernel.get("chunks").asLong());
        assertEquals(4, kernel.get("simd_chunks").asLong());
        assertTrue(kernel.get("scalar_reason").isNull());
        // each chunk keeps its code with its counts, in its runs file's footer
        String counts = TableFile.footer(new org.apache.hadoop.fs.Path(out.resolve("runs/part-000002.parquet").toUri()),
                new Configuration()).get(ChunkCounts.FOOTER_KEY);
        assertEquals("SIMD", ChunkCounts.fromJson(counts).lanes());
    }

    /** The chunks an earlier attempt committed count too: their code is read from their footers. */
    @Test
    void afterAResumeTheKernelCountsEveryChunkOfTheSweep() throws Exception {
        Path out = tmp.resolve("resumed");
        SweepConfig config = TestSweeps.config(fourRuns());
        ExecutionSettings exec = ExecutionSettings.DEFAULTS.withRunsPerChunk(1);
        SweepJobTest.sweep(SparkTestSession.get(), config, out, exec);
        // as a driver killed before chunks 1 and 3 committed leaves it
        Files.delete(out.resolve("runs/part-000001.parquet"));
        Files.delete(out.resolve("runs/part-000003.parquet"));
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        manifest.put("status", "running");
        new ObjectMapper().writeValue(out.resolve("manifest.json").toFile(), manifest);

        SweepJob.Result result = SweepJob.run(SparkTestSession.get(), config, OutputDirectory.resolve(out.toString()),
                new SweepJob.Options(false, exec, null, SweepJob.PROGRESS_MILLIS).resuming());

        assertEquals(2, result.committedBefore());
        assertEquals(2, result.ran().runs());
        assertEquals(new KernelUse(Method.EXP_EULER_FAST, 4, 4, 0, null), result.kernel());
        JsonNode kernel = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("kernel");
        assertEquals(4, kernel.get("chunks").asLong());
        assertEquals(4, kernel.get("simd_chunks").asLong());
    }
}
