package org.hhsweep.spark.job;

import java.io.IOException;
import org.hhsweep.spark.io.Tables;

/** Receives a chunk's rows as they are produced. */
public interface ChunkSink {
    void run(Tables.RunRecord record) throws IOException;

    void neuron(Tables.NeuronRecord record) throws IOException;

    void spikes(Tables.SpikeRecord record) throws IOException;

    void trace(Tables.TraceRecord record) throws IOException;

    /** A network run's population; only sinks of network sweeps take these. */
    default void population(Tables.PopulationRecord record) throws IOException {
        throw new UnsupportedOperationException("this sink takes no populations");
    }

    /** A bin of a network run's population rate; only sinks of sweeps recording rates take these. */
    default void rate(Tables.RateRecord record) throws IOException {
        throw new UnsupportedOperationException("this sink takes no population rates");
    }

    /** A threshold search's outcome; only sinks of searching sweeps take these. */
    default void threshold(Tables.ThresholdRecord record) throws IOException {
        throw new UnsupportedOperationException("this sink takes no thresholds");
    }
}
