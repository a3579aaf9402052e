package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plain float64 implementation the tests use as an independent judge reproduces the reference
 * numbers: every spike count, the 500..1000 ms counts, the first spike's step and its peak.
 */
class PlainHodgkinHuxleyTest {
    private static final double DT = 0.01;

    @Test
    void reproducesTheReferenceTable() {
        for (JsonNode ref : ReferenceData.root().get("constant_current_1000ms_dt0.01")) {
            double[] current = new double[100_000];
            Arrays.fill(current, ref.get("I").asDouble());
            PlainHodgkinHuxley neuron = new PlainHodgkinHuxley();
            List<Long> spikes = neuron.spikeSteps(current, DT);
            String where = "I = " + ref.get("I").asDouble();
            assertEquals(ref.get("spike_count").asInt(), spikes.size(), where);
            assertEquals(ref.get("spikes_in_500_1000ms").asInt(), spikes.stream().filter(k -> k >= 50_000).count(), where);
            if (!spikes.isEmpty()) {
                assertEquals(Math.round(ref.get("first_spike_ms").asDouble() / DT), spikes.get(0) + 1, where);
                assertEquals(ref.get("first_spike_peak_mV").asDouble(), firstPeak(ref.get("I").asDouble()), 1e-9, where);
            }
        }
    }

    @Test
    void restsWhereTheReferenceRests() {
        PlainHodgkinHuxley neuron = new PlainHodgkinHuxley();
        for (int k = 0; k < 10_000; k++) {
            neuron.step(0.0, DT);
        }
        assertEquals(ReferenceData.root().at("/rest/after_100ms_at_I0_dt0.01/V").asDouble(), neuron.v(), 1e-9);
    }

    /** The largest V from the first crossing until V falls below threshold again. */
    private static double firstPeak(double current) {
        PlainHodgkinHuxley neuron = new PlainHodgkinHuxley();
        double peak = Double.NEGATIVE_INFINITY;
        boolean in = false;
        for (int k = 0; k < 100_000; k++) {
            double before = neuron.v();
            neuron.step(current, DT);
            in |= before < 20 && neuron.v() >= 20;
            if (in && neuron.v() < 20) {
                break;
            }
            if (in) {
                peak = Math.max(peak, neuron.v());
            }
        }
        assertTrue(in, "no spike");
        return peak;
    }
}
