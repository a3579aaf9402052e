package org.hhsweep.spark.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * One sweep at a time per output directory, held for as long as the driver runs.
 *
 * <p>On a local path (a plain path, or file:) an exclusive OS lock on {@code OUT/.lock}. The
 * operating system drops the lock when the holding process dies, even by SIGKILL, so a killed
 * sweep never leaves a stale lock behind and {@code --resume} can follow at once. The file holds
 * who took the lock last ({@link LockOwner}), shown to a sweep that is refused. It stays when the
 * lock is released: deleting it would let a process that opened it just before lock the unlinked
 * file while a third locks a new one.
 *
 * <p>On any other file system (hdfs://, s3a://, ...), which has no such lock, a
 * {@link HeartbeatLock}: the same file created exclusively, refreshed while held, deleted when
 * released, and taken over when stale.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = OutputLayout.LOCK;

    /**
     * Lock files this JVM holds. POSIX drops all of a process's locks on a file when any channel
     * to it is closed, so this JVM must never open a second channel to a file it has locked.
     */
    private static final Set<java.nio.file.Path> HELD = ConcurrentHashMap.newKeySet();
    /** Outputs on other file systems whose lock this JVM holds, by URI. */
    private static final Set<String> HELD_ELSEWHERE = ConcurrentHashMap.newKeySet();

    private final java.nio.file.Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final HeartbeatLock elsewhere;
    private final String elsewhereKey;

    private OutputLock(java.nio.file.Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.elsewhere = null;
        this.elsewhereKey = null;
    }

    private OutputLock(HeartbeatLock elsewhere, String key) {
        this.file = null;
        this.channel = null;
        this.lock = null;
        this.elsewhere = elsewhere;
        this.elsewhereKey = key;
    }

    /** {@link #acquire(Path, Configuration, Consumer)} with the default Hadoop settings, saying nothing. */
    public static OutputLock acquire(Path out) throws IOException {
        return acquire(out, new Configuration(), line -> { });
    }

    /**
     * Takes the lock of an output directory, creating the directory if needed.
     *
     * @param conf reaches the file system of a non-local output
     * @param say  gets a line when a stale lock of a non-local output is taken over, or is found
     *             lost while held
     * @throws OutputRefused if another sweep holds it
     */
    public static OutputLock acquire(Path out, Configuration conf, Consumer<String> say) throws IOException {
        java.nio.file.Path dir = local(out);
        if (dir == null) {
            String key = out.toUri().toString();
            if (!HELD_ELSEWHERE.add(key)) {
                throw inUse(out, "this process");
            }
            try {
                return new OutputLock(HeartbeatLock.acquire(out, conf, HeartbeatLock.Timing.DEFAULT, say), key);
            } catch (IOException | RuntimeException e) {
                HELD_ELSEWHERE.remove(key);
                throw e;
            }
        }
        Files.createDirectories(dir);
        java.nio.file.Path file = dir.resolve(FILE).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw inUse(out, "this process");
        }
        FileChannel channel = null;
        try {
            channel = open(file, out, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw inUse(out, read(channel));
            }
            byte[] who = (LockOwner.current().line() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who), 0);
            channel.force(false);
            return new OutputLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** {@link #holder(Path, Configuration)} with the default Hadoop settings. */
    public static Optional<String> holder(Path out) throws IOException {
        return holder(out, new Configuration());
    }

    /**
     * Who holds the lock of an output directory now, if anyone (a stale lock of a non-local
     * output is no one's: the next sweep takes it over). Creates and changes nothing.
     */
    public static Optional<String> holder(Path out, Configuration conf) throws IOException {
        java.nio.file.Path dir = local(out);
        if (dir == null) {
            return HELD_ELSEWHERE.contains(out.toUri().toString()) ? Optional.of("this process")
                    : HeartbeatLock.holder(out, conf, HeartbeatLock.Timing.DEFAULT);
        }
        java.nio.file.Path file = dir.resolve(FILE).toAbsolutePath().normalize();
        if (HELD.contains(file)) {
            return Optional.of("this process");
        }
        if (Files.isSymbolicLink(file)) {
            throw symlink(out);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        // An exclusive lock needs a channel open for writing; nothing is written.
        try (FileChannel channel = open(file, out, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return Optional.of(read(channel));
            }
            lock.release();
            return Optional.empty();
        }
    }

    /** Refuses when another sweep holds the lock. */
    public static void checkFree(Path out, Configuration conf) throws IOException {
        Optional<String> holder = holder(out, conf);
        if (holder.isPresent()) {
            throw inUse(out, holder.get());
        }
    }

    /**
     * Removes the lock of an output by hand, for a driver known to be gone. Only a lock on a
     * non-local file system can be left behind ({@link HeartbeatLock}), and only one hhsweep wrote
     * is removed: a stale one, or with {@code force} also one that looks live (its holder's machine
     * died less than a stale period ago). A local lock ends with its holder: refused while held.
     *
     * @return whose lock was removed and why it could be, or empty when there was none
     * @throws OutputRefused when the lock is held and cannot or may not be removed
     */
    public static Optional<String> breakLock(Path out, Configuration conf, boolean force) throws IOException {
        if (local(out) != null) {
            Optional<String> holder = holder(out, conf);
            if (holder.isPresent()) {
                throw new OutputRefused("output directory " + OutputDirectory.display(out) + " is locked by a running"
                        + " process (" + holder.get() + "); a lock on a local path ends with its holder, and is never"
                        + " removed by hand");
            }
            return Optional.empty();
        }
        if (HELD_ELSEWHERE.contains(out.toUri().toString())) {
            throw inUse(out, "this process");
        }
        return HeartbeatLock.breakLock(out, conf, HeartbeatLock.Timing.DEFAULT, force)
                .map(b -> b.holder() + "; " + b.why());
    }

    /** Never through a symbolic link: the lock file is written, and must be the output's own. */
    private static FileChannel open(java.nio.file.Path file, Path out, StandardOpenOption... options)
            throws IOException {
        Set<java.nio.file.OpenOption> all = new java.util.HashSet<>(Arrays.asList(options));
        all.add(LinkOption.NOFOLLOW_LINKS);
        try {
            return FileChannel.open(file, all);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw symlink(out);
            }
            throw e;
        }
    }

    private static OutputRefused symlink(Path out) {
        return new OutputRefused(OutputDirectory.display(out) + "/" + FILE + " is a symbolic link; hhsweep writes its"
                + " lock only as a file of its own: remove the link, or choose another --out");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    static OutputRefused inUse(Path out, String holder) {
        return new OutputRefused("output directory " + OutputDirectory.display(out) + " is in use by another sweep ("
                + (holder.isBlank() ? "holder unknown" : holder) + "); wait for it to end, or choose another --out");
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** The local directory of a file: URI or a plain path, or null for other file systems. */
    public static java.nio.file.Path local(Path out) {
        String scheme = out.toUri().getScheme();
        return scheme == null || scheme.equals("file") ? Paths.get(out.toUri().getPath()) : null;
    }

    @Override
    public void close() throws IOException {
        if (elsewhere != null) {
            try {
                elsewhere.close();
            } finally {
                HELD_ELSEWHERE.remove(elsewhereKey);
            }
            return;
        }
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(file);
        }
    }
}
