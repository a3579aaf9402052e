package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.spark.io.ChunkFiles;
import org.hhsweep.spark.io.OutputContents;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputRefused;
import org.hhsweep.spark.io.TableFile;
import org.hhsweep.spark.io.Tables;

/**
 * What a sweep still has to run. For {@code --resume}: the sweep recorded in an output's manifest,
 * which must be the config's ({@link SameSweep}), cut into the chunks the manifest records (not
 * recomputed: execution settings are not part of the hash), of which those whose runs file exists
 * are done. A fresh sweep is the same with nothing committed ({@link #fresh}), so both run one path.
 *
 * @param manifest        the manifest found, or null for a fresh sweep
 * @param chunks          the sweep's chunks, as recorded
 * @param committed       chunks already committed
 * @param committedCounts their counts, from their runs files' footers (empty unless read)
 */
public record ResumePlan(ObjectNode manifest, SweepChunks chunks, TreeSet<Long> committed,
                         List<ChunkCounts> committedCounts) {

    /** A sweep started afresh: its chunks, none committed. */
    public static ResumePlan fresh(SweepChunks chunks) {
        return new ResumePlan(null, chunks, new TreeSet<>(), List.of());
    }

    /** Whether this continues an earlier attempt (a manifest was found), rather than starting afresh. */
    public boolean resumed() {
        return manifest != null;
    }

    /**
     * Reads and checks what an output holds.
     *
     * @param readCounts also read the committed chunks' counts (one footer per chunk)
     * @throws OutputRefused when there is nothing to resume or it is another sweep
     */
    public static ResumePlan load(Path output, Configuration conf, SweepConfig config, boolean readCounts)
            throws IOException {
        FileSystem fs = output.getFileSystem(conf);
        String where = OutputDirectory.display(output);
        ObjectNode manifest = manifestToResume(output, conf, "sweep");
        SameSweep.check(manifest, config, where);
        JsonNode perChunk = manifest.at("/partitioning/runs_per_chunk");
        JsonNode count = manifest.at("/partitioning/chunks");
        if (!perChunk.canConvertToLong() || perChunk.asLong() < 1 || !count.canConvertToLong()) {
            throw new OutputRefused("cannot resume " + where + ": its manifest does not record the chunks"
                    + " (partitioning.runs_per_chunk, partitioning.chunks)");
        }
        SweepChunks chunks = new SweepChunks(config.spec().runCount(), perChunk.asLong());
        if (chunks.count() != count.asLong()) {
            throw new OutputRefused("cannot resume " + where + ": its manifest records " + count.asLong()
                    + " chunks, but " + chunks.runsPerChunk() + " runs per chunk make " + chunks.count());
        }
        TreeSet<Long> committed = ChunkFiles.committed(fs, output);
        if (!committed.isEmpty() && committed.last() >= chunks.count()) {
            throw new OutputRefused("cannot resume " + where + ": it holds " + ChunkFiles.name(committed.last())
                    + ", beyond the sweep's " + chunks.count() + " chunks");
        }
        List<ChunkCounts> counts = new ArrayList<>();
        if (readCounts) {
            for (long chunk : committed) {
                counts.add(counts(ChunkFiles.commitMarker(output, chunk), conf));
            }
        }
        return new ResumePlan(manifest, chunks, committed, counts);
    }

    /**
     * The manifest of an output to resume, after checking that the output is a directory holding
     * nothing in the way and a manifest hhsweep can read.
     *
     * @param what "sweep" or "fit", for the messages
     * @throws OutputRefused when there is nothing to resume
     */
    static ObjectNode manifestToResume(Path output, Configuration conf, String what) throws IOException {
        FileSystem fs = output.getFileSystem(conf);
        String where = OutputDirectory.display(output);
        if (!fs.exists(output)) {
            throw new OutputRefused("nothing to resume: " + where + " does not exist (leave out --resume to start"
                    + " the " + what + ")");
        }
        if (!fs.getFileStatus(output).isDirectory()) {
            throw new OutputDirectory.ExistsException("output " + where + " exists and is not a directory");
        }
        OutputDirectory.refuseConflicts(output, OutputContents.of(output, conf));
        ObjectNode manifest = Manifest.read(output, conf);
        if (manifest == null) {
            throw new OutputRefused("cannot resume " + where + ": it has no readable " + Manifest.FILE
                    + ", so it holds no " + what + " started by hhsweep (choose another --out)");
        }
        return manifest;
    }

    private static ChunkCounts counts(Path runsFile, Configuration conf) throws IOException {
        Map<String, String> footer = TableFile.footer(runsFile, conf);
        String json = footer.get(ChunkCounts.FOOTER_KEY);
        if (json == null) {
            throw new OutputRefused("cannot resume: " + OutputDirectory.display(runsFile) + " has no "
                    + ChunkCounts.FOOTER_KEY + " in its footer (written by an older version?); use --overwrite");
        }
        return ChunkCounts.fromJson(json);
    }

    /** Chunks still to run, in order. */
    public List<Long> pending() {
        List<Long> out = new ArrayList<>();
        for (long c = 0; c < chunks.count(); c++) {
            if (!committed.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Runs in the chunks still to run. */
    public long pendingRuns() {
        long runs = chunks.runCount();
        for (long c : committed) {
            runs -= chunks.endRun(c) - chunks.firstRun(c);
        }
        return runs;
    }

    /** Whether an earlier attempt finished the sweep: nothing to run, nothing to record. */
    public boolean complete() {
        return resumed() && Manifest.COMPLETE.equals(manifest.path("status").asText())
                && committed.size() == chunks.count();
    }

    /**
     * Removes what an interrupted attempt left of the chunks it did not commit: temporary files
     * and the part files of uncommitted chunks (a chunk's runs file is renamed last), so the
     * chunks run again start from nothing.
     */
    public void clean(Path output, Configuration conf, Tables tables) throws IOException {
        ChunkFiles.deleteIn(output.getFileSystem(conf), output, tables, (name, chunk) ->
                ChunkFiles.isTemporary(name) || chunk.isPresent() && !committed.contains(chunk.getAsLong()));
    }
}
