package org.hhsweep.sim.stimulus;

import org.hhsweep.sim.TimeGrid;

/** A linear ramp per neuron, zero outside [onset, onset + duration). */
public final class RampCurrent implements Stimulus {
    private final long[] onsetStep;
    private final long[] lengthSteps;
    private final double[] from;
    private final double[] slopePerStep;

    public RampCurrent(double[] onset, double[] duration, double[] from, double[] to, double dt) {
        int n = from.length;
        this.onsetStep = new long[n];
        this.lengthSteps = new long[n];
        this.from = from.clone();
        this.slopePerStep = new double[n];
        for (int i = 0; i < n; i++) {
            onsetStep[i] = TimeGrid.firstStepAtOrAfter(onset[i], dt);
            lengthSteps[i] = TimeGrid.firstStepAtOrAfter(onset[i] + duration[i], dt) - onsetStep[i];
            slopePerStep[i] = (to[i] - from[i]) * dt / duration[i];
        }
    }

    @Override
    public void current(long step, double[] out) {
        for (int i = 0; i < from.length; i++) {
            long since = step - onsetStep[i];
            out[i] = since >= 0 && since < lengthSteps[i] ? from[i] + slopePerStep[i] * since : 0.0;
        }
    }
}
