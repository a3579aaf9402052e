package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.HdfsTestCluster;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What readers see on a real HDFS (a mini cluster in this JVM): the manifest replaced many times
 * while read is always found, whole; of attempts of one chunk committing its file (a retry, a
 * speculative copy), exactly one file wins, whole, and a committed file is never replaced.
 */
class HdfsAtomicityTest {
    static FileSystem fs;
    static final Configuration CONF = new Configuration();
    static final SweepSpec SPEC = TestSweeps.tutorial().spec();

    @BeforeAll
    static void cluster() {
        fs = HdfsTestCluster.fileSystem();
    }

    private static List<String> names(Path dir) throws IOException {
        return Arrays.stream(fs.listStatus(dir)).map(s -> s.getPath().getName()).sorted().toList();
    }

    /** Manifest version n: its padding's length follows from n, so a mix or a cut shows. */
    private static byte[] manifest(int n) {
        return ("{\"version\": " + n + ", \"padding\": \"" + "x".repeat(padding(n)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int padding(int n) {
        return (n * 7919) % 20_000;
    }

    @Test
    void aReaderNeverFindsTheManifestMissingOrPartWhileItIsReplaced() throws Exception {
        Path out = new Path(HdfsTestCluster.directory("manifest"));
        Path target = new Path(out, OutputLayout.MANIFEST);
        AtomicWrite.replace(target, manifest(0), CONF);
        int replacements = 120;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> problems = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            int last = 0;
            while (writing.get() && problems.size() < 5) {
                try (InputStream in = fs.open(target)) {
                    JsonNode m = Json.MAPPER.readTree(in.readAllBytes());
                    int n = m.get("version").asInt();
                    if (m.get("padding").asText().length() != padding(n)) {
                        problems.add("version " + n + " has " + m.get("padding").asText().length()
                                + " bytes of padding");
                    }
                    if (n < last) {
                        problems.add("version " + n + " read after " + last);
                    }
                    last = n;
                    reads.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    problems.add(e.toString());
                }
            }
        });
        reader.start();
        try {
            for (int n = 1; n <= replacements; n++) {
                AtomicWrite.replace(target, manifest(n), CONF);
            }
        } finally {
            writing.set(false);
            reader.join(60_000);
        }
        assertEquals(List.of(), problems, reads.get() + " reads");
        assertTrue(reads.get() >= replacements / 4, "the reads overlapped the replacements: " + reads.get());
        try (InputStream in = fs.open(target)) {
            assertEquals(new String(manifest(replacements), StandardCharsets.UTF_8),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(OutputLayout.MANIFEST), names(out), "no temporary file left");
    }

    /** One attempt's runs file of a chunk: {@code rows} rows, finished under its temporary name. */
    private static TableFile<Tables.RunRecord> attempt(Path out, long chunk, int rows) throws IOException {
        TableFile<Tables.RunRecord> f = TableFile.open(Tables.forSweep(SPEC).runs(), out, chunk, CONF);
        for (int i = 0; i < rows; i++) {
            f.write(new Tables.RunRecord(SPEC.run(0), 10, 0));
        }
        f.finish();
        return f;
    }

    private static long rows(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, CONF))) {
            return r.getRecordCount();
        }
    }

    private static byte[] bytes(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCommittedChunkFileIsNeverReplacedByAnotherAttempt() throws Exception {
        Path out = new Path(HdfsTestCluster.directory("commit"));
        Path committed = ChunkFiles.file(out, Tables.RUNS, 3);
        try (TableFile<Tables.RunRecord> first = attempt(out, 3, 50);
             TableFile<Tables.RunRecord> second = attempt(out, 3, 60)) {
            assertTrue(first.commit());
            byte[] firstBytes = bytes(committed);
            assertFalse(second.commit(), "the file is there: this attempt's copy is dropped");
            assertTrue(Arrays.equals(firstBytes, bytes(committed)), "the first attempt's file, byte for byte");
        }
        assertEquals(50, rows(committed));
        assertEquals(List.of(ChunkFiles.name(3)), names(new Path(out, Tables.RUNS)), "no temporary file left");
    }

    @Test
    void ofAttemptsCommittingAtOnceExactlyOneWholeFileWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Path out = new Path(HdfsTestCluster.directory("commit-race"));
            for (int chunk = 0; chunk < 20; chunk++) {
                // Different row counts tell the attempts apart (real attempts write the same rows).
                List<TableFile<Tables.RunRecord>> attempts = List.of(attempt(out, chunk, 50), attempt(out, chunk, 60));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> commits = new ArrayList<>();
                for (TableFile<Tables.RunRecord> a : attempts) {
                    commits.add(pool.submit(() -> {
                        start.await();
                        return a.commit();
                    }));
                }
                List<Long> winners = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    if (commits.get(i).get(60, TimeUnit.SECONDS)) {
                        winners.add(attempts.get(i).rows());
                    }
                    attempts.get(i).close();
                }
                assertEquals(1, winners.size(), "chunk " + chunk + ": " + winners);
                assertEquals(winners.get(0), rows(ChunkFiles.file(out, Tables.RUNS, chunk)), "chunk " + chunk);
            }
            List<String> expected = new ArrayList<>();
            for (int chunk = 0; chunk < 20; chunk++) {
                expected.add(ChunkFiles.name(chunk));
            }
            assertEquals(expected, names(new Path(out, Tables.RUNS)), "one file per chunk, no temporary file left");
        } finally {
            pool.shutdownNow();
        }
    }
}
