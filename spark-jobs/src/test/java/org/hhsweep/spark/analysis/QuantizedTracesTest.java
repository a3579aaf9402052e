package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.spark.Float64Traces;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.ParquetColumn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same sweep written lossless (record.traces.quantize: none) and with the default steps (the
 * key left out), read back by DuckDB (an independent Parquet reader) with the documented
 * reconstruction q * step and checked against the float64 simulation, and through the query view
 * and traces plot, which dequantise by themselves.
 */
class QuantizedTracesTest {
    /** The documented default steps (README, docs/traces.md). */
    private static final double V_STEP = 1e-4;
    private static final double M_STEP = 1e-6;
    private static final double I_STEP = 1e-4;
    private static final String CONFIG = String.join("\n",
            "seed: 3",
            "simulation: {duration: 60 ms, dt: 0.01 ms}",
            "neurons: 2",
            "stimulus: {type: gaussian, mean: 8 uA/cm^2, sigma: 3 uA/cm^2}",
            "sweep: {grid: {stimulus.mean: [6 uA/cm^2, 12 uA/cm^2]}}",
            "record: {spikes: true, traces: {variables: [V, m, I], every: 0.02 ms, neurons: all%s}}",
            "");
    private static final String QUANTIZED = "name: quantized\n" + String.format(CONFIG, "");
    private static Path lossless;
    private static Path quantized;
    private static DuckDbReader duck;

    @BeforeAll
    static void sweeps() throws Exception {
        lossless = AnalysisSweeps.custom("traces-lossless", "name: lossless\n" + String.format(CONFIG,
                ", quantize: none"));
        quantized = AnalysisSweeps.custom("traces-quantized", QUANTIZED);
        duck = DuckDbReader.open();
    }

    @AfterAll
    static void close() throws Exception {
        duck.close();
    }

    private static double step(String variable) {
        return switch (variable) {
            case "V" -> V_STEP;
            case "m" -> M_STEP;
            default -> I_STEP;
        };
    }

    /** run/neuron/variable -> samples, from DuckDB; quantised ones through the documented SQL. */
    private static Map<String, List<?>> traces(Path dir, String valuesSql) throws Exception {
        Map<String, List<?>> out = new HashMap<>();
        for (List<Object> row : duck.query("SELECT run_id, neuron, variable, " + valuesSql + " FROM "
                + DuckDbReader.table(dir.resolve("traces")))) {
            out.put(row.get(0) + "/" + row.get(1) + "/" + row.get(2), (List<?>) row.get(3));
        }
        return out;
    }

    /**
     * Facts that do not come from the code's own formula: DuckDB reads whole numbers (an INTEGER[]
     * column), and the documented reconstruction q * step lies within step/2 of the float64
     * simulation (beyond the float32 rounding every sample goes through) and of the lossless trace.
     */
    @Test
    void duckDbReadsWholeStepsWithinHalfAStepOfTheFloat64SimulationAndTheLosslessTrace() throws Exception {
        assertTrue(duck.describe(quantized.resolve("traces")).contains(new ParquetColumn("values_q", "INTEGER[]")),
                duck.describe(quantized.resolve("traces")).toString());
        Map<String, List<?>> exact = traces(lossless, "values");
        Float64Traces float64 = new Float64Traces(ConfigLoader.parse(QUANTIZED, "quantized.yaml").spec());
        List<List<Object>> rows = duck.query("SELECT run_id, neuron, variable, t0_ms, dt_ms, values_q,"
                + " [q * step FOR q IN values_q] FROM " + DuckDbReader.table(quantized.resolve("traces")));
        assertEquals(2 * 2 * 3, rows.size(), "2 runs x 2 neurons x V, m, I");
        assertEquals(exact.keySet(), traces(quantized, "values_q").keySet());
        Map<String, Double> worst = new HashMap<>();
        for (List<Object> row : rows) {
            String key = row.get(0) + "/" + row.get(1) + "/" + row.get(2);
            String variable = (String) row.get(2);
            double step = step(variable);
            List<?> q = (List<?>) row.get(5);
            List<?> reconstructed = (List<?>) row.get(6);
            List<?> values = exact.get(key);
            assertEquals(3000, q.size(), "60 ms every 0.02 ms");
            assertEquals(values.size(), q.size());
            double[] simulated = float64.samples((Long) row.get(0), (Integer) row.get(1), variable,
                    (Double) row.get(3), (Double) row.get(4), q.size());
            for (int j = 0; j < q.size(); j++) {
                String where = key + " sample " + j;
                assertTrue(q.get(j) instanceof Integer, where + ": " + q.get(j));
                double r = ((Number) reconstructed.get(j)).doubleValue();
                // half an ulp of float32 at |x| is at most 2^-24 |x|; the product q * step rounds once more
                double float32 = Math.abs(simulated[j]) * 0x1p-24;
                assertTrue(Math.abs(r - simulated[j]) <= step / 2 * (1 + 1e-9) + float32,
                        where + ": " + r + " vs " + simulated[j] + " simulated");
                double v = (Float) values.get(j);
                double error = Math.abs(v - r);
                assertTrue(error <= step / 2 * (1 + 1e-9), where + ": " + v + " lossless vs " + r);
                worst.merge(variable, error / step, Math::max);
            }
        }
        // the errors fill the bound: rounding to whole steps is really happening
        for (String variable : List.of("V", "m", "I")) {
            assertTrue(worst.get(variable) > 0.45, variable + ": worst error " + worst.get(variable) + " steps");
        }
        double vMax = ((Number) duck.scalar("SELECT max(list_max([q * step FOR q IN values_q])) FROM "
                + DuckDbReader.table(quantized.resolve("traces")) + " WHERE variable = 'V'")).doubleValue();
        assertTrue(vMax > 20, "the traces spike, V reaches " + vMax + " mV");
    }

