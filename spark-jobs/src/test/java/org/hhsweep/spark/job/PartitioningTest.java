package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioning never changes a number: local[1], local[2] and other chunk and block sizes agree, bit
 * for bit. The default chunking depends on the parallelism (SweepChunks), so this is what makes
 * the outputs of any machine or cluster the same.
 */
class PartitioningTest {
    private static final Map<String, String> ORDER = new LinkedHashMap<>();

    static {
        ORDER.put("runs", "run_id");
        ORDER.put("summaries", "run_id,neuron");
        ORDER.put("spikes", "run_id,neuron");
        ORDER.put("traces", "run_id,neuron,variable");
    }

    @TempDir
    Path tmp;

    @Test
    void localOneAndLocalTwoAndOtherChunkingsGiveIdenticalTables() throws Exception {
        SweepConfig config = TestSweeps.mixed();
        Path one = tmp.resolve("local1");
        Path two = tmp.resolve("local2");
        Path fine = tmp.resolve("fine");
        Path uneven = tmp.resolve("uneven");

        SparkSession single = SparkTestSession.get("local[1]");
        SweepJob.Result r1 = SweepJobTest.sweep(single, config, one, ExecutionSettings.DEFAULTS);
        Map<String, List<Row>> expected = read(single, one);

        SparkSession spark = SparkTestSession.get();
        SweepJob.Result r2 = SweepJobTest.sweep(spark, config, two, ExecutionSettings.DEFAULTS);
        SweepJob.Result r3 = SweepJobTest.sweep(spark, config, fine,
                ExecutionSettings.DEFAULTS.withRunsPerChunk(1).withBlockNeurons(3).withSlices(7));
        // chunks of 5 runs: the last one shorter, and chunk borders inside the runs of one dt
        SweepJob.Result r4 = SweepJobTest.sweep(spark, config, uneven,
                ExecutionSettings.DEFAULTS.withRunsPerChunk(5).withBlockNeurons(4));
        assertEquals("local[1]", r1.master());
        assertEquals("local[2]", r2.master());
        assertEquals(24, r3.chunks().count());
        assertEquals(5, r4.chunks().count());
        assertEquals(1, manifest(one).at("/partitioning/parallelism").asInt());
        assertEquals(2, manifest(two).at("/partitioning/parallelism").asInt());

        // the sweep is not trivial: noise, spikes, traces of 2 neurons x 3 variables per run
        assertEquals(24, expected.get("runs").size());
        assertEquals(120, expected.get("summaries").size());
        assertEquals(144, expected.get("traces").size());
        assertTrue(r1.totals().spikes() > 100, "spikes: " + r1.totals().spikes());

        for (Path other : List.of(two, fine, uneven)) {
            Map<String, List<Row>> actual = read(spark, other);
            for (String table : ORDER.keySet()) {
                assertEquals(expected.get(table), actual.get(table), table + " of " + other.getFileName());
            }
        }
        assertEquals(r1.totals().spikes(), r3.totals().spikes());
        assertEquals(r1.totals().spikes(), r4.totals().spikes());
        assertEquals(r1.totals().meanRateHz(), r2.totals().meanRateHz());
        assertEquals(r1.totals().meanRateHz(), r4.totals().meanRateHz());

        // 4.8e5 neuron-steps in all are less than the least work of one chunk: local[1] and local[2]
        // cut this sweep alike, into one chunk, and then even write the same bytes
        assertEquals(1, r1.chunks().count());
        assertEquals(r1.chunks(), r2.chunks());
        for (String table : ORDER.keySet()) {
            List<Path> a = files(one.resolve(table));
            List<Path> b = files(two.resolve(table));
            assertEquals(a.stream().map(Path::getFileName).toList(), b.stream().map(Path::getFileName).toList());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
            }
        }
    }

    private static JsonNode manifest(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    private static Map<String, List<Row>> read(SparkSession spark, Path out) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        ORDER.forEach((table, order) -> tables.put(table, SweepJobTest.rows(spark, out, table, order)));
        return tables;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
