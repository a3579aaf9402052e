package org.hhsweep.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * The lock of an output on a file system without OS locks (hdfs://, and the others Hadoop
 * reaches): {@code OUT/.lock} created exclusively (a create that fails when the file exists, which
 * HDFS's NameNode decides atomically), holding the owner's line ({@link LockOwner}) and an id of
 * this lock's own. No OS drops such a lock when its holder dies, so:
 *
 * <ul>
 *   <li>the holder refreshes the file's modification time every {@link Timing#heartbeat} from a
 *       daemon thread, and deletes the file when released, also at a normal shutdown (SIGTERM,
 *       Ctrl-C: a shutdown hook);</li>
 *   <li>a lock is stale when not refreshed for {@link Timing#staleAfter} (its holder was killed
 *       on another machine, or hangs), and at once when its holder is a process of this machine
 *       that has ended ({@link LockOwner#endedHere}), as after SIGKILL;</li>
 *   <li>a stale lock is taken over by renaming it to a name of the taker's own, which on HDFS only
 *       one of several takers can do; the taker then checks it moved the very lock it judged stale
 *       (same content, same modification time) before creating its own, and otherwise puts back
 *       what it moved.</li>
 * </ul>
 *
 * <p>Staleness by age compares the holder's clock (which sets the modification time) with the
 * reader's: the machines' clocks must agree to well within {@link Timing#staleAfter}.
 *
 * <p>All of this is atomic on HDFS. On object stores (s3a://, ...) a create that fails when the
 * file exists is a check, then a write, and a rename is a copy, then a delete: two sweeps started
 * at the same moment, or two takers of one stale lock, may both go ahead (the one whose lock was
 * overwritten is warned by its heartbeat).
 */
final class HeartbeatLock implements AutoCloseable {
    /** Starts the lock file's second line, after the owner's. */
    static final String ID_PREFIX = "id ";
    /**
     * After Spark's own shutdown hooks (priority 40: the context stops first), before Hadoop closes
     * its file systems (10).
     */
    static final int SHUTDOWN_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 20;
    /** Beats in a row that find the lock not ours before the sweep is warned (one may fall in a taker's check). */
    private static final int MISSES_BEFORE_WARNING = 2;
    /** Tries to create the lock, each after setting a stale one aside. */
    private static final int ATTEMPTS = 3;

    /**
     * How often the holder refreshes its lock, and how long unrefreshed makes it stale: 10 s and
     * 60 s, six missed beats, so a driver stalled by a long GC pause or a NameNode fail-over of
     * up to about a minute keeps its lock, and a sweep on another machine can follow a killed one
     * within a minute.
     */
    record Timing(Duration heartbeat, Duration staleAfter) {
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    private final Path out;
    private final FileSystem fs;
    private final Path file;
    private final String content;
    private final Consumer<String> say;
    private final ScheduledExecutorService heartbeat;
    private final Runnable shutdownHook = this::releaseQuietly;
    private final AtomicBoolean released = new AtomicBoolean();
    private int misses;

    private HeartbeatLock(Path out, FileSystem fs, Path file, String content, Timing timing, Consumer<String> say) {
        this.out = out;
        this.fs = fs;
        this.file = file;
        this.content = content;
        this.say = say;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hhsweep-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long millis = timing.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
        ShutdownHookManager.get().addShutdownHook(shutdownHook, SHUTDOWN_PRIORITY);
    }

    /**
     * Takes the lock of an output directory, creating the directory if needed; a stale lock is
     * taken over, and {@code say} gets one line saying whose it was.
     *
     * @throws OutputRefused if another sweep holds it
     */
    static HeartbeatLock acquire(Path out, Configuration conf, Timing timing, Consumer<String> say)
            throws IOException {
        // A client of its own: nobody else closes it under the heartbeat or the shutdown hook.
        FileSystem fs = FileSystem.newInstance(out.toUri(), conf);
        try {
            fs.mkdirs(out);
            Path file = new Path(out, OutputLayout.LOCK);
            String content = LockOwner.current().line() + "\n" + ID_PREFIX + UUID.randomUUID() + "\n";
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (createExclusively(fs, file, content)) {
                    return new HeartbeatLock(out, fs, file, content, timing, say);
                }
                LockFileState seen = settled(fs, file, timing);
                if (seen == null) {
                    continue;
                }
                refuseForeign(out, seen);
                Optional<String> stale = seen.staleness(timing.staleAfter());
                if (stale.isEmpty()) {
                    throw OutputLock.inUse(out, seen.holder());
                }
                if (setAside(fs, file, seen)) {
                    say.accept("note: took over the stale lock of " + OutputDirectory.display(out) + " ("
                            + seen.holder() + "; " + stale.get() + ")");
                }
            }
            throw new OutputRefused("output directory " + OutputDirectory.display(out) + ": its lock changed hands "
                    + ATTEMPTS + " times while this sweep tried to take it; another sweep is starting there");
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /**
     * Who holds the lock of an output now: empty when there is no lock or it is stale (the next
     * sweep takes it over). Creates and changes nothing.
     */
    static Optional<String> holder(Path out, Configuration conf, Timing timing) throws IOException {
        LockFileState seen = LockFileState.read(out.getFileSystem(conf), new Path(out, OutputLayout.LOCK));
        if (seen == null || seen.staleness(timing.staleAfter()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(seen.holder());
    }

    /** What {@link #breakLock} did. */
    record Broken(String holder, String why) {
    }

    /**
     * Removes an output's lock by hand: a stale one, or with {@code force} a live one (its holder
     * is known to be gone, and waiting for the lock to go stale is not wanted).
     *
     * @return the lock removed, or empty when there was none
     * @throws OutputRefused when the lock is live and not forced, or is not a file hhsweep wrote
     */
    static Optional<Broken> breakLock(Path out, Configuration conf, Timing timing, boolean force) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(out.toUri(), conf)) {
            Path file = new Path(out, OutputLayout.LOCK);
            LockFileState seen = LockFileState.read(fs, file);
            if (seen == null) {
                return Optional.empty();
            }
            refuseForeign(out, seen);
            Optional<String> stale = seen.staleness(timing.staleAfter());
            if (stale.isEmpty() && !force) {
                throw new OutputRefused("the lock of " + OutputDirectory.display(out) + " is live (" + seen.holder()
                        + ", refreshed " + seen.age().toSeconds() + " s ago; stale after "
                        + timing.staleAfter().toSeconds() + " s without a refresh); wait for the sweep to end, or add"
                        + " --force if you know its driver is gone");
            }
            if (!setAside(fs, file, seen)) {
                throw new OutputRefused("the lock of " + OutputDirectory.display(out) + " changed while it was being"
                        + " removed (refreshed by its holder, or taken by another sweep); left as it is");
            }
            return Optional.of(new Broken(seen.holder(), stale.orElse("live, removed with --force")));
        }
    }

    /** A .lock hhsweep did not write is the user's: never taken over or removed. */
    private static void refuseForeign(Path out, LockFileState seen) {
        if (!seen.isHhsweeps()) {
            throw new OutputRefused(OutputDirectory.display(new Path(out, OutputLayout.LOCK)) + " is not a lock"
                    + " hhsweep wrote; hhsweep keeps its lock there: move that file away, or choose another --out");
        }
    }

    private static boolean createExclusively(FileSystem fs, Path file, String content) throws IOException {
        OutputStream stream;
        try {
            stream = fs.create(file, false);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (RemoteException e) {
            // Another client is creating it this very moment (its lease is not released yet).
            if (e.getClassName().endsWith("AlreadyBeingCreatedException")) {
                return false;
            }
            throw e;
        }
        try (OutputStream s = stream) {
            s.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            fs.delete(file, false);
            throw e;
        }
        return true;
    }

    /**
     * The lock file once its creator has written its line: a file read empty and fresh is most
     * likely between its exclusive create and its content, so it is read again for up to a second.
     */
    private static LockFileState settled(FileSystem fs, Path file, Timing timing) throws IOException {
        LockFileState seen = LockFileState.read(fs, file);
        for (int i = 0; i < 10 && seen != null && seen.content().isEmpty()
                && seen.staleness(timing.staleAfter()).isEmpty(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = LockFileState.read(fs, file);
        }
        return seen;
    }

    /**
     * Moves the lock judged stale out of the way. Only one of several takers can rename it; a taker
     * that renamed a lock other than the one it judged (replaced meanwhile by a new holder) puts
     * it back.
     *
     * @return whether the lock seen was removed by this call
     */
    static boolean setAside(FileSystem fs, Path file, LockFileState seen) throws IOException {
        Path aside = new Path(file.getParent(), OutputLayout.lockAside(UUID.randomUUID().toString()));
        if (!fs.rename(file, aside)) {
            return false;
        }
        LockFileState moved = LockFileState.read(fs, aside);
        if (seen.equals(moved)) {
            fs.delete(aside, false);
            return true;
        }
        if (!fs.rename(aside, file)) {
            // A third sweep created a lock meanwhile: the one moved here is no longer in effect, and its
            // holder's heartbeat finds the lock is not its own and warns.
            fs.delete(aside, false);
        }
        return false;
    }

    /** What this lock wrote into its file: the owner's line and the lock's id. */
    String content() {
        return content;
    }

    private void beat() {
        try {
            LockFileState now = LockFileState.read(fs, file);
            if (now != null && now.content().equals(content)) {
                refresh();
                misses = 0;
            } else if (++misses == MISSES_BEFORE_WARNING) {
                say.accept("warning: the lock of " + OutputDirectory.display(out) + " is no longer this sweep's ("
                        + (now == null ? "it was removed" : "now " + now.holder()) + "); another sweep may be"
                        + " writing there");
            }
        } catch (IOException | RuntimeException e) {
            // Unreachable for now: the next beat tries again; the lock goes stale only after several.
        }
    }

    /**
     * HDFS keeps the modification time setTimes gives; object stores ignore setTimes (S3A does
     * nothing), so there the file is written again, same content, and the store stamps it.
     */
    private void refresh() throws IOException {
        if (fs instanceof DistributedFileSystem) {
            fs.setTimes(file, System.currentTimeMillis(), -1);
            return;
        }
        try (OutputStream o = fs.create(file, true)) {
            o.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void releaseQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // at shutdown, nothing more can be done; the lock goes stale
        }
    }

    /** Stops the heartbeat and deletes the lock file, if it is still this lock's. */
    @Override
    public void close() throws IOException {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ShutdownHookManager hooks = ShutdownHookManager.get();
        if (!hooks.isShutdownInProgress()) {
            hooks.removeShutdownHook(shutdownHook);
        }
        try {
            LockFileState now = LockFileState.read(fs, file);
            if (now != null && now.content().equals(content)) {
                fs.delete(file, false);
            }
        } finally {
            fs.close();
        }
    }
}
