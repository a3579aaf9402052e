package org.hhsweep.spark.io;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Names of the files a chunk writes. A chunk's file is written under a hidden temporary name
 * (Spark, DuckDB's *.parquet globs and pyarrow all skip names starting with '.') and renamed to
 * {@code part-<chunk>.parquet} when complete. The runs table is renamed last, so a chunk is
 * committed exactly when {@code runs/part-<chunk>.parquet} exists.
 */
public final class ChunkFiles {
    private static final Pattern PART = Pattern.compile("part-(\\d{6,18})\\.parquet");
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private ChunkFiles() {
    }

    /** part-000042.parquet: six digits at least, so names sort in chunk order up to a million chunks. */
    public static String name(long chunk) {
        return String.format("part-%06d.parquet", chunk);
    }

    public static Path file(Path output, String table, long chunk) {
        return new Path(new Path(output, table), name(chunk));
    }

    /** A temporary name unique to one attempt, so retried or speculative attempts never collide. */
    public static Path temporary(Path output, String table, long chunk) {
        return new Path(new Path(output, table), "." + name(chunk) + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
    }

    /** The file whose presence marks a chunk as committed. */
    public static Path commitMarker(Path output, long chunk) {
        return file(output, Tables.RUNS, chunk);
    }

    /** The chunk of a committed file's name, or empty for any other name. */
    public static OptionalLong chunkOf(String fileName) {
        Matcher m = PART.matcher(fileName);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Whether a name is one of the temporary files of a chunk being written. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".part-") && fileName.endsWith(TEMPORARY_SUFFIX);
    }

    /**
     * Deletes the temporary files in the directories of a sweep's tables: what attempts that died
     * (a killed executor or driver) left behind. Only when no attempt can still be writing.
     */
    public static void deleteTemporary(FileSystem fs, Path output, Tables tables) throws IOException {
        deleteIn(fs, output, tables, (name, chunk) -> isTemporary(name));
    }

    /**
     * Deletes, in the directories of a sweep's tables, the files a test accepts: given each file's
     * name and its chunk (empty for a name that is not a committed file's).
     */
    public static void deleteIn(FileSystem fs, Path output, Tables tables, BiPredicate<String, OptionalLong> delete)
            throws IOException {
        for (String table : tables.names()) {
            Path dir = new Path(output, table);
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                String name = s.getPath().getName();
                if (delete.test(name, chunkOf(name))) {
                    fs.delete(s.getPath(), false);
                }
            }
        }
    }

    /** The chunks committed in an output directory, in order (none when there is no runs table). */
    public static TreeSet<Long> committed(FileSystem fs, Path output) throws IOException {
        TreeSet<Long> chunks = new TreeSet<>();
        Path runs = new Path(output, Tables.RUNS);
        if (!fs.exists(runs)) {
            return chunks;
        }
        for (FileStatus s : fs.listStatus(runs)) {
            chunkOf(s.getPath().getName()).ifPresent(chunks::add);
        }
        return chunks;
    }
}
