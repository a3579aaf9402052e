package org.hhsweep.spark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Spark SQL's warehouse directory in a fresh temporary directory, deleted when the command is done.
 * Spark's default, spark-warehouse/ in the working directory, would be left behind there by any
 * command that touches the catalog (SHOW DATABASES does).
 */
public final class ScratchWarehouse {
    public static final String KEY = "spark.sql.warehouse.dir";
    private static final String PREFIX = "hhsweep-warehouse-";

    private ScratchWarehouse() {
    }

    /** A new empty directory, as the URI Spark takes (a file: URI, so a cluster's default file system is not used). */
    public static String create() {
        try {
            Path dir = Files.createTempDirectory(PREFIX);
            dir.toFile().deleteOnExit();
            return dir.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for Spark SQL's warehouse", e);
        }
    }

    /** Deletes a directory {@link #create} made, with what Spark put in it; leaves any other alone. */
    static void delete(String warehouse) {
        if (warehouse == null || !warehouse.startsWith("file:")) {
            return;
        }
        Path dir = Path.of(URI.create(warehouse));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (!dir.getFileName().toString().startsWith(PREFIX) || !tmp.equals(dir.getParent())
                || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a finished command for.
        }
    }
}
