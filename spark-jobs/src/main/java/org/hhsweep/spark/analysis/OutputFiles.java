package org.hhsweep.spark.analysis;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the plot and report files through Hadoop's file system, so they land next to the tables
 * wherever those are (a local directory, HDFS, S3).
 */
public final class OutputFiles {
    /** What writes a file's bytes. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    public static void write(Path file, Configuration conf, Content content) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            // No .crc files beside the figures and the page: people open these, nothing verifies them.
            fs = local.getRawFileSystem();
        }
        Path parent = file.getParent();
        if (parent != null) {
            fs.mkdirs(parent);
        }
        try (OutputStream out = fs.create(file, true)) {
            content.writeTo(out);
        }
    }
}
