package org.hhsweep.sim;

/**
 * The time grid of a run: step k covers [k*dt, (k+1)*dt). Times in ms are turned into step
 * indices once, here, so stimuli and windows compare integers in the hot loop and agree with each
 * other about which step a time falls in.
 */
public final class TimeGrid {
    private TimeGrid() {
    }

    /**
     * The first step k whose start time k*dt is at or after t. The relative slack absorbs the
     * rounding in t/dt (5.0/0.01 is 499.99999999999994), so 5 ms at dt 0.01 ms is step 500.
     */
    public static long firstStepAtOrAfter(double t, double dt) {
        double k = t / dt;
        return (long) Math.ceil(k - 1e-9 * Math.max(1.0, Math.abs(k)));
    }

    /** The number of steps of a run of the given duration: the duration rounded to whole steps. */
    public static long steps(double duration, double dt) {
        return Math.round(duration / dt);
    }

    /** The time at the end of step k, when its new state holds: the tutorial's spike time. */
    public static double endOfStep(long step, double dt) {
        return (step + 1) * dt;
    }
}
