package org.hhsweep.sim.network;

import org.hhsweep.sim.record.SpikeDetector;

/**
 * A synapse group while it runs: after each step it decays its conductance on the targets exactly
 * (g *= e^(-dt/tau)), queues the sources that spiked in the step for delivery delaySteps later, and
 * delivers what is due, adding the weight to each target's g. The queue is a ring of delaySteps + 1
 * slots of at most one entry per source: a spike is queued and delivered without allocating.
 */
final class Projection {
    private final Connectivity connectivity;
    private final SpikeDetector sources;
    private final double[] g;
    private final double weight;
    private final double decay;
    private final int slots;
    private final int[][] ring;
    private final int[] queued;

    /**
     * @param sources the source population's detector, which lists who spiked in the last step
     * @param g       the targets' conductance array of this group (in their block)
     */
    Projection(Connectivity connectivity, SpikeDetector sources, double[] g, double weight, double tauMs, double dt,
               long delaySteps) {
        this.connectivity = connectivity;
        this.sources = sources;
        this.g = g;
        this.weight = weight;
        this.decay = Math.exp(-dt / tauMs);
        if (delaySteps < 0 || delaySteps >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a delay of 0 or more steps that an int counts, got " + delaySteps);
        }
        this.slots = (int) delaySteps + 1;
        this.ring = new int[slots][connectivity.sources];
        this.queued = new int[slots];
    }

    /** After step k of every population: decay, queue step k's spikes, deliver those due at the end of step k. */
    void afterStep(long k) {
        double[] g = this.g;
        double d = decay;
        for (int i = 0; i < g.length; i++) {
            g[i] *= d;
        }
        int in = (int) ((k + slots - 1) % slots);
        int[] slot = ring[in];
        int n = queued[in];
        for (int j = 0, fired = sources.firedCount(); j < fired; j++) {
            slot[n++] = sources.fired(j);
        }
        queued[in] = n;

        int out = (int) (k % slots);
        int[] due = ring[out];
        int[] rowStart = connectivity.rowStart;
        int[] target = connectivity.target;
        double w = weight;
        for (int j = 0, m = queued[out]; j < m; j++) {
            int s = due[j];
            for (int q = rowStart[s], end = rowStart[s + 1]; q < end; q++) {
                g[target[q]] += w;
            }
        }
        queued[out] = 0;
    }
}
