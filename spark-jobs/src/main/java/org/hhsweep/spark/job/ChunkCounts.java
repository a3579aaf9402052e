package org.hhsweep.spark.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hhsweep.spark.io.Json;

/**
 * What a chunk reports back to the driver: small counts, plus each neuron's spike count when the
 * whole sweep is small enough to list them.
 *
 * @param rateSumHz sum of rate_hz over the neurons that did not diverge
 * @param okNeurons neurons that did not diverge
 * @param perNeuron spike counts by neuron, or empty
 * @param lanes     the code the JVM that simulated the chunk had for the SIMD-capable methods
 *                  ({@link KernelUse#lanes()}): kept with the counts, so a resumed sweep knows it
 *                  of the chunks an earlier attempt ran; null when not recorded (older outputs)
 */
public record ChunkCounts(long chunk, long runs, long neurons, long spikes, long diverged, long neuronSteps,
                          double rateSumHz, long okNeurons, List<NeuronSpikes> perNeuron, String lanes)
        implements Serializable {

    public ChunkCounts(long chunk, long runs, long neurons, long spikes, long diverged, long neuronSteps,
                       double rateSumHz, long okNeurons, List<NeuronSpikes> perNeuron) {
        this(chunk, runs, neurons, spikes, diverged, neuronSteps, rateSumHz, okNeurons, perNeuron, null);
    }

    /** Key of a chunk's counts (JSON) in the footer of its runs file, so a resumed sweep can total them. */
    public static final String FOOTER_KEY = "hhsweep.chunk_counts";

    /** A neuron's spike count (null if it diverged). */
    public record NeuronSpikes(long runId, int neuron, Integer spikes) implements Serializable {
    }

    /** The totals of chunks, summed in chunk order so the result does not depend on partitioning. */
    public static ChunkCounts total(List<ChunkCounts> chunks) {
        List<ChunkCounts> sorted = new ArrayList<>(chunks);
        sorted.sort(Comparator.comparingLong(ChunkCounts::chunk));
        long runs = 0, neurons = 0, spikes = 0, diverged = 0, steps = 0, ok = 0;
        double rates = 0;
        List<NeuronSpikes> per = new ArrayList<>();
        for (ChunkCounts c : sorted) {
            runs += c.runs;
            neurons += c.neurons;
            spikes += c.spikes;
            diverged += c.diverged;
            steps += c.neuronSteps;
            rates += c.rateSumHz;
            ok += c.okNeurons;
            per.addAll(c.perNeuron);
        }
        return new ChunkCounts(-1, runs, neurons, spikes, diverged, steps, rates, ok, List.copyOf(per));
    }

    public ChunkCounts withLanes(String code) {
        return new ChunkCounts(chunk, runs, neurons, spikes, diverged, neuronSteps, rateSumHz, okNeurons, perNeuron,
                code);
    }

    public String toJson() {
        return Json.write(this);
    }

    public static ChunkCounts fromJson(String json) {
        return Json.read(json, ChunkCounts.class);
    }

    /** Mean firing rate over the neurons that did not diverge, NaN if none. */
    public double meanRateHz() {
        return okNeurons == 0 ? Double.NaN : rateSumHz / okNeurons;
    }
}
