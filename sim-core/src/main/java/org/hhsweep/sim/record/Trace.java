package org.hhsweep.sim.record;

/**
 * A recorded time series: values[j] is the variable at t0Ms + j * dtMs. For V, m, h, n that is the
 * state at that time; for I, the current applied during the step that ended then.
 *
 * @param neuron the neuron's position in its block
 */
public record Trace(int neuron, TraceVariable variable, double t0Ms, double dtMs, float[] values) {
}
