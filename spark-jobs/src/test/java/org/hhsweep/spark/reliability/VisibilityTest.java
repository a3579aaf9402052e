package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.io.AtomicWrite;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.TableFile;
import org.hhsweep.spark.io.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table never shows a chunk that is not committed: a chunk's files are written under hidden
 * temporary names, which the readers' usual patterns skip (DuckDB's *.parquet globs, Spark), and
 * renamed when complete. The manifest is replaced whole: a reader sees the old one or the new one.
 */
class VisibilityTest {
    @TempDir
    Path tmp;

    @Test
    void readersSeeCommittedChunksOnly() throws Exception {
        SweepSpec spec = TestSweeps.tutorial().spec();
        Tables tables = Tables.forSweep(spec);
        Configuration conf = new Configuration();
        org.apache.hadoop.fs.Path out = OutputDirectory.resolve(tmp.toString());
        try (TableFile<Tables.RunRecord> committed = TableFile.open(tables.runs(), out, 0, conf);
             TableFile<Tables.RunRecord> writing = TableFile.open(tables.runs(), out, 1, conf)) {
            committed.write(new Tables.RunRecord(spec.run(0), 10, 0));
            committed.commit();
            for (int i = 0; i < 3; i++) {
                writing.write(new Tables.RunRecord(spec.run(0), 10, 0));
            }
            // A whole, readable Parquet file, still under its temporary name: as a task killed
            // between closing and renaming would leave it.
            writing.finish();

            Path runs = tmp.resolve("runs");
            List<String> names;
            try (Stream<Path> files = Files.list(runs)) {
                names = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.get(0).matches("\\.part-000001\\.parquet\\.[0-9a-f-]{36}\\.tmp"), names.toString());
            assertEquals("part-000000.parquet", names.get(1));

            try (DuckDbReader duckdb = DuckDbReader.open()) {
                assertEquals(1L, duckdb.count(runs));
                assertEquals(1L, duckdb.scalar("SELECT count(*) FROM '" + runs + "/*.parquet'"));
                // The temporary file itself is complete: only its name keeps it out.
                assertEquals(3L, duckdb.scalar("SELECT count(*) FROM read_parquet('" + runs.resolve(names.get(0))
                        + "')"));
            }
            assertEquals(1L, SparkTestSession.get().read().parquet(runs.toString()).count());
        }
    }

    @Test
    void theManifestIsReplacedWhole() throws Exception {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(OutputDirectory.resolve(tmp.toString()),
                "manifest.json");
        String running = "{\"status\": \"running\", \"pad\": \"" + "x".repeat(100_000) + "\"}";
        String complete = "{\"status\": \"complete\"}";
        AtomicWrite.replace(file, running.getBytes(StandardCharsets.UTF_8), new Configuration());
        try (InputStream reader = Files.newInputStream(tmp.resolve("manifest.json"))) {
            byte[] start = reader.readNBytes(10);
            AtomicWrite.replace(file, complete.getBytes(StandardCharsets.UTF_8), new Configuration());
            // A reader that opened the old manifest reads all of it, not a mix.
            assertEquals(running, new String(start, StandardCharsets.UTF_8)
                    + new String(reader.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(complete, Files.readString(tmp.resolve("manifest.json")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("manifest.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
