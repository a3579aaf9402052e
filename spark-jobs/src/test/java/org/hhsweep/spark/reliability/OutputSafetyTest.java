package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hhsweep.spark.cli.FreeSpace;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sweep does with its output directory: never mixes old and new results, lets one sweep at a
 * time use it (also across processes, and again at once after the holder is killed), refuses
 * before any work when it cannot be written or the output would not fit, and says so in one line
 * with exit status 2, changing nothing.
 */
class OutputSafetyTest {
    private static final String SMALL = """
            name: small
            simulation: {duration: 10 ms, dt: 0.02 ms}
            neurons: 2
            stimulus: {type: constant, amplitude: 10 uA/cm^2}
            sweep: {seeds: 2}
            record: {traces: {every: 0.2 ms}}
            """;
    /** 10 million runs of 1,000 neurons traced every step for a second: petabytes. */
    private static final String HUGE = """
            name: huge
            simulation: {duration: 1000 ms, dt: 0.01 ms}
            neurons: 1000
            sweep: {seeds: 10000000}
            record: {traces: {every: 0.01 ms, neurons: all}}
            """;

    @TempDir
    Path tmp;

    private Path config(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name + ".yaml"), text);
    }

    private static void assertRefused(Commands.Outcome o, String... fragments) {
        assertEquals(2, o.status(), o.describe());
        assertEquals(1, o.errLines().size(), o.describe());
        assertTrue(o.err().startsWith("error: "), o.describe());
        for (String f : fragments) {
            assertTrue(o.err().contains(f), "'" + f + "' not in " + o.err());
        }
    }

    @Test
    void anExistingOutputIsNeverMixedWithNewResults() throws Exception {
        Path config = config("small", SMALL);
        Path out = tmp.resolve("out");
        Commands.Outcome first = Commands.run("sweep", config.toString(), "--out", out.toString());
        assertEquals(0, first.status(), first.describe());
        assertTrue(first.err().lines().anyMatch(l -> l.startsWith("estimated output ") && l.contains(" free")),
                first.err());
        assertEquals("complete", new ObjectMapper().readTree(out.resolve("manifest.json").toFile())
                .get("status").asText());

        Map<String, String> before = FileTree.snapshot(tmp);
        assertRefused(Commands.run("sweep", config.toString(), "--out", out.toString()),
                "output directory " + out + " exists and is not empty", "--overwrite", "--resume");
        assertEquals(before, FileTree.snapshot(tmp));

        Files.writeString(out.resolve("notes.txt"), "the user's, not the sweep's");
        Files.writeString(out.resolve("runs").resolve(".part-000007.parquet.1234.tmp"), "an attempt's leftover");
        Commands.Outcome replaced = Commands.run("sweep", config.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(0, replaced.status(), replaced.describe());
        assertEquals("the user's, not the sweep's", Files.readString(out.resolve("notes.txt")));
        assertFalse(Files.exists(out.resolve("runs").resolve(".part-000007.parquet.1234.tmp")));
        assertTrue(Files.exists(out.resolve(OutputLock.FILE)), "the lock file is kept");
        try (var files = Files.list(out.resolve("runs"))) {
            assertEquals(List.of("part-000000.parquet"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSecondSweepOnTheSameOutputIsRefused() throws Exception {
        Path config = config("small", SMALL);
        Path out = tmp.resolve("busy");
        Map<String, String> before;
        try (OutputLock held = OutputLock.acquire(OutputDirectory.resolve(out.toString()))) {
            before = FileTree.snapshot(tmp);
            for (String[] extra : List.of(new String[0], new String[] {"--overwrite"}, new String[] {"--resume"})) {
                String[] args = new String[3 + extra.length];
                args[0] = "sweep";
                args[1] = config.toString();
                args[2] = "--out=" + out;
                System.arraycopy(extra, 0, args, 3, extra.length);
                assertRefused(Commands.run(args), "output directory " + out + " is in use by another sweep"
                        + " (this process)");
            }
            assertEquals(before, FileTree.snapshot(tmp));
        }
        Commands.Outcome free = Commands.run("sweep", config.toString(), "--out", out.toString());
        assertEquals(0, free.status(), free.describe());
    }

    @Test
    void theLockOfAnotherProcessIsRespectedAndReleasedWhenItIsKilled() throws Exception {
        Path config = config("small", SMALL);
        Path out = tmp.resolve("shared");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), out.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine());
            String content = Files.readString(out.resolve(OutputLock.FILE));
            assertTrue(content.startsWith("pid " + holder.pid() + " on "), content);

            Commands.Outcome refused = Commands.run("sweep", config.toString(), "--out", out.toString());
            assertRefused(refused, "is in use by another sweep (pid " + holder.pid() + " on ", " since ");

            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertTrue(OutputLock.holder(OutputDirectory.resolve(out.toString())).isEmpty(),
                    "the OS released the killed process's lock");
            Commands.Outcome after = Commands.run("sweep", config.toString(), "--out", out.toString());
            assertEquals(0, after.status(), after.describe());
            assertTrue(Files.readString(out.resolve(OutputLock.FILE)).startsWith("pid " + ProcessHandle.current().pid()));
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeAnyWork() throws Exception {
        Path config = config("small", SMALL);
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Map<String, String> before = FileTree.contents(tmp);

        assertRefused(Commands.run("sweep", config.toString(), "--out", file.toString()),
                "output " + file + " exists and is not a directory");
        Path below = file.resolve("sweeps").resolve("out");
        assertRefused(Commands.run("sweep", config.toString(), "--out", below.toString()),
                "cannot create output directory " + below + ": " + file + " is a file, not a directory");

        // Root may write anywhere permissions allow nothing; sysfs refuses new files even to root.
        boolean root = "root".equals(System.getProperty("user.name"));
        Path locked = root ? Path.of("/sys") : Files.createDirectories(tmp.resolve("read-only"));
        if (!root) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
            before = FileTree.contents(tmp);
        }
        Path inside = locked.resolve("hhsweep-" + UUID.randomUUID()).resolve("out");
        assertRefused(Commands.run("sweep", config.toString(), "--out", inside.toString()),
                "cannot write to " + locked + " (permission denied), where output directory " + inside
                        + " would be created");
        assertFalse(Files.exists(inside.getParent()));
        assertEquals(before, FileTree.contents(tmp));
    }

    @Test
    void anOutputTooLargeForTheLimitOrTheDiskIsRefusedWithItsEstimate() throws Exception {
        Path small = config("small", SMALL);
        Path huge = config("huge", HUGE);
        Path out = tmp.resolve("out");
        // The write probe before the size check leaves the parent's modification time changed.
        Map<String, String> before = FileTree.contents(tmp);

        // The small sweep's traces alone hold 2 runs x 50 float samples: over 100 bytes.
        assertRefused(Commands.run("sweep", small.toString(), "--out", out.toString(), "--max-output", "100B"),
                "estimated output ", " before compression (runs ", "traces ", "is over --max-output 100 B");
        assertRefused(Commands.run("sweep", small.toString(), "--out", out.toString(), "--max-output", "0.0001 MB"),
                "is over --max-output 100 B");
        assertRefused(Commands.run("sweep", huge.toString(), "--out", out.toString()),
                "estimated output 4.0 PB before compression", "is over --max-output 50.0 GB");
        assertRefused(Commands.run("sweep", huge.toString(), "--out", out.toString(), "--max-output", "none"),
                "estimated output 4.0 PB before compression", "free where " + out + " is",
                "--ignore-free-space");
        Commands.Outcome bad = Commands.run("sweep", small.toString(), "--out", out.toString(), "--max-output", "lots");
        assertEquals(2, bad.status(), bad.describe());
        assertTrue(bad.err().startsWith("error: --max-output lots: expected a size such as 50GB"), bad.err());
        assertEquals(before, FileTree.contents(tmp));

        Commands.Outcome validate = Commands.run("validate", huge.toString());
        assertEquals(0, validate.status(), validate.describe());
        assertTrue(validate.out().lines().anyMatch(l -> l.matches("\\s+total\\s+4\\.0 PB  \\(over sweep's default"
                + " --max-output of 50\\.0 GB: sweep it with --max-output SIZE or none\\)")), validate.out());
    }

    /**
     * --ignore-free-space: a sweep whose estimate exceeds the free space is refused without it and
     * runs with it. No test may fill a disk, and no real sweep small enough for a test estimates more
     * than a disk holds, so the free space is set below the sweep's estimate through the call the
     * command asks the disk with (FreeSpace).
     */
    @Test
    void aSweepEstimatedOverTheFreeSpaceRunsOnlyWithIgnoreFreeSpace() throws Exception {
        Path config = config("small", SMALL);
        Path out = tmp.resolve("almost-full").resolve("out");
        // the sweep's estimate is 976 B
        FreeSpace almostFull = output -> OptionalLong.of(500);

        Commands.Outcome refused = Commands.run(almostFull, "sweep", config.toString(), "--out", out.toString());
        assertRefused(refused, "estimated output ", " before compression (runs ", "is more than the 500 B free where "
                + out + " is", "add --ignore-free-space");
        assertFalse(Files.exists(out), "a refused sweep created its output");

        Commands.Outcome ran = Commands.run(almostFull, "sweep", config.toString(), "--out", out.toString(),
                "--ignore-free-space");
        assertEquals(0, ran.status(), ran.describe());
        assertTrue(ran.err().lines().anyMatch(l -> l.startsWith("estimated output ") && l.endsWith(", 500 B free")),
                ran.describe());
        assertEquals("complete", new ObjectMapper().readTree(out.resolve("manifest.json").toFile())
                .get("status").asText());
        assertTrue(ran.out().contains("sweep small: 2 runs x 2 neurons"), ran.out());
    }
}
