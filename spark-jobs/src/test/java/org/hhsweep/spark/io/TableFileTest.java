package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunk commit: nothing visible until commit, nothing left by an aborted attempt, retries replace. */
class TableFileTest {
    @TempDir
    Path tmp;

    private List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private TableFile<Tables.RunRecord> open(long chunk) throws Exception {
        Tables tables = Tables.forSweep(TestSweeps.tutorial().spec());
        TableFile<Tables.RunRecord> f = TableFile.open(tables.runs(), OutputDirectory.resolve(tmp.toString()), chunk,
                new Configuration());
        RunSpec run = TestSweeps.tutorial().spec().run(0);
        f.write(new Tables.RunRecord(run, 10, 0));
        return f;
    }

    @Test
    void invisibleUntilCommittedAndGoneWhenAborted() throws Exception {
        try (TableFile<Tables.RunRecord> aborted = open(7)) {
            aborted.finish();
            assertEquals(1, names(tmp.resolve("runs")).size());
            assertEquals('.', names(tmp.resolve("runs")).get(0).charAt(0), "hidden while being written");
        }
        assertEquals(List.of(), names(tmp.resolve("runs")));

        try (TableFile<Tables.RunRecord> first = open(7)) {
            first.commit();
        }
        assertEquals(List.of("part-000007.parquet"), names(tmp.resolve("runs")));
        try (TableFile<Tables.RunRecord> retry = open(7)) {
            retry.commit();
            assertEquals(1, retry.rows());
        }
        assertEquals(List.of("part-000007.parquet"), names(tmp.resolve("runs")));
        assertEquals("part-1234567.parquet", ChunkFiles.name(1_234_567));
    }
}
