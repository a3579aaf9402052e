package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.SweepJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.json against what the tables hold (read with Spark) and what the build was. */
class ManifestTest {
    @TempDir
    Path tmp;

    private JsonNode sweep(SweepConfig config, Path out) throws Exception {
        SweepJob.run(SparkTestSession.get(), config, OutputDirectory.resolve(out.toString()),
                SweepJob.Options.of(false, ExecutionSettings.DEFAULTS, null));
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    @Test
    void countsAndColumnsDescribeTheTables() throws Exception {
        SparkSession spark = SparkTestSession.get();
        SweepConfig config = TestSweeps.mixed();
        Path out = tmp.resolve("mixed");
        JsonNode m = sweep(config, out);

        assertEquals("complete", m.get("status").asText());
        assertEquals(config.resolved(), m.get("config"));
        assertEquals("test-mixed", m.at("/sweep/config_hash").asText());
        assertEquals("local[2]", m.get("master").asText());

        Row t = spark.read().parquet(out.resolve("summaries").toString()).selectExpr(
                "count(*)", "sum(spike_count)", "sum(CASE WHEN status = 'diverged' THEN 1 ELSE 0 END)").first();
        JsonNode counts = m.get("counts");
        assertEquals(24, counts.get("runs").asLong());
        assertEquals(spark.read().parquet(out.resolve("runs").toString()).count(), counts.get("runs").asLong());
        assertEquals(t.getLong(0), counts.get("neurons").asLong());
        assertEquals(t.getLong(1), counts.get("spikes").asLong());
        assertEquals(t.getLong(2), counts.get("diverged").asLong());
        // 40 ms: 12 runs at dt 0.02 (2,000 steps) and 12 at dt 0.01 (4,000 steps), 5 neurons each
        long steps = 12L * 5 * 2_000 + 12L * 5 * 4_000;
        assertEquals(steps, counts.get("neuron_steps").asLong());
        assertEquals(steps, m.at("/sweep/neuron_steps").asLong());

        Instant started = Instant.parse(m.get("started").asText());
        Instant finished = Instant.parse(m.get("finished").asText());
        assertTrue(!finished.isBefore(started));
        double wall = m.get("wall_time_s").asDouble();
        assertTrue(wall > 0);
        assertEquals(steps / wall, m.get("neuron_steps_per_second").asDouble(), 1e-6 * steps / wall);

        JsonNode part = m.get("partitioning");
        long perChunk = part.get("runs_per_chunk").asLong();
        assertEquals((24 + perChunk - 1) / perChunk, part.get("chunks").asLong());
        // cut for the test session's local[2]; the sweep (4.8e5 neuron-steps) is below one chunk's least work
        assertEquals(2, part.get("parallelism").asInt());
        assertEquals(1, part.get("chunks").asLong());
        assertTrue(part.get("rule").asText().contains("x parallelism"), part.toString());

        // every column Spark sees in the files is described, in order, with its unit
        for (String table : Tables.forSweep(config.spec()).names()) {
            List<String> inFiles = new ArrayList<>();
            for (StructField f : spark.read().parquet(out.resolve(table).toString()).schema().fields()) {
                inFiles.add(f.name());
            }
            List<String> described = new ArrayList<>();
            for (JsonNode c : m.at("/tables/" + table + "/columns")) {
                described.add(c.get("name").asText());
                assertTrue(c.has("unit") && c.has("type"), table + "." + c);
            }
            assertEquals(inFiles, described, table);
        }
        assertEquals("Hz", unit(m, "summaries", "rate_hz"));
        assertEquals("mV", unit(m, "summaries", "v_max_mV"));
        assertEquals("ms", unit(m, "spikes", "spike_ms"));
        assertEquals("mS/cm^2", unit(m, "runs", "model_gK"));
        assertEquals("mS/cm^2", unit(m, "summaries", "model_gNa"));
        assertEquals("ms", unit(m, "runs", "simulation_dt"));
    }

    @Test
    void divergedNeuronsAreCounted() throws Exception {
        JsonNode m = sweep(TestSweeps.diverging(), tmp.resolve("diverging"));
        assertEquals(3, m.at("/counts/diverged").asLong());
        assertEquals(6, m.at("/counts/neurons").asLong());
        assertTrue(m.at("/tables/spikes").isObject());
        assertTrue(m.at("/tables/traces").isMissingNode(), "nothing traced: no traces table");
    }

    @Test
    void softwareVersionAndCommitAreTheBuilds() throws Exception {
        JsonNode m = sweep(TestSweeps.tutorial(), tmp.resolve("tutorial"));
        assertEquals(System.getProperty("hhsweep.expected.version"), m.at("/software/version").asText());
        assertEquals(gitHead(), m.at("/software/git_commit").asText());
        assertEquals(org.apache.spark.package$.MODULE$.SPARK_VERSION(), m.at("/software/spark").asText());
    }

    private static String unit(JsonNode m, String table, String column) {
        for (JsonNode c : m.at("/tables/" + table + "/columns")) {
            if (c.get("name").asText().equals(column)) {
                return c.get("unit").asText();
            }
        }
        throw new AssertionError("no column " + table + "." + column);
    }

    /** The commit checked out, or "unknown" outside a git work tree (as the build records it). */
    private static String gitHead() throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException noGit) {
            return "unknown";
        }
    }
}
