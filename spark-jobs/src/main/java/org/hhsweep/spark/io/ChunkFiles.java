package org.hhsweep.spark.io;

import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * Names of the files a chunk writes. A chunk's file is written under a hidden temporary name
 * (Spark, DuckDB's *.parquet globs and pyarrow all skip names starting with '.') and renamed to
 * {@code part-<chunk>.parquet} when complete. The runs table is renamed last, so a chunk is
 * committed exactly when {@code runs/part-<chunk>.parquet} exists.
 */
public final class ChunkFiles {
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
        return new Path(new Path(output, table), "." + name(chunk) + "." + UUID.randomUUID() + ".tmp");
    }

    /** The file whose presence marks a chunk as committed. */
    public static Path commitMarker(Path output, long chunk) {
        return file(output, Tables.RUNS, chunk);
    }
}
