package org.hhsweep.spark.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a sweep writes, and the rule that it never silently mixes with earlier output: an existing
 * non-empty directory is refused unless the user asked to overwrite it (or to resume it, see
 * job/ResumePlan). The lock file ({@link OutputLock#FILE}) alone does not make a directory
 * non-empty and is never deleted.
 */
public final class OutputDirectory {
    private OutputDirectory() {
    }

    /** Refused output location. */
    public static final class ExistsException extends OutputRefused {
        public ExistsException(String message) {
            super(message);
        }
    }

    /**
     * The output location as a fully qualified Hadoop path. A plain path is made absolute on the
     * driver (workers do not share its working directory) and names the local file system;
     * URIs such as hdfs://... or s3a://... are kept.
     */
    public static Path resolve(String location) {
        if (location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return new Path(location);
        }
        return new Path(Paths.get(location).toAbsolutePath().normalize().toUri());
    }

    /** Checks the rule without changing anything; true when there is something to replace. */
    public static boolean check(Path out, Configuration conf, boolean overwrite) throws IOException {
        FileSystem fs = out.getFileSystem(conf);
        if (!fs.exists(out)) {
            return false;
        }
        FileStatus status = fs.getFileStatus(out);
        if (!status.isDirectory()) {
            throw new ExistsException("output " + display(out) + " exists and is not a directory");
        }
        if (contents(fs, out).isEmpty()) {
            return false;
        }
        if (!overwrite) {
            throw new ExistsException("output directory " + display(out) + " exists and is not empty (choose another"
                    + " --out, add --overwrite to replace it, or --resume to finish the sweep it holds)");
        }
        return true;
    }

    /** Checks the rule, clears the directory when overwriting (all but the lock file), and creates it. */
    public static void prepare(Path out, Configuration conf, boolean overwrite) throws IOException {
        FileSystem fs = out.getFileSystem(conf);
        if (check(out, conf, overwrite)) {
            for (FileStatus s : contents(fs, out)) {
                if (!fs.delete(s.getPath(), true)) {
                    throw new IOException("could not delete " + display(s.getPath()));
                }
            }
        }
        fs.mkdirs(out);
    }

    /** What a directory holds besides the lock file. */
    private static List<FileStatus> contents(FileSystem fs, Path dir) throws IOException {
        List<FileStatus> out = new ArrayList<>();
        for (FileStatus s : fs.listStatus(dir)) {
            if (!s.getPath().getName().equals(OutputLock.FILE)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Checks, before any work, that the output can be written: the directory, or the nearest
     * ancestor that exists when it does not, is a directory where a file can be created (a probe
     * file is created and deleted at once).
     *
     * @throws OutputRefused naming the path that is in the way or cannot be written
     */
    public static void checkWritable(Path out, Configuration conf) throws IOException {
        java.nio.file.Path local = OutputLock.local(out);
        if (local != null) {
            checkWritable(local, out);
            return;
        }
        FileSystem fs = out.getFileSystem(conf);
        Path existing = out;
        while (!fs.exists(existing)) {
            existing = existing.getParent();
            if (existing == null) {
                throw new OutputRefused("cannot create output directory " + display(out) + ": no part of it exists");
            }
        }
        if (!fs.getFileStatus(existing).isDirectory()) {
            throw notADirectory(out, existing.equals(out), display(existing));
        }
        Path probe = new Path(existing, ".hhsweep-write-test-" + UUID.randomUUID());
        try {
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new OutputRefused("cannot write to " + display(existing) + " (" + e.getMessage() + ")"
                    + (existing.equals(out) ? "" : ", where output directory " + display(out) + " would be created"));
        }
    }

    private static void checkWritable(java.nio.file.Path local, Path out) {
        java.nio.file.Path existing = local.toAbsolutePath().normalize();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw notADirectory(out, existing.equals(local), existing.toString());
        }
        java.nio.file.Path probe = existing.resolve(".hhsweep-write-test-" + UUID.randomUUID());
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + reason(e));
            throw new OutputRefused("cannot write to " + existing + " (" + why + ")"
                    + (existing.equals(local) ? "" : ", where output directory " + display(out) + " would be created"));
        }
    }

    /** An NIO exception's reason without the path it repeats. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    private static OutputRefused notADirectory(Path out, boolean itself, String file) {
        return itself ? new ExistsException("output " + display(out) + " exists and is not a directory")
                : new OutputRefused("cannot create output directory " + display(out) + ": " + file
                + " is a file, not a directory");
    }

    /**
     * Bytes free for this user on the file system the output will be on (that of its nearest
     * existing ancestor), or empty when not a local path.
     */
    public static OptionalLong usableSpace(Path out) throws IOException {
        java.nio.file.Path local = OutputLock.local(out);
        if (local == null) {
            return OptionalLong.empty();
        }
        java.nio.file.Path existing = local.toAbsolutePath().normalize();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        return OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
    }

    /** A local path as a plain path, anything else as its URI. */
    public static String display(Path out) {
        if (!"file".equals(out.toUri().getScheme())) {
            return out.toString();
        }
        // A directory that existed when resolved has a URI ending in '/'.
        String path = out.toUri().getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
