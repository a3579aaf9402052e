package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.io.OutputDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps run on real Spark (local mode), read back with Spark, checked against references and sim-core. */
class SweepJobTest {
    @TempDir
    Path tmp;

    static SweepJob.Result sweep(SparkSession spark, SweepConfig config, Path out, ExecutionSettings exec)
            throws Exception {
        return SweepJob.run(spark, config, OutputDirectory.resolve(out.toString()),
                new SweepJob.Options(false, exec, null, SweepJob.PROGRESS_MILLIS));
    }

    static List<Row> rows(SparkSession spark, Path out, String table, String orderBy) {
        org.apache.spark.sql.Column[] order = java.util.Arrays.stream(orderBy.split(","))
                .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
        return spark.read().parquet(out.resolve(table).toString()).orderBy(order).collectAsList();
    }

    @Test
    void tutorialEveryNeuronFiresSixSpikesAt60Hz() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path out = tmp.resolve("tutorial");
        SweepJob.Result result = sweep(spark, TestSweeps.tutorial(), out, ExecutionSettings.DEFAULTS);

        int expected = TestSweeps.reference().at("/tutorial_random_input_100ms_dt0.01/spike_count_every_neuron").asInt();
        List<Row> summaries = rows(spark, out, "summaries", "neuron");
        assertEquals(10, summaries.size());
        for (Row r : summaries) {
            assertEquals(expected, r.<Integer>getAs("spike_count"));
            assertEquals(expected / 0.1, r.<Double>getAs("rate_hz"), 1e-9);
            assertEquals("ok", r.getAs("status"));
            assertNull(r.getAs("population"), "independent neurons: no population");
        }
        Row run = rows(spark, out, "runs", "run_id").get(0);
        assertEquals(0L, run.<Long>getAs("synapses"));
        assertNull(run.getAs("synapses_by_group"));
        Row avg = spark.read().parquet(out.resolve("summaries").toString()).selectExpr("avg(rate_hz)").first();
        assertEquals(60.0, avg.getDouble(0));
        List<Row> spikes = rows(spark, out, "spikes", "neuron");
        for (Row r : spikes) {
            assertEquals(expected, r.getList(r.fieldIndex("spike_ms")).size());
        }
        assertEquals(10, result.totals().neurons());
        assertEquals(10L * expected, result.totals().spikes());
        assertEquals(10L * 10_000, result.totals().neuronSteps());
        assertEquals(60.0, result.totals().meanRateHz(), 1e-9);
    }

    @Test
    void fICurveMatchesTheReferenceAndSimCoreRunDirectly() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path out = tmp.resolve("fi");
        SweepConfig config = TestSweeps.fICurve();
        sweep(spark, config, out, ExecutionSettings.DEFAULTS);
        SweepSpec spec = config.spec();
        JsonNode table = TestSweeps.reference().get("constant_current_1000ms_dt0.01");

        List<Row> summaries = rows(spark, out, "summaries", "run_id");
        List<Row> spikes = rows(spark, out, "spikes", "run_id");
        List<Row> traces = rows(spark, out, "traces", "run_id,variable");
        List<Row> runs = rows(spark, out, "runs", "run_id");
        assertEquals(table.size(), summaries.size());
        assertEquals(2 * table.size(), traces.size());
        for (int i = 0; i < table.size(); i++) {
            JsonNode ref = table.get(i);
            Row s = summaries.get(i);
            assertEquals(ref.get("I").asDouble(), s.<Double>getAs("stimulus_amplitude"));
            assertEquals(ref.get("I").asDouble(), runs.get(i).<Double>getAs("stimulus_amplitude"));
            assertEquals(ref.get("spike_count").asInt(), s.<Integer>getAs("spike_count"));
            assertEquals(ref.get("spikes_in_500_1000ms").asInt() / 0.5, s.<Double>getAs("window_rate_hz"), 1e-9);
            if (ref.get("first_spike_ms").isNull()) {
                assertNull(s.getAs("first_spike_ms"));
            } else {
                assertEquals(ref.get("first_spike_ms").asDouble(), s.<Double>getAs("first_spike_ms"), 1e-9);
            }

            // the same run through sim-core directly: every number identical
            RunSpec run = spec.run(i);
            BlockResult direct = Simulator.simulate(run.template().settings(), run.neurons());
            NeuronStatistics d = direct.statistics()[0];
            assertEquals(d.spikeCount(), s.getAs("spike_count"));
            assertEquals(d.rateHz(), s.getAs("rate_hz"));
            assertEquals(d.windowRateHz(), s.getAs("window_rate_hz"));
            assertEquals(d.firstSpikeMs(), s.getAs("first_spike_ms"));
            assertEquals(d.meanIsiMs(), s.getAs("mean_isi_ms"));
            assertEquals(d.cvIsi(), s.getAs("cv_isi"));
            assertEquals(d.vMinMv(), s.getAs("v_min_mV"));
            assertEquals(d.vMaxMv(), s.getAs("v_max_mV"));
            assertEquals(run.seed(), s.<Long>getAs("seed"));
            Row sp = spikes.get(i);
            assertArrayEquals(direct.spikeTimes()[0], doubles(sp.getList(sp.fieldIndex("spike_ms"))));
            assertArrayEquals(direct.interpolatedTimes()[0], doubles(sp.getList(sp.fieldIndex("spike_interp_ms"))));
            for (Trace t : direct.traces()) {
                Row tr = traces.get(2 * i + (t.variable().label().equals("I") ? 0 : 1));
                assertEquals(t.variable().label(), tr.getAs("variable"));
                assertEquals(t.t0Ms(), tr.<Double>getAs("t0_ms"));
                assertEquals(t.dtMs(), tr.<Double>getAs("dt_ms"));
                assertEquals(10_000, t.values().length);
                assertArrayEquals(t.values(), floats(tr.getList(tr.fieldIndex("values"))));
            }
        }
    }

    @Test
    void divergedNeuronsHaveNullStatisticsAndMarkTheirRun() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path out = tmp.resolve("diverging");
        SweepJob.Result result = sweep(spark, TestSweeps.diverging(), out, ExecutionSettings.DEFAULTS);
        List<Row> runs = rows(spark, out, "runs", "run_id");
        assertEquals("ok", runs.get(0).getAs("status"));
        assertEquals(0, runs.get(0).<Integer>getAs("diverged"));
        assertEquals("diverged", runs.get(1).getAs("status"));
        assertEquals(3, runs.get(1).<Integer>getAs("diverged"));
        assertEquals(3, runs.get(1).<Integer>getAs("neurons"));
        for (Row s : rows(spark, out, "summaries", "run_id,neuron")) {
            boolean diverged = s.<Long>getAs("run_id") == 1;
            assertEquals(diverged ? "diverged" : "ok", s.getAs("status"));
            for (String c : List.of("spike_count", "rate_hz", "first_spike_ms", "v_min_mV", "v_max_mV")) {
                assertEquals(diverged, s.isNullAt(s.fieldIndex(c)), c);
            }
            assertEquals(!diverged, s.isNullAt(s.fieldIndex("diverged_step")));
            assertTrue(s.isNullAt(s.fieldIndex("window_rate_hz")), "no window: null");
        }
        for (Row sp : rows(spark, out, "spikes", "run_id,neuron")) {
            if (sp.<Long>getAs("run_id") == 1) {
                assertTrue(sp.getList(sp.fieldIndex("spike_ms")).isEmpty());
            }
        }
        assertEquals(3, result.totals().diverged());
        assertEquals(3, result.totals().okNeurons());
    }

    @Test
    void progressIsReportedAndEndsAtTheTotal() throws Exception {
        SparkSession spark = SparkTestSession.get();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SweepConfig config = TestSweeps.mixed();
        try (PrintStream progress = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            SweepJob.run(spark, config, OutputDirectory.resolve(tmp.resolve("progress").toString()),
                    new SweepJob.Options(false, ExecutionSettings.DEFAULTS.withRunsPerChunk(1), progress, 1));
        }
        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines.length >= 1, "no progress line");
        assertTrue(lines[lines.length - 1].startsWith("runs 24/24 (100%), "), lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].contains("neuron-steps/s"), lines[lines.length - 1]);
    }

    static double[] doubles(List<Object> list) {
        return list.stream().mapToDouble(o -> (Double) o).toArray();
    }

    static float[] floats(List<Object> list) {
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Float) list.get(i);
        }
        return out;
    }
}
