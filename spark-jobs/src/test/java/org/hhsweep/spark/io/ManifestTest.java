package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.ResolvedConfig;
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

    @Test
    void theBaseModelIsWrittenWholeOutsideTheConfigAndItsHash() throws Exception {
        SweepConfig hh = ConfigLoader.parse("""
                name: model-hh
                simulation: {duration: 5 ms}
                model: {gK: 30 mS/cm^2}
                stimulus: {type: constant, amplitude: 10 uA/cm^2}
                sweep: {grid: {model.channels.na.gates.m.alpha.midpoint: [-40 mV, -35 mV]}}
                """, "model-hh.yaml");
        JsonNode m = sweep(hh, tmp.resolve("model-hh"));
        // the config, and so its hash, is as before the key existed: hh still as its eight numbers
        assertEquals(hh.resolved().toString(), m.get("config").toString());
        assertEquals(hh.hash(), m.at("/sweep/config_hash").asText());
        assertTrue(m.at("/config/model/channels").isMissingNode(), m.at("/config/model").toString());
        JsonNode model = m.get("model");
        assertEquals(hh.spec().base().model(), ResolvedConfig.readModel(model));
        assertEquals(30.0, model.at("/channels/k/g").asDouble(), 0.0);
        assertEquals(3, model.at("/channels/na/gates/m/power").asInt());
        assertEquals("exp_linear", model.at("/channels/na/gates/m/alpha/form").asText());
        assertEquals(-40.0, model.at("/channels/na/gates/m/alpha/midpoint").asDouble(), 0.0, "the base run's, not a swept value");
        assertTrue(model.at("/channels/leak/gates").isEmpty());
        JsonNode units = model.get("units");
        assertEquals("mS/cm^2", units.get("model.channels.k.g").asText());
        assertEquals("mV", units.get("model.channels.na.gates.m.alpha.midpoint").asText());
        assertEquals("1/ms", units.get("model.channels.na.gates.m.alpha.rate").asText());
        assertEquals("uF/cm^2", units.get("model.C").asText());

        SweepConfig wb = ConfigLoader.parse("""
                name: model-wb
                simulation: {duration: 5 ms}
                model: {base: wang_buzsaki}
                stimulus: {type: constant, amplitude: 1 uA/cm^2}
                """, "model-wb.yaml");
        JsonNode wbModel = sweep(wb, tmp.resolve("model-wb")).get("model");
        assertEquals(wb.spec().base().model(), ResolvedConfig.readModel(wbModel));
        assertTrue(wbModel.at("/channels/na/gates/m/instantaneous").asBoolean(), wbModel.toString());
    }

    @Test
    void everyTopLevelKeyIsDocumented() throws Exception {
        JsonNode m = sweep(TestSweeps.tutorial(), tmp.resolve("documented"));
        String docs = Files.readString(Path.of("..", "docs", "spark.md"));
        int from = docs.indexOf("### `manifest.json`");
        String table = docs.substring(from, docs.indexOf("\n## ", from));
        List<String> firstCells = table.lines().filter(l -> l.startsWith("| `"))
                .map(l -> l.substring(1, l.indexOf('|', 1))).toList();
        for (java.util.Iterator<String> keys = m.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            assertTrue(firstCells.stream().anyMatch(c -> c.contains("`" + key + "`")),
                    "docs/spark.md's manifest.json table has no row for " + key);
        }
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
