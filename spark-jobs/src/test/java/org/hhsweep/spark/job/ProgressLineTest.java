package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void runsRateAndTimeLeft() {
        // 2.5e8 of 1e9 neuron-steps done at 1e7/s: 75 s left
        assertEquals("runs 250/1,000 (25%), 1.00e+07 neuron-steps/s, ~1m 15s left",
                ProgressLine.format(250, 1000, 250_000_000L, 1_000_000_000L, 1e7, null));
    }

    @Test
    void noRateYetSaysEstimating() {
        assertEquals("runs 0/1,000 (0%), estimating time left",
                ProgressLine.format(0, 1000, 0, 1_000_000_000L, Double.NaN, null));
        assertEquals("runs 3/1,000 (0%), estimating time left; no executor alive for 21 s",
                ProgressLine.format(3, 1000, 300, 1_000_000_000L, Double.NaN, "no executor alive for 21 s"));
    }

    @Test
    void aNoteFollowsTheTimeLeft() {
        assertEquals("runs 500/1,000 (50%), 2.00e+06 neuron-steps/s, ~4m 10s left; no progress for 33 s",
                ProgressLine.format(500, 1000, 500_000_000L, 1_000_000_000L, 2e6, "no progress for 33 s"));
    }

    @Test
    void durations() {
        assertEquals("42 s", ProgressLine.duration(42.4));
        assertEquals("3m 05s", ProgressLine.duration(185));
        assertEquals("2h 04m", ProgressLine.duration(2 * 3600 + 4 * 60 + 59));
    }
}
