package org.hhsweep.sim.stimulus;

import org.hhsweep.sim.TimeGrid;

/** Rectangular pulses (a single one, or a train when the period is positive), per neuron. */
public final class PulseCurrent implements Stimulus {
    private final long[] onsetStep;
    private final long[] lengthSteps;
    private final long[] periodSteps;
    private final double[] amplitude;

    public PulseCurrent(double[] onset, double[] duration, double[] amplitude, double[] period, double dt) {
        int n = amplitude.length;
        this.onsetStep = new long[n];
        this.lengthSteps = new long[n];
        this.periodSteps = new long[n];
        this.amplitude = amplitude.clone();
        for (int i = 0; i < n; i++) {
            onsetStep[i] = TimeGrid.firstStepAtOrAfter(onset[i], dt);
            lengthSteps[i] = TimeGrid.firstStepAtOrAfter(onset[i] + duration[i], dt) - onsetStep[i];
            periodSteps[i] = period[i] > 0 ? Math.max(1, Math.round(period[i] / dt)) : 0;
        }
    }

    @Override
    public void current(long step, double[] out) {
        for (int i = 0; i < amplitude.length; i++) {
            long since = step - onsetStep[i];
            if (since >= 0 && periodSteps[i] > 0) {
                since %= periodSteps[i];
            }
            out[i] = since >= 0 && since < lengthSteps[i] ? amplitude[i] : 0.0;
        }
    }
}
