package org.hhsweep.spark.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What an existing output directory holds, sorted by who wrote it: the files hhsweep wrote (by
 * the names of {@link OutputLayout} and, for figures and the report page, by their
 * {@link Signature}), the user's files, and entries in the way of what a sweep writes (a symbolic
 * link, or a file of the user's inside a table's directory). Only the first kind is ever removed.
 */
public final class OutputContents {
    private final Path dir;
    private final FileSystem fs;
    private final boolean hhsweepOutput;
    private final List<Path> owned = new ArrayList<>();
    private final List<Path> ownedDirectories = new ArrayList<>();
    private final List<String> foreign = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();

    private OutputContents(Path dir, FileSystem fs, boolean hhsweepOutput) {
        this.dir = dir;
        this.fs = fs;
        this.hhsweepOutput = hhsweepOutput;
    }

    /** One entry of a directory, as it is (a link is a link, whatever it points to). */
    private record Entry(Path path, String name, boolean link, boolean isFile, boolean isDirectory, long size) {
    }

    /** Reads a directory that exists; changes nothing. */
    public static OutputContents of(Path dir, Configuration conf) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            // The checksumming wrapper hides *.crc files from listings; every file counts here.
            fs = local.getRawFileSystem();
        }
        OutputContents c = new OutputContents(dir, fs, isHhsweepManifest(fs, new Path(dir, OutputLayout.MANIFEST)));
        for (Entry e : c.list(dir)) {
            c.sort(e);
        }
        return c;
    }

    /**
     * A local directory is listed by the JDK: Hadoop's local listing follows links and silently
     * drops a dangling one.
     */
    private List<Entry> list(Path directory) throws IOException {
        List<Entry> out = new ArrayList<>();
        java.nio.file.Path local = OutputLock.local(directory);
        if (local == null) {
            for (FileStatus s : fs.listStatus(directory)) {
                out.add(new Entry(s.getPath(), s.getPath().getName(), s.isSymlink(), s.isFile(), s.isDirectory(),
                        s.getLen()));
            }
            return out;
        }
        try (Stream<java.nio.file.Path> children = Files.list(local)) {
            for (java.nio.file.Path p : children.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String name = p.getFileName().toString();
                out.add(new Entry(new Path(directory, name), name, a.isSymbolicLink(), a.isRegularFile(),
                        a.isDirectory(), a.size()));
            }
        }
        return out;
    }

    private void sort(Entry s) throws IOException {
        String name = s.name();
        boolean link = s.link();
        if (name.equals(OutputLayout.LOCK)) {
            if (link) {
                conflicts.add(name + " is a symbolic link");
            }
        } else if (link) {
            if (isWrittenName(name)) {
                conflicts.add(name + " is a symbolic link");
            } else {
                foreign.add(name);
            }
        } else if (name.equals(OutputLayout.MANIFEST)) {
            if (hhsweepOutput && s.isFile()) {
                owned.add(s.path());
            } else {
                foreign.add(name);
            }
        } else if (OutputLayout.isAtomicWriteTemporary(name, OutputLayout.MANIFEST)
                || name.startsWith(OutputLayout.WRITE_PROBE_PREFIX) || OutputLayout.isLockAside(name)) {
            owned.add(s.path());
        } else if (Tables.ALL_NAMES.contains(name)) {
            sortTable(s);
        } else if (name.equals(OutputLayout.REPORT_PAGE)) {
            if (s.isFile() && isSigned(s)) {
                owned.add(s.path());
            } else {
                foreign.add(name);
            }
        } else if ((name.equals(OutputLayout.REPORT_FIGURES) || name.equals(OutputLayout.PLOTS)) && s.isDirectory()) {
            sortFigures(s);
        } else {
            foreign.add(name);
        }
    }

    /** A table's directory holds only chunk files; anything else would be read as part of the table. */
    private void sortTable(Entry table) throws IOException {
        String name = table.name();
        if (!table.isDirectory()) {
            conflicts.add(name + " is a file, where the " + name + " table's directory goes");
            return;
        }
        for (Entry f : list(table.path())) {
            if (f.link() || !f.isFile() || (ChunkFiles.chunkOf(f.name()).isEmpty() && !ChunkFiles.isTemporary(f.name()))) {
                conflicts.add(name + "/" + f.name() + " is not a file hhsweep wrote");
            } else {
                owned.add(f.path());
            }
        }
        ownedDirectories.add(table.path());
    }

    /** Figures of the plot and report commands: only those bearing the signature are ours. */
    private void sortFigures(Entry directory) throws IOException {
        for (Entry f : list(directory.path())) {
            if (!f.link() && f.isFile() && isSigned(f)) {
                owned.add(f.path());
            } else {
                foreign.add(directory.name() + "/" + f.name());
            }
        }
        ownedDirectories.add(directory.path());
    }

    /** The names a sweep writes to at the top of its output. */
    private static boolean isWrittenName(String name) {
        return name.equals(OutputLayout.MANIFEST) || Tables.ALL_NAMES.contains(name)
                || name.equals(OutputLayout.REPORT_PAGE) || name.equals(OutputLayout.REPORT_FIGURES)
                || name.equals(OutputLayout.PLOTS);
    }

    private boolean isSigned(Entry s) throws IOException {
        return s.size() <= Signature.MAX_BYTES && Signature.carriedBy(s.path(), fs.getConf());
    }

    private static byte[] read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    /** Whether a file is a manifest hhsweep wrote (a JSON object whose software.name is hhsweep). */
    public static boolean isHhsweepManifest(FileSystem fs, Path file) throws IOException {
        java.nio.file.Path local = OutputLock.local(file);
        if (local != null ? !Files.isRegularFile(local, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                : !fs.isFile(file)) {
            return false;
        }
        if (fs.getFileStatus(file).getLen() > Signature.MAX_BYTES) {
            return false;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(read(fs, file));
            return n != null && OutputLayout.SOFTWARE.equals(n.path("software").path("name").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    /** Nothing but (perhaps) the lock file. */
    public boolean isEmpty() {
        return owned.isEmpty() && foreign.isEmpty() && conflicts.isEmpty() && ownedDirectories.isEmpty();
    }

    /** Holds a manifest hhsweep wrote. */
    public boolean isHhsweepOutput() {
        return hhsweepOutput;
    }

    /** Entries of the user's, relative to the directory; kept by {@link #removeOwned()}. */
    public List<String> foreign() {
        return List.copyOf(foreign);
    }

    /** Entries in the way of what a sweep writes, each with the reason. */
    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /** Removes what hhsweep wrote here (not the lock file); the user's entries stay. */
    public void removeOwned() throws IOException {
        for (Path f : owned) {
            if (!fs.delete(f, false) && fs.exists(f)) {
                throw new IOException("could not delete " + OutputDirectory.display(f));
            }
        }
        for (Path d : ownedDirectories) {
            // Deleted only when empty: a figure directory may keep a user's files.
            if (list(d).isEmpty()) {
                fs.delete(d, false);
            }
        }
    }

    public Path dir() {
        return dir;
    }
}
