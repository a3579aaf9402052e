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
 * Where a sweep writes, and the rules that it never silently mixes with earlier output and never
 * removes what it did not write: an existing non-empty directory is refused unless the user asked
 * to overwrite it (or to resume it, see job/ResumePlan), and --overwrite replaces only an hhsweep
 * output, removing only the files hhsweep wrote there ({@link OutputContents}). The lock file
 * ({@link OutputLock#FILE}) alone does not make a directory non-empty and is never deleted.
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
     * driver (workers do not share its working directory) and names the local file system, even
     * with a colon in it ({@code run:1}); a URI with an authority ({@code hdfs://...},
     * {@code s3a://...}) or a {@code file:} URI is kept.
     *
     * @throws OutputRefused for an empty or blank location (an unset shell variable), which would
     *                       otherwise mean the working directory
     */
    public static Path resolve(String location) {
        if (location == null || location.isBlank()) {
            throw new OutputRefused("the output path is empty (an unset shell variable?); name a directory");
        }
        if (location.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") || location.startsWith("file:")) {
            return new Path(location);
        }
        return new Path(Paths.get(location).toAbsolutePath().normalize().toUri());
    }

    /**
     * Checks the rule without changing anything.
     *
     * @return what the directory holds when there is something to replace (overwrite only), else null
     * @throws OutputRefused when the directory is in the way: not empty without --overwrite, or with
     *                       --overwrite not an hhsweep output, or holding something a sweep would
     *                       write through (a symbolic link, a user's file inside a table)
     */
    public static OutputContents check(Path out, Configuration conf, boolean overwrite) throws IOException {
        FileSystem fs = out.getFileSystem(conf);
        if (!fs.exists(out)) {
            return null;
        }
        FileStatus status = fs.getFileStatus(out);
        if (!status.isDirectory()) {
            throw new ExistsException("output " + display(out) + " exists and is not a directory");
        }
        OutputContents contents = OutputContents.of(out, conf);
        if (contents.isEmpty()) {
            return null;
        }
        if (!overwrite) {
            throw new ExistsException("output directory " + display(out) + " exists and is not empty (choose another"
                    + " --out" + (contents.isHhsweepOutput() ? ", add --overwrite to replace it, or --resume to finish"
                    + " the sweep it holds)" : "; --overwrite replaces only a directory an hhsweep sweep wrote)"));
        }
        if (!contents.isHhsweepOutput()) {
            throw new ExistsException("output directory " + display(out) + " is not an hhsweep output (it has no "
                    + OutputLayout.MANIFEST + " written by hhsweep" + gitNote(out) + ") and --overwrite replaces only"
                    + " those; choose another --out, or empty it yourself");
        }
        refuseConflicts(out, contents);
        return contents;
    }

    /** Refuses an output holding something a sweep would write through or mix into its tables. */
    public static void refuseConflicts(Path out, OutputContents contents) {
        if (!contents.conflicts().isEmpty()) {
            throw new ExistsException("output directory " + display(out) + ": " + contents.conflicts().get(0)
                    + (contents.conflicts().size() > 1 ? " (and " + (contents.conflicts().size() - 1) + " more)" : "")
                    + "; move it away, or choose another --out");
        }
    }

    /**
     * Checks the rule, removes what an earlier sweep wrote when overwriting (never the lock file,
     * never a file hhsweep did not write), and creates the directory.
     *
     * @return the entries of the user's that were kept (empty unless overwriting)
     */
    public static List<String> prepare(Path out, Configuration conf, boolean overwrite) throws IOException {
        FileSystem fs = out.getFileSystem(conf);
        OutputContents replaced = check(out, conf, overwrite);
        if (replaced != null) {
            replaced.removeOwned();
        }
        fs.mkdirs(out);
        return replaced == null ? List.of() : replaced.foreign();
    }

    /** ", inside the git work tree X" when a local directory is in one, else nothing. */
    private static String gitNote(Path out) {
        java.nio.file.Path local = OutputLock.local(out);
        for (java.nio.file.Path p = local; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return "; it is inside the git work tree " + p;
            }
        }
        return "";
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
        Path probe = new Path(existing, OutputLayout.WRITE_PROBE_PREFIX + UUID.randomUUID());
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
        java.nio.file.Path probe = existing.resolve(OutputLayout.WRITE_PROBE_PREFIX + UUID.randomUUID());
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
