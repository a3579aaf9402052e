package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numerical blow-up from the command line: dt = 1 ms with a current of 5,000 uA/cm^2 drives V out
 * of any sane range. The sweep still completes (exit 0); those neurons are "diverged" with null
 * statistics in summaries (read by DuckDB), their run is marked, and the printed summary and the
 * manifest count them, while the other runs keep their numbers.
 */
class DivergenceCliTest {
    @TempDir
    Path tmp;

    @Test
    void blownUpNeuronsAreMarkedAndCountedAndTheSweepCompletes() throws Exception {
        Path config = Files.writeString(tmp.resolve("blow-up.yaml"), """
                name: blow-up
                simulation: {duration: 50 ms, dt: 1 ms}
                neurons: 2
                stimulus: {type: constant, amplitude: 10 uA/cm^2}
                sweep: {grid: {stimulus.amplitude: [5 uA/cm^2, 100 uA/cm^2, 5000 uA/cm^2]}}
                execution: {chunk_runs: 1}
                """);
        Path out = tmp.resolve("out");
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.describe());
        assertTrue(o.out().contains("run 2, neuron 0: diverged\nrun 2, neuron 1: diverged\n"), o.out());
        assertTrue(o.out().contains("diverged: 2\n"), o.out());
        assertTrue(o.out().contains("run 1, neuron 0: 1 spikes\n"), o.out());

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(2, manifest.at("/counts/diverged").asInt());
        assertEquals(6, manifest.at("/counts/neurons").asInt());

        try (DuckDbReader duckdb = DuckDbReader.open()) {
            List<List<Object>> summaries = duckdb.query("SELECT run_id, status, spike_count, rate_hz, first_spike_ms,"
                    + " v_min_mV, v_max_mV, diverged_step IS NOT NULL FROM "
                    + DuckDbReader.table(out.resolve("summaries")) + " ORDER BY run_id, neuron");
            assertEquals(6, summaries.size());
            for (List<Object> row : summaries) {
                boolean diverged = ((Long) row.get(0)) == 2;
                assertEquals(diverged ? "diverged" : "ok", row.get(1), row.toString());
                if (diverged) {
                    assertEquals(Arrays.asList(null, null, null, null, null), row.subList(2, 7), row.toString());
                } else {
                    assertTrue(row.subList(2, 4).stream().allMatch(v -> v != null), row.toString());
                }
                assertEquals(diverged, row.get(7), row.toString());
            }
            assertEquals(List.of(List.of(0L, "ok", 0), List.of(1L, "ok", 0), List.of(2L, "diverged", 2)),
                    duckdb.query("SELECT run_id, status, diverged FROM " + DuckDbReader.table(out.resolve("runs"))
                            + " ORDER BY run_id"));
        }

        // Resumed after run 0 was lost: the diverged run's counts come back from its committed file.
        Files.delete(out.resolve("runs").resolve("part-000000.parquet"));
        Commands.Outcome resumed = Commands.run("sweep", config.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.describe());
        assertTrue(resumed.out().contains("resumed: 2 of 3 chunks were committed before; ran the other 1 (1 run)"),
                resumed.out());
        assertEquals(results(o.out()), results(resumed.out()));
        assertEquals(2, new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).at("/counts/diverged").asInt());
    }

    private static List<String> results(String stdout) {
        return stdout.lines().filter(l -> !l.startsWith("wall time") && !l.startsWith("resumed")).toList();
    }
}
