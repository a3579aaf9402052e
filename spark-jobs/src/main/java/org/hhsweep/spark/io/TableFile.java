package org.hhsweep.spark.io;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One table's Parquet file of one chunk: written under a temporary name, then committed (renamed)
 * or aborted (deleted). ZSTD for every column, no dictionaries, and only encodings that every
 * common reader decodes with its default settings ({@link #ENCODINGS}).
 *
 * <p>No BYTE_STREAM_SPLIT, although it halves lossless float traces: Spark's vectorized Parquet
 * reader (on by default, as of 4.2) cannot decode it and fails on any action ("Unsupported
 * encoding: BYTE_STREAM_SPLIT"). Traces stay compact by being stored as whole steps by default
 * (record.traces.quantize), which DELTA_BINARY_PACKED packs better than split floats.
 *
 * <p>Every writer gets exactly the same encoding settings, set globally rather than per column:
 * parquet-java 1.17 keeps one static values-writer factory that each new writer re-initialises
 * with its own properties, and column writers created later (at every row group) read whichever
 * properties were set last. Writers with different per-column settings running in parallel tasks
 * therefore mix each other's encodings; identical settings make that race harmless. Dictionaries
 * are off: trace samples and statistics rarely repeat, and ZSTD compresses the few repeated labels
 * and ids as well.
 *
 * <p>Writer version 2 for every table, for the same reason (the version picks the values-writer
 * factory): it gives whole-number columns DELTA_BINARY_PACKED, which packs a quantised trace's
 * sample-to-sample differences into a few bits each, and strings DELTA_BYTE_ARRAY.
 */
public final class TableFile<R> implements AutoCloseable {
    /** Key of the file metadata entry holding a JSON map column -> unit. */
    public static final String UNITS_KEY = "hhsweep.units";
    public static final String TABLE_KEY = "hhsweep.table";
    public static final String VERSION_KEY = "hhsweep.version";
    public static final CompressionCodecName COMPRESSION = CompressionCodecName.ZSTD;
    public static final boolean DICTIONARY_ENCODING = false;
    public static final ParquetProperties.WriterVersion WRITER_VERSION = ParquetProperties.WriterVersion.PARQUET_2_0;
    /** The version of every data page, which the writer version fixes. */
    public static final int DATA_PAGE_VERSION = WRITER_VERSION == ParquetProperties.WriterVersion.PARQUET_2_0 ? 2 : 1;
    /**
     * The values encoding of every column by physical type, as parquet-java picks it for these
     * settings; the manifest states it and a test checks every file's footer against it.
     */
    public static final Map<String, Encoding> ENCODINGS = encodings();
    /** Row groups are buffered in memory until full: keep a task's four writers modest. */
    static final long ROW_GROUP_BYTES = 32L << 20;

    private final FileSystem fs;
    private final Path temporary;
    private final Path target;
    private final ParquetWriter<R> writer;
    private final TableWriteSupport<R> support;
    private long rows;
    private boolean closed;

    private TableFile(FileSystem fs, Path temporary, Path target, ParquetWriter<R> writer,
                      TableWriteSupport<R> support) {
        this.fs = fs;
        this.temporary = temporary;
        this.target = target;
        this.writer = writer;
        this.support = support;
    }

    public static <R> TableFile<R> open(Table<R> table, Path output, long chunk, Configuration conf)
            throws IOException {
        Path temporary = ChunkFiles.temporary(output, table.name(), chunk);
        Path target = ChunkFiles.file(output, table.name(), chunk);
        FileSystem fs = temporary.getFileSystem(conf);
        fs.setWriteChecksum(false);
        TableWriteSupport<R> support = new TableWriteSupport<>(table, metadata(table));
        Builder<R> builder = new Builder<>(HadoopOutputFile.fromPath(temporary, conf), support)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(COMPRESSION)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withDictionaryEncoding(DICTIONARY_ENCODING)
                .withWriterVersion(WRITER_VERSION);
        return new TableFile<>(fs, temporary, target, builder.build(), support);
    }

    private static Map<String, Encoding> encodings() {
        Map<String, Encoding> e = new LinkedHashMap<>();
        e.put(PrimitiveTypeName.FLOAT.name(), Encoding.PLAIN);
        e.put(PrimitiveTypeName.DOUBLE.name(), Encoding.PLAIN);
        e.put(PrimitiveTypeName.INT32.name(), Encoding.DELTA_BINARY_PACKED);
        e.put(PrimitiveTypeName.INT64.name(), Encoding.DELTA_BINARY_PACKED);
        e.put(PrimitiveTypeName.BINARY.name(), Encoding.DELTA_BYTE_ARRAY);
        return Collections.unmodifiableMap(e);
    }

    /** The key-value metadata of a table's files: its name, the units of its columns, the version. */
    public static Map<String, String> metadata(Table<?> table) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(TABLE_KEY, table.name());
        meta.put(UNITS_KEY, Json.write(table.units()));
        meta.put(VERSION_KEY, BuildInfo.get().version());
        return meta;
    }

    /** The key-value metadata in a file's footer (reads the footer only). */
    public static Map<String, String> footer(Path file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getFooter().getFileMetaData().getKeyValueMetaData();
        }
    }

    public void write(R record) throws IOException {
        writer.write(record);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /**
     * Closes the file under its temporary name, with more key-value metadata in its footer (facts
     * known only at the end, such as a chunk's counts).
     */
    public void finish(Map<String, String> footer) throws IOException {
        if (!closed) {
            support.addClosingMetadata(footer);
        }
        finish();
    }

    /** Closes the file under its temporary name: complete, not yet visible. */
    public void finish() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    /**
     * Makes the finished file visible under its final name, whole, in one rename; a file already
     * there is never deleted first, so a committed file never vanishes, not even for a moment.
     * Such a file is another attempt's of the same chunk (a retry, or a speculative copy) and,
     * output being a function of the chunk alone, holds the same rows: HDFS's rename refuses to
     * replace it, so of racing attempts exactly one file wins and this attempt's copy is dropped;
     * a local rename(2) replaces it atomically with this identical one.
     *
     * @return false when another attempt's file was there and kept
     */
    public boolean commit() throws IOException {
        finish();
        if (fs.rename(temporary, target)) {
            return true;
        }
        if (fs.exists(target)) {
            fs.delete(temporary, false);
            return false;
        }
        throw new IOException("could not rename " + temporary + " to " + target);
    }

    /** Drops the temporary file; for a chunk that failed. */
    @Override
    public void close() {
        try {
            finish();
        } catch (IOException | RuntimeException ignored) {
            // the file is being thrown away
        }
        try {
            if (fs.exists(temporary)) {
                fs.delete(temporary, false);
            }
        } catch (IOException ignored) {
            // best effort: a hidden leftover is skipped by every reader
        }
    }

    private static final class Builder<R> extends ParquetWriter.Builder<R, Builder<R>> {
        private final WriteSupport<R> support;

        Builder(OutputFile file, WriteSupport<R> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<R> self() {
            return this;
        }

        @Override
        protected WriteSupport<R> getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
