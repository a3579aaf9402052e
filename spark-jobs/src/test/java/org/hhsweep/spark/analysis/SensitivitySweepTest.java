package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.sensitivity.PointOutputs;
import org.hhsweep.sim.sensitivity.SensitivityIndex;
import org.hhsweep.sim.sensitivity.SensitivityResult;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * sweep.sensitivity end to end on Spark (local mode, through the commands): a sobol sweep over a
 * grid and a morris sweep without one write a sensitivity table with one row per grid point,
 * output and parameter whose values are those of the engine's estimator computed here from the
 * summaries table, neuron by neuron; nulls are counted; query, plot and report see it; --resume
 * writes a table a crash left unwritten; --overwrite removes it; validate shows the design.
 */
class SensitivitySweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Private noise around a weak mean: at 3 uA/cm^2 some neurons never fire (a null
     * first_spike_ms), at 10 uA/cm^2 all do. 2 grid points x 16 x (2 + 2) design runs x 2 seeds.
     */
    static final String SOBOL = String.join("\n",
            "name: sens-sobol",
            "seed: 3",
            "simulation: {duration: 30 ms, dt: 0.02 ms}",
            "neurons: 2",
            "stimulus: {type: gaussian, mean: 3 uA/cm^2, sigma: 2 uA/cm^2, shared: false}",
            "sweep:",
            "  grid: {stimulus.mean: [3 uA/cm^2, 10 uA/cm^2]}",
            "  seeds: 2",
            "  sensitivity:",
            "    samples: 16",
            "    params: {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}, model.gK: {uniform: [30 mS/cm^2, 42 mS/cm^2]}}",
            "    outputs: [rate_hz, first_spike_ms]",
            "");
    /** 8 trajectories x (3 + 1) runs, one grid point, one neuron. */
    static final String MORRIS = String.join("\n",
            "name: sens-morris",
            "seed: 4",
            "simulation: {duration: 30 ms, dt: 0.02 ms}",
            "stimulus: {type: constant, amplitude: 10 uA/cm^2}",
            "sweep:",
            "  sensitivity:",
            "    method: morris",
            "    samples: 8",
            "    params: {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}, model.gK: {uniform: [30 mS/cm^2, 42 mS/cm^2]},"
                    + " model.gL: {uniform: [0.1 mS/cm^2, 0.5 mS/cm^2]}}",
            "    outputs: [v_max_mV, spike_count]",
            "");

    private static Path sobolOut;
    private static AnalysisSweeps.Outcome sobolRun;
    private static Path morrisOut;

    /** The sobol config swept once for the tests that only read it. */
    private static synchronized Path sobol() throws Exception {
        if (sobolOut == null) {
            Path dir = AnalysisSweeps.scratch("sens-sobol");
            Path config = Files.writeString(dir.resolve("sens-sobol.yaml"), SOBOL);
            sobolOut = dir.resolve("out");
            sobolRun = AnalysisSweeps.cli("sweep", config.toString(), "--out", sobolOut.toString());
            assertEquals(0, sobolRun.status(), sobolRun.err());
        }
        return sobolOut;
    }

    private static synchronized Path morris() {
        if (morrisOut == null) {
            morrisOut = AnalysisSweeps.custom("sens-morris", MORRIS);
        }
        return morrisOut;
    }

    private static List<Row> rows(Path table) {
        return SparkTestSession.get().read().parquet(table.toString()).collectAsList();
    }

    private static List<String> columns(Path table) {
        return Arrays.asList(SparkTestSession.get().read().parquet(table.toString()).columns());
    }

    /**
     * The engine's indices from the summaries table as written, neuron by neuron: grid point ->
     * output -> result.
     */
    private static Map<Long, Map<String, SensitivityResult>> expected(SweepSpec spec, Path out) {
        List<String> outputs = spec.sensitivity().outputs();
        Map<Long, Map<String, PointOutputs>> points = new HashMap<>();
        for (long p = 0; p < spec.gridPoints(); p++) {
            Map<String, PointOutputs> byOutput = new HashMap<>();
            for (String o : outputs) {
                byOutput.put(o, new PointOutputs(spec, p));
            }
            points.put(p, byOutput);
        }
        List<String> select = new ArrayList<>(List.of("run_id"));
        outputs.forEach(o -> select.add("CAST(" + o + " AS DOUBLE)"));
        for (Row r : SparkTestSession.get().read().parquet(out.resolve("summaries").toString())
                .selectExpr(select.toArray(String[]::new)).collectAsList()) {
            long run = r.getLong(0);
            long point = run / spec.runsPerPoint();
            for (int o = 0; o < outputs.size(); o++) {
                points.get(point).get(outputs.get(o)).add(run, r.isNullAt(o + 1) ? Double.NaN : r.getDouble(o + 1));
            }
        }
        Map<Long, Map<String, SensitivityResult>> results = new HashMap<>();
        points.forEach((p, byOutput) -> {
            Map<String, SensitivityResult> r = new HashMap<>();
            byOutput.forEach((o, outputsOf) -> r.put(o, outputsOf.analyze()));
            results.put(p, r);
        });
        return results;
    }

    /** Every row of the table against the engine's result; returns the null design runs per output. */
    private static Map<String, Integer> assertTableIsTheEstimators(SweepSpec spec, Path out, List<String> estimates) {
        Map<Long, Map<String, SensitivityResult>> expected = expected(spec, out);
        List<Row> rows = rows(out.resolve("sensitivity"));
        int k = spec.sensitivity().paths().size();
        assertEquals(spec.gridPoints() * spec.sensitivity().outputs().size() * k, rows.size(),
                "one row per grid point, output and param");
        Map<String, Integer> nulls = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (Row r : rows) {
            long point = r.getLong(r.fieldIndex("grid_point"));
            String output = r.getString(r.fieldIndex("output"));
            String param = r.getString(r.fieldIndex("param"));
            keys.add(point + " " + output + " " + param);
            SensitivityResult result = expected.get(point).get(output);
            SensitivityIndex index = result.index(param);
            assertEquals(spec.sensitivity().method().configName(), r.getString(r.fieldIndex("method")));
            for (String e : estimates) {
                double want = index.value(e);
                int at = r.fieldIndex(e);
                if (Double.isNaN(want)) {
                    assertTrue(r.isNullAt(at), e + " undefined: null");
                } else {
                    assertEquals(want, r.getDouble(at), 1e-9 * Math.max(1, Math.abs(want)), point + " " + output + " " + param + " " + e);
                }
            }
            assertEquals(index.used(), r.getInt(r.fieldIndex("used")));
            assertEquals(index.leftOut(), r.getInt(r.fieldIndex("left_out")));
            assertEquals(result.nullOutputs(), r.getInt(r.fieldIndex("null_outputs")));
            assertEquals(spec.sensitivity().runs(), r.getInt(r.fieldIndex("design_runs")));
            nulls.merge(output, r.getInt(r.fieldIndex("null_outputs")), Math::max);
        }
        assertEquals(rows.size(), keys.stream().distinct().count(), "no key twice: " + keys);
        return nulls;
    }

    private static ObjectNode manifest(Path out) throws Exception {
        return (ObjectNode) JSON.readTree(out.resolve("manifest.json").toFile());
    }

    @Test
    void aSobolSweepWritesTheEstimatorsIndicesPerGridPointAndCountsNulls() throws Exception {
        Path out = sobol();
        SweepSpec spec = ConfigLoader.parse(SOBOL, "sens-sobol.yaml").spec();
        assertEquals(List.of("grid_point", "stimulus_mean", "output", "param", "method", "S1", "S1_conf", "ST", "ST_conf",
                "used", "left_out", "null_outputs", "design_runs"), columns(out.resolve("sensitivity")));
        Map<String, Integer> nulls = assertTableIsTheEstimators(spec, out, List.of("S1", "S1_conf", "ST", "ST_conf"));
        assertEquals(0, nulls.get("rate_hz"), "a rate is always defined");
        assertTrue(nulls.get("first_spike_ms") > 0 && nulls.get("first_spike_ms") < 64,
                "some design runs without a first spike at 3 uA/cm^2: " + nulls);
        assertEquals(List.of("part-000000.parquet"), Files.list(out.resolve("sensitivity"))
                .map(p -> p.getFileName().toString()).toList(), "one file, nothing hidden left");
        assertTrue(manifest(out).path("tables").has("sensitivity"), "the manifest lists the table");
        assertEquals("complete", manifest(out).path("status").asText());
    }

    @Test
    void aMorrisSweepWritesMuStarAndSigma() throws Exception {
        Path out = morris();
        SweepSpec spec = ConfigLoader.parse(MORRIS, "sens-morris.yaml").spec();
        assertEquals(List.of("grid_point", "output", "param", "method", "mu_star", "mu_star_conf", "sigma",
                "used", "left_out", "null_outputs", "design_runs"), columns(out.resolve("sensitivity")));
        assertTableIsTheEstimators(spec, out, List.of("mu_star", "mu_star_conf", "sigma"));
    }

    @Test
    void theSweepPrintsTheIndicesRankedAndTheNulls() throws Exception {
        Path out = sobol();
        AnalysisSweeps.Outcome o = sobolRun;
        assertFalse(o.err().contains("no sensitivity indices"), o.err());
        assertTrue(o.out().contains("sensitivity: sobol, 2 parameters, 16 base samples, 64 design runs per grid point;"
                + " parameters by ST ± 95% half-width (S1):"), o.out());
        assertTrue(o.out().contains("  grid point 1 (stimulus_mean 10 uA/cm^2):"), o.out());
        // per output the parameters in decreasing ST
        List<String> ranked = o.out().lines().filter(l -> l.startsWith("    rate_hz: ") && !l.contains("undefined"))
                .toList();
        assertFalse(ranked.isEmpty(), o.out());
        for (String line : ranked) {
            String[] parts = line.substring("    rate_hz: ".length()).split(", ");
            assertEquals(2, parts.length, line);
            double first = Double.parseDouble(parts[0].split(" ")[1]);
            double second = Double.parseDouble(parts[1].split(" ")[1]);
            assertTrue(first >= second, line);
        }
        Map<String, Integer> nulls = new HashMap<>();
        for (Row r : rows(out.resolve("sensitivity"))) {
            if (r.getString(r.fieldIndex("param")).equals("model.gNa")) {
                nulls.merge(r.getString(r.fieldIndex("output")), r.getInt(r.fieldIndex("null_outputs")), Integer::sum);
            }
        }
        assertTrue(o.out().contains("null outputs: rate_hz none; first_spike_ms " + nulls.get("first_spike_ms")
                + " of 128 design runs (left out of its indices)"), o.out());
    }

    @Test
    void validateShowsTheDesignFactorAndTheParameters() throws Exception {
        Path config = Files.writeString(AnalysisSweeps.scratch("sens-validate").resolve("sens.yaml"), SOBOL);
        AnalysisSweeps.Outcome o = AnalysisSweeps.cli("validate", config.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("runs: 256 (2 grid points x 64 sobol design runs x 2 seed replicates)"), o.out());
        assertTrue(o.out().contains("swept: stimulus.mean (2 values), model.gNa (sobol parameter, uniform 100 mS/cm^2 to"
                + " 140 mS/cm^2), model.gK (sobol parameter, uniform 30 mS/cm^2 to 42 mS/cm^2)"), o.out());
        assertTrue(o.out().contains("sensitivity: sobol, 64 design runs per grid point (16 base samples x (2 parameters"
                + " + 2)); outputs rate_hz, first_spike_ms; S1, S1_conf, ST, ST_conf per grid point, output and parameter"
                + " in sensitivity/"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("\\s+sensitivity\\s+8 rows.*")), o.out());
    }

    @Test
    void queryPlotAndReportSeeTheTable() throws Exception {
        Path out = sobol();
        AnalysisSweeps.Outcome q = AnalysisSweeps.cli("query", out.toString(),
                "SELECT count(*), count(DISTINCT grid_point) FROM sensitivity WHERE output = 'rate_hz'", "--format", "csv");
        assertEquals(0, q.status(), q.err());
        assertEquals("4,2", q.out().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""), q.out());

        Path scratch = AnalysisSweeps.scratch("sens-plot");
        Path png = scratch.resolve("sensitivity.png");
        AnalysisSweeps.Outcome p = AnalysisSweeps.cli("plot", out.toString(), "--kind", "sensitivity", "--out",
                png.toString(), "--width", "640", "--height", "480");
        assertEquals(0, p.status(), p.err());
        assertTrue(p.out().contains("S1 and ST of 2 parameters for rate_hz, first_spike_ms at grid point 0"
                + " (mean = 3 µA/cm²)"), p.out());
        assertTrue(p.out().contains("2 grid points match"), p.out());
        Images.assertDrawn(png, 640, 480, 0.04);
        Path second = scratch.resolve("second.png");
        p = AnalysisSweeps.cli("plot", out.toString(), "--kind", "sensitivity", "--where", "grid_point = 1 AND output = 'rate_hz'",
                "--out", second.toString(), "--width", "640", "--height", "480");
        assertEquals(0, p.status(), p.err());
        assertTrue(p.out().contains("for rate_hz at grid point 1 (mean = 10 µA/cm²)"), p.out());
        Images.assertDrawn(second, 640, 480, 0.04);

        Path morris = morris();
        Path third = scratch.resolve("morris.png");
        p = AnalysisSweeps.cli("plot", morris.toString(), "--kind", "sensitivity", "--out", third.toString(),
                "--width", "640", "--height", "480");
        assertEquals(0, p.status(), p.err());
        assertTrue(p.out().contains("mu_star and sigma of 3 parameters for v_max_mV, spike_count at grid point 0"), p.out());
        Images.assertDrawn(third, 640, 480, 0.04);

        AnalysisSweeps.Outcome none = AnalysisSweeps.cli("plot", AnalysisSweeps.tutorial().toString(), "--kind", "sensitivity",
                "--out", scratch.resolve("none.png").toString());
        assertEquals(2, none.status(), none.err());
        assertTrue(none.err().contains("needs the sensitivity table"), none.err());

        AnalysisSweeps.Outcome r = AnalysisSweeps.cli("report", out.toString());
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Sensitivity (sobol)"), "the indices' table");
        assertTrue(html.contains("report/sensitivity.png"), "the figure");
        Images.assertDrawn(out.resolve("report").resolve("sensitivity.png"), ReportPlan.WIDTH, ReportPlan.HEIGHT, 0.04);
    }

    @Test
    void resumeWritesATableACrashLeftUnwrittenAndOverwriteRemovesIt() throws Exception {
        Path scratch = AnalysisSweeps.scratch("sens-resume");
        Path config = Files.writeString(scratch.resolve("sens.yaml"), SOBOL);
        Path out = scratch.resolve("out");
        assertEquals(0, AnalysisSweeps.cli("sweep", config.toString(), "--out", out.toString()).status());
        List<Row> before = rows(out.resolve("sensitivity"));

        // killed while writing the table: runs all committed, a hidden part file, the manifest running
        Path table = out.resolve("sensitivity");
        Files.delete(table.resolve("part-000000.parquet"));
        Files.writeString(table.resolve(".part-000000.parquet.0b5e.tmp"), "half a file");
        ObjectNode m = manifest(out);
        m.put("status", "running");
        JSON.writeValue(out.resolve("manifest.json").toFile(), m);
        AnalysisSweeps.Outcome q = AnalysisSweeps.cli("query", out.toString(), "SELECT count(*) FROM runs");
        assertEquals(0, q.status(), q.err());
        assertFalse(q.out().contains("half"), "the hidden file is no table");

        AnalysisSweeps.Outcome resumed = AnalysisSweeps.cli("sweep", config.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(List.of("part-000000.parquet"), Files.list(table).map(p -> p.getFileName().toString()).toList());
        assertEquals(sorted(before), sorted(rows(table)));
        assertEquals("complete", manifest(out).path("status").asText());

        // a complete sweep without its table (an older version's): --resume writes only the table
        Files.delete(table.resolve("part-000000.parquet"));
        Files.delete(table);
        resumed = AnalysisSweeps.cli("sweep", config.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(sorted(before), sorted(rows(table)));

        // another sweep over it: the table goes with the rest of hhsweep's files, the user's file stays
        Files.writeString(out.resolve("notes.txt"), "mine");
        Path plain = Files.writeString(scratch.resolve("plain.yaml"), String.join("\n",
                "name: plain", "simulation: {duration: 10 ms}", ""));
        AnalysisSweeps.Outcome over = AnalysisSweeps.cli("sweep", plain.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(0, over.status(), over.err());
        assertFalse(Files.exists(table), "sensitivity/ removed");
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().toList();
    }
}
