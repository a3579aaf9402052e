package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.spark.Float64Traces;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traces of a neuron that blows up, written quantised and lossless and read back by DuckDB: a
 * sample no int of steps holds (NaN, or beyond 2^31 steps) is a null element of values_q, and the
 * lossless trace holds the same sample as it was; every other sample reads back within half a step.
 * Which samples those are comes from the float64 simulation, not from the writer.
 */
class DivergedTracesTest {
    private static final double V_STEP = 0.001;
    private static final double M_STEP = 1e-5;
    /** rk4 at dt 0.1 ms: 5 uA/cm^2 stays sane; 100 uA/cm^2 reaches 6.6e16 mV at the 10th step, then NaN. */
    private static final String CONFIG = """
            name: blow-up-traces
            simulation: {duration: 3 ms, dt: 0.1 ms, method: rk4}
            stimulus: {type: constant, amplitude: 5 uA/cm^2}
            sweep: {grid: {stimulus.amplitude: [5 uA/cm^2, 100 uA/cm^2]}}
            record: {traces: {variables: [V, m], every: 0.1 ms, neurons: all%s}}
            """;

    @TempDir
    Path tmp;

    @Test
    void samplesNoIntHoldsAreNullInTheQuantisedTableAndAsTheyWereInTheLosslessOne() throws Exception {
        String quantizedText = String.format(CONFIG, ", quantize: {V: 0.001 mV, m: 1e-5}");
        Path quantized = sweep("quantized", quantizedText);
        Path lossless = sweep("lossless", String.format(CONFIG, ", quantize: none"));
        Float64Traces float64 = new Float64Traces(ConfigLoader.parse(quantizedText, "quantized.yaml").spec());

        try (DuckDbReader duckdb = DuckDbReader.open()) {
            assertEquals(List.of(List.of(0L, "ok"), List.of(1L, "diverged")), duckdb.query(
                    "SELECT run_id, status FROM " + DuckDbReader.table(quantized.resolve("runs")) + " ORDER BY run_id"));
            Map<String, List<?>> floats = new HashMap<>();
            for (List<Object> row : duckdb.query("SELECT run_id, variable, values FROM "
                    + DuckDbReader.table(lossless.resolve("traces")))) {
                floats.put(row.get(0) + "/" + row.get(1), (List<?>) row.get(2));
            }
            List<List<Object>> rows = duckdb.query("SELECT run_id, variable, t0_ms, dt_ms, values_q,"
                    + " [q * step FOR q IN values_q] FROM " + DuckDbReader.table(quantized.resolve("traces"))
                    + " ORDER BY run_id, variable");
            assertEquals(4, rows.size(), "2 runs x V, m");
            int overflowing = 0;
            int nan = 0;
            for (List<Object> row : rows) {
                long run = (Long) row.get(0);
                String variable = (String) row.get(1);
                double step = variable.equals("V") ? V_STEP : M_STEP;
                List<?> q = (List<?>) row.get(4);
                List<?> values = (List<?>) row.get(5);
                List<?> lossy = floats.get(run + "/" + variable);
                assertEquals(30, q.size(), "3 ms every 0.1 ms");
                double[] simulated = float64.samples(run, 0, variable, (Double) row.get(2), (Double) row.get(3), q.size());
                for (int j = 0; j < q.size(); j++) {
                    String where = "run " + run + " " + variable + " sample " + j + " (" + simulated[j] + " simulated)";
                    double x = simulated[j];
                    float stored = (Float) lossy.get(j);
                    if (Double.isNaN(x) || Math.abs(x / step) > 0x1p31) {
                        assertNull(q.get(j), where);
                        assertNull(values.get(j), where);
                        if (Double.isNaN(x)) {
                            nan++;
                            assertTrue(Float.isNaN(stored), where + ": lossless " + stored);
                        } else {
                            overflowing++;
                            assertEquals((float) x, stored, where);
                        }
                    } else {
                        assertNotNull(q.get(j), where);
                        double r = ((Number) values.get(j)).doubleValue();
                        assertTrue(Math.abs(r - x) <= step / 2 * (1 + 1e-9) + Math.abs(x) * 0x1p-24, where + ": " + r);
                    }
                }
            }
            // both ways of not fitting an int really occur, in the diverged run only
            assertTrue(overflowing > 0 && nan > 0, overflowing + " overflowing, " + nan + " NaN samples");
            assertEquals(List.of(List.of(0L, 0L), List.of(1L, (long) (overflowing + nan))), duckdb.query(
                    "SELECT run_id, CAST(sum(len([q FOR q IN values_q IF q IS NULL])) AS BIGINT) FROM "
                            + DuckDbReader.table(quantized.resolve("traces")) + " GROUP BY run_id ORDER BY run_id"));
        }
    }

    private Path sweep(String name, String config) throws Exception {
        Path file = Files.writeString(tmp.resolve(name + ".yaml"), config);
        Path out = tmp.resolve(name);
        Commands.Outcome o = Commands.run("sweep", file.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.describe());
        assertTrue(o.out().contains("diverged: 1\n"), o.out());
        return out;
    }
}
