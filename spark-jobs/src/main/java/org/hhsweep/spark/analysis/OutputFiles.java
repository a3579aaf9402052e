package org.hhsweep.spark.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.io.AtomicWrite;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLock;
import org.hhsweep.spark.io.OutputRefused;
import org.hhsweep.spark.io.Signature;

/**
 * Writes the plot and report files through Hadoop's file system, so they land next to the tables
 * wherever those are (a local directory, HDFS, S3). A file is replaced by renaming a new one over
 * it, never written through a symbolic link, and only when it is one this program wrote (it
 * carries the {@link Signature}) unless the user said to replace any file.
 */
public final class OutputFiles {
    /** What writes a file's bytes. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    /**
     * Checks, before any work, that a file can be written where asked: not a directory, not a
     * symbolic link, not a file of the user's unless replaceAny, and in a place that can be written.
     *
     * @param option how the user named the file, for the message (e.g. "--out")
     * @throws OutputRefused saying what is in the way
     */
    public static void checkTarget(Path file, Configuration conf, boolean replaceAny, String option)
            throws IOException {
        String shown = OutputDirectory.display(file);
        java.nio.file.Path local = OutputLock.local(file);
        if (local != null && Files.isSymbolicLink(local)) {
            throw new OutputRefused(shown + " is a symbolic link; hhsweep does not write through links: name the file"
                    + " itself" + (option.isEmpty() ? "" : " with " + option));
        }
        FileSystem fs = file.getFileSystem(conf);
        if (local != null ? Files.exists(local, LinkOption.NOFOLLOW_LINKS) : fs.exists(file)) {
            FileStatus status = fs.getFileStatus(file);
            if (status.isDirectory()) {
                throw new OutputRefused(shown + " is a directory" + (option.isEmpty() ? ""
                        : "; " + option + " names the image file to write, e.g. " + shown + "/figure.png"));
            }
            if (!replaceAny && !Signature.carriedBy(file, conf)) {
                throw new OutputRefused(shown + " exists and was not written by hhsweep; "
                        + (option.isEmpty() ? "move it away" : "choose another " + option + ", or add --overwrite to"
                        + " replace it"));
            }
        }
        OutputDirectory.checkWritable(file.getParent(), conf);
    }

    /** Writes a file after {@link #checkTarget} (checked again here: time has passed since). */
    public static void write(Path file, Configuration conf, boolean replaceAny, Content content) throws IOException {
        checkTarget(file, conf, replaceAny, "");
        FileSystem fs = file.getFileSystem(conf);
        Path parent = file.getParent();
        if (parent != null) {
            fs.mkdirs(parent);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        content.writeTo(bytes);
        AtomicWrite.replace(file, bytes.toByteArray(), conf);
    }

    /**
     * Removes the files in a directory this program wrote (signed) whose names are not kept; a
     * file of the user's stays.
     */
    public static void removeOwnedExcept(Path dir, Set<String> keep, Configuration conf) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        java.nio.file.Path local = OutputLock.local(dir);
        if (local != null ? !Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS) : !fs.isDirectory(dir)) {
            return;
        }
        List<String> names;
        if (local != null) {
            try (Stream<java.nio.file.Path> files = Files.list(local)) {
                names = files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> p.getFileName().toString()).toList();
            }
        } else {
            names = Stream.of(fs.listStatus(dir)).filter(FileStatus::isFile).map(s -> s.getPath().getName()).toList();
        }
        for (String name : names) {
            Path f = new Path(dir, name);
            if (!keep.contains(name) && Signature.carriedBy(f, conf)) {
                fs.delete(f, false);
            }
        }
    }
}
