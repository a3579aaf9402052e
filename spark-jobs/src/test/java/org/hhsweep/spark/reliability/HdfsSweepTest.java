package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.hhsweep.spark.HdfsTestCluster;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.TableDifference;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a real HDFS (a mini cluster in this JVM) through the CLI, in local mode: the tables of
 * a sweep written to hdfs:// equal, row for row, those of the same config written to a local path;
 * a second sweep on an HDFS output that a sweep in another JVM is writing is refused with one
 * line naming that process, and the first completes unharmed; {@code unlock} removes only a stale
 * (or forced) lock of an hhsweep output, and nothing else.
 */
class HdfsSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("runs", "summaries", "spikes", "traces");
    /**
     * 60 runs of 100 neurons for 400 ms: about 1e8 neuron-steps, a few seconds, so that a second
     * sweep can be refused while the first runs.
     */
    private static final String CONFIG = """
            name: hdfs
            seed: 11
            simulation: {duration: 400 ms, dt: 0.025 ms}
            neurons: 100
            stimulus: {type: ou, mean: 8 uA/cm^2, sigma: 3 uA/cm^2, tau: 5 ms}
            sweep:
              grid: {stimulus.mean: [4 uA/cm^2, 6 uA/cm^2, 8 uA/cm^2, 10 uA/cm^2, 12 uA/cm^2, 14 uA/cm^2]}
              seeds: 10
            record: {traces: {variables: [V], every: 1 ms, neurons: 2}, spikes: true}
            """;
    private static final String ELSEWHERE = "pid 4242 on node7.example since 2026-11-25T21:14:25Z";

    @TempDir
    static Path tmp;
    static Path config;
    static Path reference;
    static DuckDbReader duckdb;
    static FileSystem fs;

    @BeforeAll
    static void localSweep() throws Exception {
        fs = HdfsTestCluster.fileSystem();
        config = Files.writeString(tmp.resolve("hdfs.yaml"), CONFIG);
        reference = tmp.resolve("reference");
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", reference.toString());
        assertEquals(0, o.status(), o.describe());
        duckdb = DuckDbReader.open();
    }

    @AfterAll
    static void close() throws Exception {
        duckdb.close();
    }

    private static void assertRefused(Commands.Outcome o, String line) {
        assertEquals(2, o.status(), o.describe());
        assertEquals(List.of(line), o.errLines(), o.describe());
    }

    /** Every file below an HDFS directory whose name starts with '.', by path. */
    private static List<String> hiddenFiles(org.apache.hadoop.fs.Path dir) throws IOException {
        List<String> hidden = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext()) {
            org.apache.hadoop.fs.Path p = files.next().getPath();
            if (p.getName().startsWith(".")) {
                hidden.add(p.toString());
            }
        }
        return hidden;
    }

    /** The HDFS output complete, unlocked, and equal, table by table and row by row, to the local one. */
    private static void assertLikeTheLocalSweep(String out, String name) throws Exception {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(out);
        assertEquals(List.of(), hiddenFiles(dir), "no lock, no temporary file left");
        Path copy = tmp.resolve(name);
        fs.copyToLocalFile(false, dir, new org.apache.hadoop.fs.Path(copy.toUri()), true);
        JsonNode manifest = JSON.readTree(copy.resolve("manifest.json").toFile());
        JsonNode local = JSON.readTree(reference.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(local.get("counts"), manifest.get("counts"));
        assertEquals(local.at("/partitioning/chunks"), manifest.at("/partitioning/chunks"));
        for (String table : TABLES) {
            TableDifference d = duckdb.difference(reference.resolve(table), copy.resolve(table), "*");
            assertTrue(d.rowsA() > 0, table);
            assertTrue(d.isEmpty(), table + ": " + d);
        }
        assertEquals(60L, duckdb.count(copy.resolve("runs")));
        assertEquals(6000L, duckdb.count(copy.resolve("summaries")));
    }

    @Test
    void aSweepOnHdfsWritesTheTablesOfTheSameSweepOnALocalPath() throws Exception {
        String out = HdfsTestCluster.directory("sweep");
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out);
        assertEquals(0, o.status(), o.describe());
        assertTrue(o.out().contains("output: " + out), o.out());
        assertLikeTheLocalSweep(out, "sweep");
    }

    @Test
    void aSecondSweepOnAnHdfsOutputInUseIsRefusedAndTheFirstCompletes() throws Exception {
        String out = HdfsTestCluster.directory("concurrent");
        org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(out, ".lock");
        Path stdout = tmp.resolve("first.out");
        Path stderr = tmp.resolve("first.err");
        Process first = ForkedCli.start(tmp, stdout, stderr, "sweep", config.toString(), "--out", out);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(fs.exists(lock) && HdfsTestCluster.read(lock).startsWith("pid " + first.pid() + " on "))) {
                assertTrue(first.isAlive(), "the first sweep ended before its lock was seen:\n"
                        + Files.readString(stderr));
                assertTrue(System.nanoTime() < deadline, "no lock within 180 s");
                Thread.sleep(50);
            }
            String holder = HdfsTestCluster.read(lock).lines().findFirst().orElseThrow();
            for (List<String> extra : List.of(List.<String>of(), List.of("--overwrite"), List.of("--resume"))) {
                List<String> args = new ArrayList<>(List.of("sweep", config.toString(), "--out", out));
                args.addAll(extra);
                assertRefused(Commands.run(args.toArray(String[]::new)), "error: output directory " + out
                        + " is in use by another sweep (" + holder + "); wait for it to end, or choose another --out");
            }
            assertTrue(first.isAlive(), "the refusals came while the first sweep ran");

            assertTrue(first.waitFor(300, TimeUnit.SECONDS), "the first sweep did not end within 300 s");
            String err = Files.readString(stderr);
            assertEquals(0, first.exitValue(), err);
            assertFalse(err.contains("warning: the lock") || err.contains("took over"),
                    "the first sweep's lock was never lost or taken:\n" + err);
            assertLikeTheLocalSweep(out, "concurrent");
        } finally {
            first.destroyForcibly();
        }
    }

    @Test
    void unlockRemovesOnlyAStaleOrForcedLockOfAnHhsweepOutput() throws Exception {
        String out = HdfsTestCluster.directory("unlock");
        org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(out, ".lock");
        fs.mkdirs(new org.apache.hadoop.fs.Path(out));
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(reference.resolve("manifest.json").toUri()),
                new org.apache.hadoop.fs.Path(out, "manifest.json"));

        Commands.Outcome none = Commands.run("unlock", out);
        assertEquals(0, none.status(), none.describe());
        assertEquals(out + " is not locked\n", none.out());

        // Live: refreshed just now by a sweep on another machine.
        HdfsTestCluster.write(lock, ELSEWHERE + "\nid 1\n", Duration.ZERO);
        Commands.Outcome live = Commands.run("unlock", out);
        assertEquals(2, live.status(), live.describe());
        assertEquals(1, live.errLines().size(), live.describe());
        assertTrue(live.err().matches("error: the lock of \\Q" + out + "\\E is live \\(\\Q" + ELSEWHERE
                + "\\E, refreshed \\d s ago; stale after 60 s without a refresh\\); wait for the sweep to end, or add"
                + " --force if you know its driver is gone\n"), live.err());
        assertEquals(ELSEWHERE + "\nid 1\n", HdfsTestCluster.read(lock));
        Commands.Outcome forced = Commands.run("unlock", out, "--force");
        assertEquals(0, forced.status(), forced.describe());
        assertEquals("removed the lock of " + out + " (" + ELSEWHERE + "; live, removed with --force)\n", forced.out());
        assertFalse(fs.exists(lock));

        HdfsTestCluster.write(lock, ELSEWHERE + "\nid 2\n", Duration.ofMinutes(5));
        Commands.Outcome stale = Commands.run("unlock", out);
        assertEquals(0, stale.status(), stale.describe());
        assertTrue(stale.out().matches("removed the lock of \\Q" + out + "\\E \\(\\Q" + ELSEWHERE
                + "\\E; not refreshed for 30\\d s\\)\n"), stale.out());
        assertEquals(List.of(), hiddenFiles(new org.apache.hadoop.fs.Path(out)));

        // A .lock hhsweep did not write, even in an hhsweep output and forced: left as it is.
        HdfsTestCluster.write(lock, "the user's notes\n", Duration.ofDays(3));
        assertRefused(Commands.run("unlock", out, "--force"), "error: " + out + "/.lock is not a lock hhsweep wrote;"
                + " hhsweep keeps its lock there: move that file away, or choose another --out");
        assertEquals("the user's notes\n", HdfsTestCluster.read(lock));
    }

    @Test
    void unlockRefusesWhatIsNotAnHhsweepOutputAndLocalLocks() throws Exception {
        String foreign = HdfsTestCluster.directory("foreign");
        org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(foreign, ".lock");
        HdfsTestCluster.write(new org.apache.hadoop.fs.Path(foreign, "notes.txt"), "mine", Duration.ZERO);
        HdfsTestCluster.write(lock, ELSEWHERE + "\n", Duration.ofMinutes(5));
        assertRefused(Commands.run("unlock", foreign, "--force"), "error: output directory " + foreign + " is not an"
                + " hhsweep output (it has no manifest.json written by hhsweep); unlock removes only the lock of one");
        assertEquals(ELSEWHERE + "\n", HdfsTestCluster.read(lock));

        // A sweep killed before it wrote its manifest leaves a directory holding its lock alone.
        String bare = HdfsTestCluster.directory("bare");
        HdfsTestCluster.write(new org.apache.hadoop.fs.Path(bare, ".lock"), ELSEWHERE + "\n", Duration.ofMinutes(5));
        Commands.Outcome o = Commands.run("unlock", bare);
        assertEquals(0, o.status(), o.describe());
        assertTrue(o.out().startsWith("removed the lock of " + bare + " (" + ELSEWHERE + "; not refreshed for "),
                o.out());

        String missing = HdfsTestCluster.directory("missing");
        assertRefused(Commands.run("unlock", missing), "error: output directory " + missing + " does not exist");

        Path local = Files.createDirectories(tmp.resolve("local"));
        try (OutputLock held = OutputLock.acquire(OutputDirectory.resolve(local.toString()))) {
            assertRefused(Commands.run("unlock", local.toString(), "--force"), "error: output directory " + local
                    + " is locked by a running process (this process); a lock on a local path ends with its holder,"
                    + " and is never removed by hand");
        }
        Commands.Outcome free = Commands.run("unlock", local.toString());
        assertEquals(0, free.status(), free.describe());
        assertEquals(local + " is not locked (a lock on a local path ends with the process holding it)\n", free.out());
        assertTrue(Files.exists(local.resolve(".lock")), "a local lock file stays");
    }
}
