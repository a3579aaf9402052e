package org.hhsweep.spark.io;

import java.io.IOException;
import java.net.InetAddress;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.Path;

/**
 * One sweep at a time per output directory: an exclusive OS lock on {@code OUT/.lock}, held for as
 * long as the driver runs. The operating system drops the lock when the holding process dies, even
 * by SIGKILL, so a killed sweep never leaves a stale lock behind and {@code --resume} can follow at
 * once. The file holds who took the lock last (pid, host, time), shown to a sweep that is refused.
 *
 * <p>Only local paths are locked (a plain path, or file:); other file systems (hdfs://, s3a://)
 * have no such lock and are not guarded.
 *
 * <p>The file stays when the lock is released: deleting it would let a process that opened it
 * just before lock the unlinked file while a third locks a new one.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = OutputLayout.LOCK;

    /**
     * Lock files this JVM holds. POSIX drops all of a process's locks on a file when any channel
     * to it is closed, so this JVM must never open a second channel to a file it has locked.
     */
    private static final Set<java.nio.file.Path> HELD = ConcurrentHashMap.newKeySet();

    private final java.nio.file.Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(java.nio.file.Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of an output directory, creating the directory if needed.
     *
     * @throws OutputRefused if another sweep holds it
     */
    public static OutputLock acquire(Path out) throws IOException {
        java.nio.file.Path dir = local(out);
        if (dir == null) {
            return new OutputLock(null, null, null);
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
            byte[] who = (whoAmI() + "\n").getBytes(StandardCharsets.UTF_8);
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

    /** Who holds the lock of an output directory now, if anyone. Creates and changes nothing. */
    public static Optional<String> holder(Path out) throws IOException {
        java.nio.file.Path dir = local(out);
        if (dir == null) {
            return Optional.empty();
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
    public static void checkFree(Path out) throws IOException {
        Optional<String> holder = holder(out);
        if (holder.isPresent()) {
            throw inUse(out, holder.get());
        }
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

    private static OutputRefused inUse(Path out, String holder) {
        return new OutputRefused("output directory " + OutputDirectory.display(out) + " is in use by another sweep ("
                + (holder.isBlank() ? "holder unknown" : holder) + "); wait for it to end, or choose another --out");
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    static String whoAmI() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown host");
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The local directory of a file: URI or a plain path, or null for other file systems. */
    public static java.nio.file.Path local(Path out) {
        String scheme = out.toUri().getScheme();
        return scheme == null || scheme.equals("file") ? Paths.get(out.toUri().getPath()) : null;
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
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
