package org.hhsweep.sim.network;

/**
 * A population's firing rate as a time series, the {@code population_rates} table's rows: bin b
 * covers the steps in [b binMs, (b + 1) binMs) and holds the spikes of those steps per neuron per
 * second. A spike's time is the end of its crossing step, so bin b holds the spike times in
 * (b binMs, (b + 1) binMs]: a spike at the run's last instant is in the last bin. The last bin may
 * be shorter than binMs and is divided by its own length. Every neuron of the population counts
 * in the divisor, diverged or not.
 */
public record PopulationRates(String population, double binMs, double[] rateHz) {
}
