package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.HdfsTestCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output lock on a real HDFS (a mini cluster in this JVM): exclusive, kept fresh by its
 * heartbeat, released at the end and at a normal shutdown, taken over at once when its holder was
 * killed on this machine and after the stale period when it stopped refreshing, by exactly one of
 * racing takers; a lock hhsweep did not write is never touched. Other processes hold locks as a
 * sweep's driver would ({@link HdfsLockHolder}).
 */
class HdfsLockTest {
    /** Short enough for a test, long enough for a loaded machine's beats to keep up. */
    private static final HeartbeatLock.Timing SHORT = new HeartbeatLock.Timing(Duration.ofMillis(200),
            Duration.ofMillis(1500));
    private static final String ELSEWHERE = "pid 4242 on node7.example since 2026-11-25T21:14:25Z";

    @TempDir
    static java.nio.file.Path tmp;
    static FileSystem fs;
    static Configuration conf = new Configuration();

    @BeforeAll
    static void cluster() {
        fs = HdfsTestCluster.fileSystem();
    }

    private static Path out(String name) {
        return new Path(HdfsTestCluster.directory(name));
    }

    private static Path lockFile(Path out) {
        return new Path(out, OutputLayout.LOCK);
    }

    private static String read(Path file) throws IOException {
        return HdfsTestCluster.read(file);
    }

    /** A lock file as a sweep elsewhere would have left it, last refreshed {@code age} ago. */
    private static void plant(Path out, String content, Duration age) throws IOException {
        HdfsTestCluster.write(lockFile(out), content, age);
    }

    private static List<String> hiddenEntries(Path out) throws IOException {
        return Arrays.stream(fs.listStatus(out)).map(s -> s.getPath().getName()).filter(n -> n.startsWith("."))
                .sorted().toList();
    }

