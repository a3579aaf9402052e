package org.hhsweep.spark.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.SweepJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A threshold search's output read by DuckDB: runs and thresholds exactly as documented, units included. */
class ThresholdsSchemaTest {
    @TempDir
    Path tmp;

    @Test
    void searchOutputIsTheDocumentedRunsAndThresholds() throws Exception {
        Path out = tmp.resolve("search");
        SweepJob.run(SparkTestSession.get(), ConfigLoader.parse("""
                simulation: {duration: 50 ms}
                stimulus: {type: pulse, onset: 5 ms, duration: 1 ms, amplitude: 0 uA/cm^2}
                sweep:
                  grid: {model.gNa: [100 mS/cm^2, 120 mS/cm^2]}
                  search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 100 uA/cm^2,
                           tolerance: 1 uA/cm^2, criterion: "spike_count >= 1"}
                """, "pulse.yaml"), OutputDirectory.resolve(out.toString()),
                SweepJob.Options.of(false, ExecutionSettings.DEFAULTS, null));
        List<DocumentedColumn> swept = List.of(DocumentedTables.swept("model_gNa", "mS/cm^2"));
        try (DuckDbReader reader = DuckDbReader.open()) {
            assertEquals(List.of(), TableSchemaCheck.problems(reader, out,
                    List.of(DocumentedTables.runs(swept), DocumentedTables.thresholds(swept, "uA/cm^2"))));
            assertEquals(2L, reader.count(out.resolve("thresholds")));
            assertEquals(0L, reader.scalar("SELECT count(*) FROM " + DuckDbReader.table(out.resolve("thresholds"))
                    + " WHERE status <> 'ok' OR NOT (bracket_high - bracket_low <= 1)"));
        }
    }
}
