package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void runsRateAndTimeLeft() {
        // 2.5e8 of 1e9 neuron-steps in 25 s: 1e7/s, 75 s left
        assertEquals("runs 250/1,000 (25%), 1.00e+07 neuron-steps/s, ~1m 15s left",
                ProgressLine.format(250, 1000, 250_000_000L, 1_000_000_000L, 25));
        assertEquals("runs 0/1,000 (0%)", ProgressLine.format(0, 1000, 0, 1_000_000_000L, 3));
    }

    @Test
    void durations() {
        assertEquals("42 s", ProgressLine.duration(42.4));
        assertEquals("3m 05s", ProgressLine.duration(185));
        assertEquals("2h 04m", ProgressLine.duration(2 * 3600 + 4 * 60 + 59));
    }
}