    private static String waitForLine(java.nio.file.Path log, String line, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.lines().anyMatch(l -> l.contains(line))) {
                return text;
            }
            assertTrue(p.isAlive(), "the holder ended early:\n" + text);
            Thread.sleep(50);
        }
        throw new AssertionError("no line '" + line + "' within 60 s:\n" + Files.readString(log));
    }

    @Test
    void aSecondAcquireIsRefusedNamingTheHolderAndTheLockGoesWithClose() throws Exception {
        Path out = out("exclusive");
        String refusedHere;
        String content;
        try (OutputLock held = OutputLock.acquire(out)) {
            content = read(lockFile(out));
            List<String> lines = content.lines().toList();
            assertEquals(2, lines.size(), content);
            Optional<LockOwner> owner = LockOwner.parse(lines.get(0));
            assertTrue(owner.isPresent(), content);
            assertEquals(ProcessHandle.current().pid(), owner.get().pid());
            assertEquals(LockOwner.localHost(), owner.get().host());
            assertTrue(lines.get(1).matches("id [0-9a-f-]{36}"), content);

            refusedHere = assertThrows(OutputRefused.class, () -> OutputLock.acquire(out)).getMessage();
            assertEquals("output directory " + out + " is in use by another sweep (this process); wait for it to"
                    + " end, or choose another --out", refusedHere);
            assertEquals(Optional.of("this process"), OutputLock.holder(out, conf));
            // As another process sees it: the lock file, not this JVM's memory, refuses.
            OutputRefused other = assertThrows(OutputRefused.class,
                    () -> HeartbeatLock.acquire(out, conf, HeartbeatLock.Timing.DEFAULT, line -> { }));
            assertEquals("output directory " + out + " is in use by another sweep (" + lines.get(0) + "); wait for it"
                    + " to end, or choose another --out", other.getMessage());
            assertEquals(content, read(lockFile(out)), "a refused sweep changes nothing");
            assertEquals(Optional.of(lines.get(0)), HeartbeatLock.holder(out, conf, HeartbeatLock.Timing.DEFAULT));
        }
        assertFalse(fs.exists(lockFile(out)), "released: deleted");
        assertEquals(Optional.empty(), OutputLock.holder(out, conf));
        OutputLock.checkFree(out, conf);
        try (OutputLock again = OutputLock.acquire(out)) {
            assertTrue(fs.exists(lockFile(out)));
        }
    }

    @Test
    void theHeartbeatKeepsALiveLockFreshPastTheStalePeriod() throws Exception {
        Path out = out("heartbeat");
        try (HeartbeatLock held = HeartbeatLock.acquire(out, conf, SHORT, line -> { })) {
            long created = fs.getFileStatus(lockFile(out)).getModificationTime();
            Thread.sleep(3 * SHORT.staleAfter().toMillis() / 2);
            assertTrue(fs.getFileStatus(lockFile(out)).getModificationTime() > created, "refreshed");
            assertThrows(OutputRefused.class, () -> HeartbeatLock.acquire(out, conf, SHORT, line -> { }));
            assertEquals(Optional.of(held.content().lines().findFirst().orElseThrow()),
                    HeartbeatLock.holder(out, conf, SHORT));
            assertEquals(held.content(), read(lockFile(out)));
        }
    }

    /** Another process holding the lock of {@code out}, as a sweep's driver would; what it says goes to a log. */
    private record Holder(Process process, java.nio.file.Path log, String line) implements AutoCloseable {
        static Holder of(Path out, long... timingMillis) throws Exception {
            java.nio.file.Path log = tmp.resolve(out.getName() + ".log");
            Process p = HdfsLockHolder.start(out.toString(), log, timingMillis);
            try {
                waitForLine(log, "locked", p);
                String line = read(lockFile(out)).lines().findFirst().orElseThrow();
                assertTrue(line.startsWith("pid " + p.pid() + " on "), line);
                return new Holder(p, log, line);
            } catch (Exception | Error e) {
                p.destroyForcibly();
                throw e;
            }
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws Exception {
            signal("CONT", process);
            process.destroyForcibly();
        }
    }

    @Test
    void aHolderEndedNormallyDeletesItsLockInItsShutdownHook() throws Exception {
        Path out = out("sigterm");
        try (Holder holder = Holder.of(out)) {
            holder.process().destroy();
            assertTrue(holder.process().waitFor(60, TimeUnit.SECONDS));
            assertFalse(fs.exists(lockFile(out)), "SIGTERM ran the hook, which deleted the lock:\n"
                    + Files.readString(holder.log()));
            assertEquals(List.of(), hiddenEntries(out));
        }
    }

    @Test
    void aLockWhoseHolderWasKilledOnThisMachineIsTakenOverAtOnce() throws Exception {
        Path out = out("sigkill");
        try (Holder holder = Holder.of(out)) {
            holder.process().destroyForcibly();
            assertTrue(holder.process().waitFor(60, TimeUnit.SECONDS));
            assertTrue(fs.exists(lockFile(out)), "SIGKILL leaves the lock file");

            // The default timing: only the ended process, not the lock's age (seconds), makes it stale.
            assertEquals(Optional.empty(), OutputLock.holder(out, conf));
            List<String> said = new CopyOnWriteArrayList<>();
            try (OutputLock taken = OutputLock.acquire(out, conf, said::add)) {
                assertEquals(List.of("note: took over the stale lock of " + out + " (" + holder.line() + "; process "
                        + holder.pid() + " has ended)"), said);
                assertTrue(read(lockFile(out)).startsWith("pid " + ProcessHandle.current().pid() + " on "));
                assertEquals(List.of(OutputLayout.LOCK), hiddenEntries(out), "the old lock is gone, not set aside");
            }
        }
    }

    @Test
    void aLockNotRefreshedIsTakenOverAfterTheStalePeriodAndItsHolderLeavesTheNewOneAlone() throws Exception {
        Path out = out("stopped");
        try (Holder holder = Holder.of(out, SHORT.heartbeat().toMillis(), SHORT.staleAfter().toMillis())) {
            Thread.sleep(SHORT.staleAfter().toMillis() + 500);
            assertThrows(OutputRefused.class, () -> HeartbeatLock.acquire(out, conf, SHORT, line -> { }),
                    "alive and beating");

            // Stopped, not dead: its pid lives on, so only the lock's age can make it stale.
            signal("STOP", holder.process());
            long stopped = System.nanoTime();
            List<String> said = new CopyOnWriteArrayList<>();
            HeartbeatLock taken = null;
            while (taken == null) {
                try {
                    taken = HeartbeatLock.acquire(out, conf, SHORT, said::add);
                } catch (OutputRefused stillFresh) {
                    assertTrue(System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(30), stillFresh.getMessage());
                    Thread.sleep(100);
                }
            }
            try {
                assertTrue(System.nanoTime() - stopped >= SHORT.staleAfter().toNanos() - SHORT.heartbeat().toNanos(),
                        "not taken before the stale period");
                assertEquals(1, said.size(), said.toString());
                assertTrue(said.get(0).matches("note: took over the stale lock of " + Pattern.quote(out.toString())
                        + " \\(" + Pattern.quote(holder.line()) + "; not refreshed for \\d+ s\\)"), said.get(0));
                assertEquals(taken.content(), read(lockFile(out)));

                // Woken, the old holder finds the lock not its own: it warns, and at its end leaves it alone.
                signal("CONT", holder.process());
                String text = waitForLine(holder.log(), "warning: the lock of " + out + " is no longer this sweep's",
                        holder.process());
                assertTrue(text.contains("(now pid " + ProcessHandle.current().pid() + " on "), text);
                holder.process().destroy();
                assertTrue(holder.process().waitFor(60, TimeUnit.SECONDS));
                assertEquals(taken.content(), read(lockFile(out)), "the new holder's lock is untouched");
            } finally {
                taken.close();
            }
            assertFalse(fs.exists(lockFile(out)));
        }
    }

    private static void signal(String name, Process p) throws Exception {
        if (p.isAlive()) {
            assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
        }
    }

    @Test
    void ofTwoRacingTakersOfAStaleLockExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Path out = out("race");
                plant(out, ELSEWHERE + "\n", Duration.ofMinutes(5));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HeartbeatLock>> takers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    takers.add(pool.submit(() -> {
                        start.await();
                        try {
                            return HeartbeatLock.acquire(out, conf, HeartbeatLock.Timing.DEFAULT, line -> { });
                        } catch (OutputRefused refused) {
                            assertTrue(refused.getMessage().startsWith("output directory " + out + " is in use by"
                                    + " another sweep (pid " + ProcessHandle.current().pid() + " on "),
                                    refused.getMessage());
                            return null;
                        }
                    }));
                }
                List<HeartbeatLock> won = new ArrayList<>();
                for (Future<HeartbeatLock> f : takers) {
                    HeartbeatLock l = f.get(60, TimeUnit.SECONDS);
                    if (l != null) {
                        won.add(l);
                    }
                }
                assertEquals(1, won.size(), "round " + round);
                assertEquals(won.get(0).content(), read(lockFile(out)), "round " + round);
                assertEquals(List.of(OutputLayout.LOCK), hiddenEntries(out), "round " + round);
                won.get(0).close();
                assertFalse(fs.exists(lockFile(out)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTakerThatMovedALockOtherThanTheOneItJudgedPutsItBack() throws Exception {
        Path out = out("replaced");
        plant(out, ELSEWHERE + "\n", Duration.ofMinutes(5));
        LockFileState judged = LockFileState.read(fs, lockFile(out));
        assertNotNull(judged);
        assertTrue(judged.staleness(HeartbeatLock.Timing.DEFAULT.staleAfter()).isPresent());
        // Meanwhile another sweep took the stale lock over and holds a fresh one.
        try (HeartbeatLock fresh = HeartbeatLock.acquire(out, conf, HeartbeatLock.Timing.DEFAULT, line -> { })) {
            FileStatus before = fs.getFileStatus(lockFile(out));
            assertFalse(HeartbeatLock.setAside(fs, lockFile(out), judged));
            assertEquals(fresh.content(), read(lockFile(out)), "put back");
            assertEquals(before.getModificationTime(), fs.getFileStatus(lockFile(out)).getModificationTime());
            assertEquals(List.of(OutputLayout.LOCK), hiddenEntries(out), "nothing left aside");
        }
    }

    @Test
    void aStaleLockIsNoOnesAndAFreshOneOnAnotherMachineHoldsWhateverItsPid() throws Exception {
        Path stale = out("stale");
        plant(stale, ELSEWHERE + "\n", Duration.ofMinutes(5));
        assertEquals(Optional.empty(), OutputLock.holder(stale, conf));
        OutputLock.checkFree(stale, conf);

        Path fresh = out("fresh");
        plant(fresh, ELSEWHERE + "\nid 1\n", Duration.ZERO);
        assertEquals(Optional.of(ELSEWHERE), OutputLock.holder(fresh, conf));
        OutputRefused refused = assertThrows(OutputRefused.class, () -> OutputLock.checkFree(fresh, conf));
        assertEquals("output directory " + fresh + " is in use by another sweep (" + ELSEWHERE + "); wait for it to"
                + " end, or choose another --out", refused.getMessage());

        // This host's name, but a pid that is not running: stale at once, whatever its age.
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path here = out("here");
        plant(here, new LockOwner(ended.pid(), LockOwner.localHost(), Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .line() + "\n", Duration.ZERO);
        assertEquals(Optional.empty(), OutputLock.holder(here, conf));
        // This JVM's own pid with a start time before it began: a pid reused since, also stale.
        Instant before = ProcessHandle.current().info().startInstant().orElseThrow().minusSeconds(60);
        plant(here, new LockOwner(ProcessHandle.current().pid(), LockOwner.localHost(), before).line() + "\n",
                Duration.ZERO);
        assertEquals(Optional.empty(), OutputLock.holder(here, conf));
    }

    @Test
    void aLockFileHhsweepDidNotWriteIsNeverTakenOverOrRemoved() throws Exception {
        Path out = out("foreign");
        plant(out, "my notes, not a lock\n", Duration.ofDays(2));
        FileStatus before = fs.getFileStatus(lockFile(out));
        OutputRefused refused = assertThrows(OutputRefused.class, () -> OutputLock.acquire(out));
        assertEquals(out + "/.lock is not a lock hhsweep wrote; hhsweep keeps its lock there: move that file away, or"
                + " choose another --out", refused.getMessage());
        assertThrows(OutputRefused.class, () -> OutputLock.breakLock(out, conf, true));
        assertEquals("my notes, not a lock\n", read(lockFile(out)));
        assertEquals(before.getModificationTime(), fs.getFileStatus(lockFile(out)).getModificationTime());
        assertEquals(List.of(OutputLayout.LOCK), hiddenEntries(out));
    }
}
