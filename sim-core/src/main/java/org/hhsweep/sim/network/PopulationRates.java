package org.hhsweep.sim.network;

/**
 * A population's firing rate as a time series, the {@code population_rates} table's rows: bin b
 * covers [b binMs, (b + 1) binMs) and holds the spikes of that time (a spike's time is the end of
 * its crossing step) per neuron per second. The last bin may be shorter than binMs and is divided
 * by its own length.
 */
public record PopulationRates(String population, double binMs, double[] rateHz) {
}
