package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hhsweep.spark.cluster.BuildArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep run through submit.sh with -Dhhsweep.vector=false (README: HHSWEEP_JAVA_OPTS): the JVM
 * has the Vector API module, so the last line and the manifest must blame the property, which is
 * what turned SIMD off, not a missing module.
 */
class ScalarReasonIT {
    private static final Path ROOT = BuildArtifacts.fromSystemProperties().appJar().toAbsolutePath().getParent()
            .getParent().getParent();

    @TempDir
    Path tmp;

    @Test
    void theLastLineAndTheManifestNameThePropertyThatTurnedSimdOff() throws Exception {
        Path config = Files.writeString(tmp.resolve("scalar.yaml"), """
                name: scalar
                simulation: {duration: 20 ms, dt: 0.01 ms}
                neurons: 4
                """);
        Path out = tmp.resolve("out");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", ROOT.resolve("submit.sh").toString(), "sweep",
                config.toString(), "--out", out.toString())).directory(tmp.toFile());
        builder.environment().put("HHSWEEP_JAVA_OPTS", "-Dhhsweep.vector=false");
        Process p = builder.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "submit.sh did not end");
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);

        List<String> lines = stdout.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("wall time: ") && last.endsWith(", exp_euler_fast, scalar: -Dhhsweep.vector=false)"),
                stdout);
        JsonNode kernel = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("kernel");
        assertEquals(0, kernel.get("simd_chunks").asLong());
        assertEquals(kernel.get("chunks").asLong(), 1);
        assertEquals("-Dhhsweep.vector=false", kernel.get("scalar_reason").asText());
    }
}
