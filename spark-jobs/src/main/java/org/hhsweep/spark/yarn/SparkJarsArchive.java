package org.hhsweep.spark.yarn;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The jars of the driver's class path (Spark, Scala, Hadoop's client, Parquet, spark-yarn: what the
 * driver itself runs on) as one zip on the cluster's file system, for spark.yarn.archive: YARN's
 * containers then run the same Spark as the driver, with no Spark distribution on the submitting
 * machine or on the nodes. The archive is named by a hash of the jars' names and content, so it is
 * uploaded once per set of jars and reused by later submissions (and by the NodeManagers' caches).
 * It appears under its name only when complete: written under a temporary name, then renamed; of
 * two submissions racing to upload it, one rename wins and the other's copy is deleted.
 */
final class SparkJarsArchive {
    static final String PREFIX = "spark-jars-";
    private static final int HASH_BYTES = 16;
    private static final int BUFFER = 1 << 20;

    private final List<java.nio.file.Path> jars;
    private final String hash;

    private SparkJarsArchive(List<java.nio.file.Path> jars, String hash) {
        this.jars = List.copyOf(jars);
        this.hash = hash;
    }

    /** The archive of a JVM's class path (java.class.path): its jar files and jars of its dir/* entries. */
    static SparkJarsArchive ofClassPath(String classPath) throws IOException {
        // A zip holds one entry per name; the first jar of a name is the one the class path uses.
        Map<String, java.nio.file.Path> byName = new LinkedHashMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            for (java.nio.file.Path jar : jarsOf(entry)) {
                byName.putIfAbsent(jar.getFileName().toString(), jar);
            }
        }
        List<java.nio.file.Path> jars = new ArrayList<>(byName.values());
        return new SparkJarsArchive(jars, hash(jars));
    }

    private static List<java.nio.file.Path> jarsOf(String entry) throws IOException {
        if (entry.endsWith("*")) {
            java.nio.file.Path dir = java.nio.file.Path.of(entry.substring(0, entry.length() - 1).isEmpty() ? "."
                    : entry.substring(0, entry.length() - 1));
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<java.nio.file.Path> files = Files.list(dir)) {
                return files.filter(SparkJarsArchive::isJar).sorted().toList();
            }
        }
        java.nio.file.Path path = java.nio.file.Path.of(entry);
        return isJar(path) ? List.of(path) : List.of();
    }

    private static boolean isJar(java.nio.file.Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
    }

    private static String hash(List<java.nio.file.Path> jars) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[BUFFER];
        for (java.nio.file.Path jar : jars) {
            sha.update(jar.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(jar)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            sha.update((byte) 0);
        }
        byte[] digest = sha.digest();
        return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    List<java.nio.file.Path> jars() {
        return jars;
    }

    /** spark-jars-HASH.zip: the same name for the same jars, another for any change. */
    String name() {
        return PREFIX + hash + ".zip";
    }

    /** The jars' total size in bytes. */
    long bytes() {
        return jars.stream().mapToLong(SparkJarsArchive::size).sum();
    }

    private static long size(java.nio.file.Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the archive is on the cluster, and whether this call uploaded it. */
    record Staged(Path path, boolean uploaded) {
    }

    /** The archive in {@code dir}, uploaded first unless it is there already. */
    Staged stage(FileSystem fs, Path dir) throws IOException {
        Path target = fs.makeQualified(new Path(dir, name()));
        if (fs.exists(target)) {
            return new Staged(target, false);
        }
        fs.mkdirs(dir);
        Path temporary = new Path(dir, "." + name() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(fs.create(temporary, false),
                    BUFFER))) {
                // Jars are compressed already: stored as they are, the archive costs no CPU to pack or unpack.
                zip.setLevel(Deflater.NO_COMPRESSION);
                for (java.nio.file.Path jar : jars) {
                    zip.putNextEntry(new ZipEntry(jar.getFileName().toString()));
                    Files.copy(jar, zip);
                    zip.closeEntry();
                }
            }
            if (fs.rename(temporary, target)) {
                return new Staged(target, true);
            }
            if (fs.exists(target)) {
                // Another submission renamed its identical copy first.
                return new Staged(target, false);
            }
            throw new IOException("could not rename " + temporary + " to " + target);
        } finally {
            if (fs.exists(temporary)) {
                fs.delete(temporary, false);
            }
        }
    }
}
