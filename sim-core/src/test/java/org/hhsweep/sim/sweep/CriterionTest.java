package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hhsweep.sim.stats.NeuronStatistics;
import org.junit.jupiter.api.Test;

class CriterionTest {
    /** A neuron with 3 spikes at 40 Hz, first at 12.5 ms, no window, V from -75 to 41 mV. */
    private static final NeuronStatistics THREE_SPIKES = new NeuronStatistics(3, 40.0, null, 12.5, 20.0, 0.1,
            -75.0, 41.0, NeuronStatistics.OK, null);
    private static final NeuronStatistics SILENT = new NeuronStatistics(0, 0.0, null, null, null, null,
            -70.0, -60.0, NeuronStatistics.OK, null);

    @Test
    void parsesEveryOperatorWithOrWithoutSpaces() {
        assertEquals(new Criterion("spike_count", ">=", 1), Criterion.parse("spike_count >= 1"));
        assertEquals(new Criterion("rate_hz", ">", 10), Criterion.parse("rate_hz>10"));
        assertEquals(new Criterion("first_spike_ms", "<=", 5.5), Criterion.parse("  first_spike_ms <= 5.5 "));
        assertEquals(new Criterion("v_max_mV", "<", 0), Criterion.parse("v_max_mV<0"));
        assertEquals(new Criterion("spike_count", "==", 6), Criterion.parse("spike_count == 6"));
        assertEquals(new Criterion("v_min_mV", ">", -70.5), Criterion.parse("v_min_mV > -70.5"));
        assertEquals(new Criterion("cv_isi", "<", 0.001), Criterion.parse("cv_isi < 1e-3"));
    }

    @Test
    void comparesAsWritten() {
        assertTrue(Criterion.parse("spike_count >= 3").holds(THREE_SPIKES));
        assertFalse(Criterion.parse("spike_count > 3").holds(THREE_SPIKES));
        assertTrue(Criterion.parse("spike_count == 3").holds(THREE_SPIKES));
        assertTrue(Criterion.parse("spike_count <= 3").holds(THREE_SPIKES));
        assertFalse(Criterion.parse("spike_count < 3").holds(THREE_SPIKES));
        assertTrue(Criterion.parse("rate_hz > 39.9").holds(THREE_SPIKES));
        assertTrue(Criterion.parse("first_spike_ms < 13").holds(THREE_SPIKES));
        assertTrue(Criterion.parse("v_max_mV >= 41").holds(THREE_SPIKES));
        assertFalse(Criterion.parse("spike_count >= 1").holds(SILENT));
        assertTrue(Criterion.parse("spike_count < 1").holds(SILENT));
    }

    @Test
    void anUndefinedStatisticNeverHolds() {
        // no spike: no first spike time, whichever way the comparison goes
        assertFalse(Criterion.parse("first_spike_ms < 1000").holds(SILENT));
        assertFalse(Criterion.parse("first_spike_ms >= 0").holds(SILENT));
        assertFalse(Criterion.parse("window_rate_hz >= 0").holds(THREE_SPIKES));
    }

    @Test
    void writesBackAsParsed() {
        assertEquals("spike_count >= 1", Criterion.parse("spike_count>=1").toString());
        assertEquals("rate_hz > 10.5", Criterion.parse("rate_hz > 10.5").toString());
        assertEquals(Criterion.parse("v_min_mV > -70.25"), Criterion.parse(Criterion.parse("v_min_mV > -70.25").toString()));
    }

    @Test
    void rejectsWhatIsNotACriterion() {
        for (String bad : new String[] {"", "spike_count", "spike_count >= ", ">= 1", "spikes >= 1", "spike_count => 1",
                "spike_count != 1", "rate_hz > 10 Hz", "rate_hz > NaN", "rate_hz > Infinity", "rate_hz > 1d",
                "spike_count >= 1 and rate_hz > 2"}) {
            assertThrows(Criterion.SyntaxException.class, () -> Criterion.parse(bad), bad);
        }
    }
}
