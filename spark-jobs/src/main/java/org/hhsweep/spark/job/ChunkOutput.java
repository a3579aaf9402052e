package org.hhsweep.spark.job;

import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.io.TableFile;
import org.hhsweep.spark.io.Tables;

/**
 * The Parquet files of one chunk, one per table written. {@link #commit} makes them visible,
 * the runs file last (the chunk's commit mark); closing without a commit deletes them.
 */
final class ChunkOutput implements ChunkSink, AutoCloseable {
    private final TableFile<Tables.RunRecord> runs;
    private final TableFile<Tables.NeuronRecord> summaries;
    private final TableFile<Tables.SpikeRecord> spikes;
    private final TableFile<Tables.TraceRecord> traces;
    private final TableFile<Tables.ThresholdRecord> thresholds;

    ChunkOutput(Tables tables, Path output, long chunk, Configuration conf) throws IOException {
        TableFile<Tables.RunRecord> r = null;
        TableFile<Tables.NeuronRecord> n = null;
        TableFile<Tables.SpikeRecord> s = null;
        TableFile<Tables.TraceRecord> t = null;
        try {
            r = TableFile.open(tables.runs(), output, chunk, conf);
            n = tables.summaries() == null ? null : TableFile.open(tables.summaries(), output, chunk, conf);
            s = tables.spikes() == null ? null : TableFile.open(tables.spikes(), output, chunk, conf);
            t = tables.traces() == null ? null : TableFile.open(tables.traces(), output, chunk, conf);
            thresholds = tables.thresholds() == null ? null : TableFile.open(tables.thresholds(), output, chunk, conf);
        } catch (IOException | RuntimeException e) {
            for (TableFile<?> opened : new TableFile<?>[] {r, n, s, t}) {
                if (opened != null) {
                    opened.close();
                }
            }
            throw e;
        }
        runs = r;
        summaries = n;
        spikes = s;
        traces = t;
    }

    @Override
    public void run(Tables.RunRecord record) throws IOException {
        runs.write(record);
    }

    @Override
    public void neuron(Tables.NeuronRecord record) throws IOException {
        summaries.write(record);
    }

    @Override
    public void spikes(Tables.SpikeRecord record) throws IOException {
        spikes.write(record);
    }

    @Override
    public void trace(Tables.TraceRecord record) throws IOException {
        traces.write(record);
    }

    @Override
    public void threshold(Tables.ThresholdRecord record) throws IOException {
        thresholds.write(record);
    }

    /** Commits the chunk; its counts go into the footer of the runs file, the commit mark. */
    void commit(ChunkCounts counts) throws IOException {
        runs.finish(Map.of(ChunkCounts.FOOTER_KEY, counts.toJson()));
        if (summaries != null) {
            summaries.commit();
        }
        if (thresholds != null) {
            thresholds.commit();
        }
        if (spikes != null) {
            spikes.commit();
        }
        if (traces != null) {
            traces.commit();
        }
        runs.commit();
    }

    @Override
    public void close() {
        runs.close();
        if (summaries != null) {
            summaries.close();
        }
        if (thresholds != null) {
            thresholds.close();
        }
        if (spikes != null) {
            spikes.close();
        }
        if (traces != null) {
            traces.close();
        }
    }
}
