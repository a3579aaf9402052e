package org.hhsweep.spark.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Everything under a directory: each path with its kind, size, modification time and content hash. */
final class FileTree {
    private FileTree() {
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        return snapshot(root, p -> true);
    }

    /** The same without directories' modification times, which creating and deleting a file changes. */
    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> entries = snapshot(root);
        entries.replaceAll((path, what) -> what.startsWith("dir") ? "dir" : what);
        return entries;
    }

    /** @param include which paths (relative to root) to record */
    static Map<String, String> snapshot(Path root, Predicate<Path> include) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Path relative = root.relativize(p);
                if (!include.test(relative)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String what = a.isDirectory() ? "dir" : a.isRegularFile() ? "file " + a.size() + " " + sha256(p)
                        : "other";
                entries.put(relative.toString(), what + " @" + a.lastModifiedTime().toMillis());
            }
        }
        return entries;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
