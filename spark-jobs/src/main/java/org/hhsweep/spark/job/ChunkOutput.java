package org.hhsweep.spark.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.io.Table;
import org.hhsweep.spark.io.TableFile;
import org.hhsweep.spark.io.Tables;

/**
 * The Parquet files of one chunk, one per table every chunk writes ({@link Tables#chunked()}).
 * {@link #commit} makes them visible, the runs file last (the chunk's commit mark); closing without
 * a commit deletes them.
 */
final class ChunkOutput implements ChunkSink, AutoCloseable {
    private final Tables tables;
    /** Every table's file by table name, in the order of the sweep's tables (runs first). */
    private final Map<String, TableFile<?>> files;
    private final TableFile<Tables.RunRecord> runs;

    ChunkOutput(Tables tables, Path output, long chunk, Configuration conf) throws IOException {
        Map<String, TableFile<?>> opened = new LinkedHashMap<>();
        try {
            for (Table<?> t : tables.chunked()) {
                opened.put(t.name(), TableFile.open(t, output, chunk, conf));
            }
        } catch (IOException | RuntimeException e) {
            opened.values().forEach(TableFile::close);
            throw e;
        }
        this.tables = tables;
        this.files = opened;
        this.runs = file(Optional.of(tables.runs()));
    }

    /** The file of one of the sweep's tables; a row for a table the sweep does not write is a bug. */
    @SuppressWarnings("unchecked")
    private <R> TableFile<R> file(Optional<Table<R>> table) {
        Table<R> t = table.orElseThrow(() -> new IllegalStateException("a row for a table this sweep does not write"));
        return (TableFile<R>) files.get(t.name());
    }

    @Override
    public void run(Tables.RunRecord record) throws IOException {
        runs.write(record);
    }

    @Override
    public void neuron(Tables.NeuronRecord record) throws IOException {
        file(tables.summaries()).write(record);
    }

    @Override
    public void spikes(Tables.SpikeRecord record) throws IOException {
        file(tables.spikes()).write(record);
    }

    @Override
    public void trace(Tables.TraceRecord record) throws IOException {
        file(tables.traces()).write(record);
    }

    @Override
    public void population(Tables.PopulationRecord record) throws IOException {
        file(tables.populations()).write(record);
    }

    @Override
    public void rate(Tables.RateRecord record) throws IOException {
        file(tables.populationRates()).write(record);
    }

    @Override
    public void threshold(Tables.ThresholdRecord record) throws IOException {
        file(tables.thresholds()).write(record);
    }

    /** Commits the chunk; its counts go into the footer of the runs file, the commit mark. */
    void commit(ChunkCounts counts) throws IOException {
        runs.finish(Map.of(ChunkCounts.FOOTER_KEY, counts.toJson()));
        List<TableFile<?>> others = new ArrayList<>(files.values());
        others.remove(runs);
        for (TableFile<?> f : others) {
            f.commit();
        }
        runs.commit();
    }

    @Override
    public void close() {
        files.values().forEach(TableFile::close);
    }
}