    @Test
    void stepsAreDeltaBinaryPackedAndSmallerThanFloats() throws Exception {
        long losslessBytes = 0;
        long quantizedBytes = 0;
        for (Path file : files(lossless.resolve("traces"))) {
            losslessBytes += Files.size(file);
        }
        for (Path file : files(quantized.resolve("traces"))) {
            quantizedBytes += Files.size(file);
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
                boolean found = false;
                for (BlockMetaData block : r.getFooter().getBlocks()) {
                    for (ColumnChunkMetaData c : block.getColumns()) {
                        if (c.getPath().toDotString().startsWith("values_q.")) {
                            found = true;
                            assertTrue(c.getEncodings().contains(Encoding.DELTA_BINARY_PACKED), c.getEncodings().toString());
                        }
                    }
                    assertFalse(block.getColumns().stream().anyMatch(c -> c.getPath().toDotString().startsWith("values.")),
                            "no float samples beside the steps");
                }
                assertTrue(found, file.toString());
            }
        }
        assertTrue(quantizedBytes * 2 < losslessBytes, quantizedBytes + " bytes quantised vs " + losslessBytes + " lossless");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
    }

    @Test
    void queryViewAndTracesPlotDequantise() {
        AnalysisSweeps.Outcome o = AnalysisSweeps.cli("query", quantized.toString(),
                "SELECT variable, count(*) AS n, sum(size(values)) AS samples, min(step) AS step "
                        + "FROM traces GROUP BY variable ORDER BY variable", "--format", "csv");
        assertEquals(0, o.status(), o.err());
        assertEquals(List.of("variable,n,samples,step", "I,4,12000,1.0E-4", "V,4,12000,1.0E-4", "m,4,12000,1.0E-6"),
                o.out().strip().lines().toList());

        TracesPlot.Data exact = TracesPlot.collect(AnalysisSweeps.open(lossless), PlotOptions.defaults());
        TracesPlot.Data fromSteps = TracesPlot.collect(AnalysisSweeps.open(quantized), PlotOptions.defaults());
        assertEquals(exact.matched(), fromSteps.matched());
        assertEquals(exact.panels().size(), fromSteps.panels().size());
        for (int i = 0; i < exact.panels().size(); i++) {
            float[] a = exact.panels().get(i).values();
            float[] b = fromSteps.panels().get(i).values();
            assertEquals(a.length, b.length);
            for (int j = 0; j < a.length; j++) {
                // the view casts q * step to float: half a step plus float32 rounding of the result
                assertEquals(a[j], b[j], V_STEP / 2 + Math.ulp(b[j]), "panel " + i + " sample " + j);
            }
        }

        Path plot = AnalysisSweeps.scratch("quantized-plot").resolve("traces.png");
        AnalysisSweeps.Outcome p = AnalysisSweeps.cli("plot", quantized.toString(), "--kind", "traces", "--out",
                plot.toString());
        assertEquals(0, p.status(), p.err());
        assertTrue(Files.isRegularFile(plot));
    }

    @Test
    void reportWorksOnQuantisedTraces() throws Exception {
        AnalysisSweeps.Outcome o = AnalysisSweeps.cli("report", quantized.toString());
        assertEquals(0, o.status(), o.err());
        String html = Files.readString(quantized.resolve("report.html"));
        assertTrue(html.contains("Membrane voltage"), "the report has the traces figure");
    }
}
