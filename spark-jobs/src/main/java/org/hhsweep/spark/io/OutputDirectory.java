package org.hhsweep.spark.io;

import java.io.IOException;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a sweep writes, and the rule that it never silently mixes with earlier output: an existing
 * non-empty directory is refused unless the user asked to overwrite it.
 */
public final class OutputDirectory {
    private OutputDirectory() {
    }

    /** Refused output location. */
    public static final class ExistsException extends RuntimeException {
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
        if (fs.listStatus(out).length == 0) {
            return false;
        }
        if (!overwrite) {
            throw new ExistsException("output directory " + display(out)
                    + " exists and is not empty (choose another --out, or add --overwrite to replace it)");
        }
        return true;
    }

    /** Checks the rule, clears the directory when overwriting, and creates it. */
    public static void prepare(Path out, Configuration conf, boolean overwrite) throws IOException {
        FileSystem fs = out.getFileSystem(conf);
        if (check(out, conf, overwrite) && !fs.delete(out, true)) {
            throw new IOException("could not delete " + display(out));
        }
        fs.mkdirs(out);
    }

    /** A local path as a plain path, anything else as its URI. */
    public static String display(Path out) {
        return "file".equals(out.toUri().getScheme()) ? out.toUri().getPath() : out.toString();
    }
}
