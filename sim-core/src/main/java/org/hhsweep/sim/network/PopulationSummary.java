package org.hhsweep.sim.network;

/**
 * One population's activity over a run, the {@code populations} table's row.
 *
 * @param population     its name in the config
 * @param neurons        its size
 * @param meanRateHz     spikes per neuron per second over the run, averaged over the neurons that did not diverge
 * @param cvIsiMean      the coefficient of variation of the inter-spike intervals, averaged over the neurons
 *                       with at least three spikes; NaN when none has
 * @param synchronyChi   Golomb's (2007) chi: sqrt(var_t(mean_i V_i) / mean_i var_t(V_i)), 0 for independent
 *                       neurons, 1 for identical ones; NaN when every neuron's V is constant
 * @param silentFraction the fraction of neurons without a spike
 */
public record PopulationSummary(String population, int neurons, double meanRateHz, double cvIsiMean,
                                double synchronyChi, double silentFraction) {
}
