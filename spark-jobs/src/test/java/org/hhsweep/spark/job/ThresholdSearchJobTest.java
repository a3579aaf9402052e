package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threshold searches on Spark (local mode), read back with Spark. References: a numpy
 * implementation of the reference algorithm (float64, 1000 ms at dt 0.01 ms, constant current,
 * currents 0.002 uA/cm^2 apart) found the first spiking current between 2.908 and 2.910 (gK 30),
 * 4.072 and 4.074 (gK 36) and 5.266 and 5.268 uA/cm^2 (gK 42); and sim-core simulating the final
 * bracket's ends directly.
 */
class ThresholdSearchJobTest {
    @TempDir
    Path tmp;

    private static final String RHEOBASE = """
            name: rheobase
            simulation: {duration: 1000 ms, dt: 0.01 ms}
            stimulus: {type: constant, amplitude: 0 uA/cm^2}
            sweep:
              grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2, 42 mS/cm^2]}
              search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2,
                       tolerance: 0.01 uA/cm^2, criterion: "spike_count >= 1"}
            """;

    @Test
    void gridOverGkFindsEachRheobaseInItsOwnTask() throws Exception {
        SparkSession spark = SparkTestSession.get();
        SweepConfig config = ConfigLoader.parse(RHEOBASE, "rheobase.yaml");
        Path out = tmp.resolve("rheobase");
        SweepJob.Result result = SweepJobTest.sweep(spark, config, out, ExecutionSettings.DEFAULTS.withRunsPerChunk(1));

        Map<Double, double[]> reference = new HashMap<>();
        reference.put(30.0, new double[] {2.908, 2.910});
        reference.put(36.0, new double[] {4.072, 4.074});
        reference.put(42.0, new double[] {5.266, 5.268});
        List<Row> rows = SweepJobTest.rows(spark, out, "thresholds", "run_id");
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            Row r = rows.get(i);
            double gK = r.getAs("model_gK");
            double threshold = r.getAs("threshold");
            double low = r.getAs("bracket_low");
            double high = r.getAs("bracket_high");
            assertEquals(i, r.<Long>getAs("run_id"));
            assertEquals(List.of(30.0, 36.0, 42.0).get(i), gK);
            assertEquals("ok", r.getAs("status"));
            assertEquals("stimulus.amplitude", r.getAs("param"));
            assertEquals("spike_count >= 1", r.getAs("criterion"));
            assertEquals(11, r.<Integer>getAs("iterations"));
            assertEquals(13, r.<Integer>getAs("probes"));
            assertEquals(high, threshold);
            assertTrue(high - low <= 0.01, "bracket " + low + ".." + high);
            double[] ref = reference.get(gK);
            // the change lies in the reference's interval and in the bracket: they overlap
            assertTrue(low < ref[1] && ref[0] < high, "gK " + gK + ": [" + low + ", " + high + "] vs " + ref[0] + ".." + ref[1]);

            // sim-core directly: no spike at the bracket's lower end, a spike at the threshold
            RunSpec run = config.spec().run(i);
            assertEquals(0, spikes(run, low));
            assertTrue(spikes(run, threshold) >= 1);
        }

        List<Row> runs = SweepJobTest.rows(spark, out, "runs", "run_id");
        assertEquals(3, runs.size());
        for (Row r : runs) {
            assertEquals("ok", r.getAs("status"));
        }
        for (long chunk = 0; chunk < 3; chunk++) {
            String name = String.format("part-%06d.parquet", chunk);
            assertTrue(Files.exists(out.resolve("thresholds").resolve(name)), name);
        }
        assertFalse(Files.exists(out.resolve("summaries")), "a search writes no per-neuron rows");
        assertEquals(3, result.totals().runs());
        assertEquals(3L * 13 * 100_000, result.totals().neuronSteps());

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        Map<String, String> units = new HashMap<>();
        for (JsonNode c : manifest.at("/tables/thresholds/columns")) {
            units.put(c.get("name").asText(), c.get("unit").asText());
        }
        assertEquals("uA/cm^2", units.get("threshold"));
        assertEquals("uA/cm^2", units.get("bracket_low"));
        assertEquals("uA/cm^2", units.get("bracket_high"));
        assertEquals("mS/cm^2", units.get("model_gK"));
        assertEquals("1", units.get("iterations"));
        assertEquals("stimulus.amplitude", manifest.at("/config/sweep/search/param").asText());
    }

    private static int spikes(RunSpec run, double amplitude) {
        RunSpec probe = new RunSpec(run.runId(), run.seed(), run.replicate(), run.sweptValues(),
                run.template().with("stimulus.amplitude", amplitude));
        BlockResult r = Simulator.simulate(probe.template().settings(), probe.neurons());
        return r.statistics()[0].spikeCount();
    }

    @Test
    void aBracketWithoutChangeIsARowWithoutThreshold() throws Exception {
        SparkSession spark = SparkTestSession.get();
        SweepConfig config = ConfigLoader.parse("""
                simulation: {duration: 100 ms}
                stimulus: {type: constant}
                sweep:
                  seeds: 2
                  search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 2 uA/cm^2,
                           tolerance: 0.1 uA/cm^2, criterion: "spike_count >= 1"}
                """, "below.yaml");
        Path out = tmp.resolve("below");
        SweepJobTest.sweep(spark, config, out, ExecutionSettings.DEFAULTS);
        List<Row> rows = SweepJobTest.rows(spark, out, "thresholds", "run_id");
        assertEquals(2, rows.size());
        for (Row r : rows) {
            assertEquals("no_change_in_bracket", r.getAs("status"));
            assertTrue(r.isNullAt(r.fieldIndex("threshold")));
            assertEquals(0.0, r.<Double>getAs("bracket_low"));
            assertEquals(2.0, r.<Double>getAs("bracket_high"));
            assertEquals(0, r.<Integer>getAs("iterations"));
            assertEquals(2, r.<Integer>getAs("probes"));
            assertTrue(r.<String>getAs("detail").contains("fails at stimulus.amplitude = 0 uA/cm^2 (from) and fails"),
                    r.<String>getAs("detail"));
        }
        assertEquals(List.of(0, 1), rows.stream().map(r -> r.<Integer>getAs("replicate")).toList());
    }
}
