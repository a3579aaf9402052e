package org.hhsweep.sim.sweep;

/**
 * The outcome of one threshold search.
 *
 * @param status      {@link #OK}, {@link #NO_CHANGE} or {@link #DIVERGED}
 * @param threshold   the smallest probed value where the criterion held, the upper end of the
 *                    final bracket; null unless the status is OK
 * @param bracketLow  the final bracket: the criterion failed here (OK); [from, to] when there was
 *                    no change; the bracket when a probe diverged
 * @param bracketHigh the criterion held here (OK)
 * @param iterations  bisection steps (probes beyond the two ends)
 * @param probes      simulations run
 * @param diverged    neurons that diverged in the probe that stopped the search (0 otherwise)
 * @param detail      what happened, in words (at which ends the criterion held, where a probe diverged)
 */
public record SearchResult(String status, Double threshold, double bracketLow, double bracketHigh, int iterations,
                           int probes, int diverged, String detail) {

    public static final String OK = "ok";
    /** The criterion does not change from failing to holding over [from, to]. */
    public static final String NO_CHANGE = "no_change_in_bracket";
    /** A probe's neuron diverged: the criterion is undefined there and the search stopped. */
    public static final String DIVERGED = "diverged";
}
