package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Brette et al. 2007 benchmark 3 (COBAHH) as Brian2's examples/COBAHH.py sets it up, against the
 * rates Brian2 gives over eight seeds ({@value Brian2NetworkTest#RESOURCE}, section {@code cobahh},
 * from {@code bench/brian2_network.py cobahh}). The connectivity and initial values are random, so
 * the numbers are statistics, not spike for spike: each seed's E and I rates must fall in Brian2's
 * range over its seeds widened by 10%, and the mean over seeds within Brian2's range; with the
 * weights 0 every cell fires tonically, at Brian2's mean rate within 2%.
 */
class CobahhRatesTest {
    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CobahhRatesTest.class.getResourceAsStream(Brian2NetworkTest.RESOURCE)) {
            reference = new ObjectMapper().readTree(in).get("cobahh");
        }
    }

    /** The example's network: its parameters read from the reference, gates starting at 0 as there. */
    static NetworkSpec cobahh(double weightE, double weightI) {
        JsonNode p = reference.get("parameters");
        return cobahh(weightE, weightI, p.get("N_E").asInt(), p.get("N_I").asInt());
    }

    /** The example's network with populations of other sizes (for the memory bench). */
    static NetworkSpec cobahh(double weightE, double weightI, int sizeE, int sizeI) {
        JsonNode p = reference.get("parameters");
        NeuronModel cell = ModelLibrary.model(p.get("model").asText());
        for (String gate : List.of("channels.na.gates.m", "channels.na.gates.h", "channels.k.gates.n")) {
            cell = cell.with(gate + ".initial", 0.0);
        }
        double v0Mean = p.get("v0_mV").get("normal").get(0).asDouble();
        double v0Sd = p.get("v0_mV").get("normal").get(1).asDouble();
        InitialValue ge = InitialValue.normal(perArea(p.get("ge0_mS_cm2").get("normal").get(0)),
                perArea(p.get("ge0_mS_cm2").get("normal").get(1)));
        InitialValue gi = InitialValue.normal(perArea(p.get("gi0_mS_cm2").get("normal").get(0)),
                perArea(p.get("gi0_mS_cm2").get("normal").get(1)));
        double refractory = p.get("refractory_ms").asDouble();
        Population e = Population.of("E", sizeE, cell).withRefractory(refractory)
                .withInitial(Population.V, InitialValue.normal(v0Mean, v0Sd))
                .withInitial("g_EE", ge).withInitial("g_IE", gi);
        Population i = Population.of("I", sizeI, cell).withRefractory(refractory)
                .withInitial(Population.V, InitialValue.normal(v0Mean, v0Sd))
                .withInitial("g_EI", ge).withInitial("g_II", gi);
        ConnectRule rule = new ConnectRule.Probability(p.get("p").asDouble(), true);
        double tauE = p.get("tau_E_ms").asDouble(), tauI = p.get("tau_I_ms").asDouble();
        double eE = p.get("E_E_mV").asDouble(), eI = p.get("E_I_mV").asDouble();
        return new NetworkSpec(List.of(e, i), List.of(
                new SynapseGroup("EE", "E", "E", rule, weightE, tauE, eE, 0.0),
                new SynapseGroup("EI", "E", "I", rule, weightE, tauE, eE, 0.0),
                new SynapseGroup("IE", "I", "E", rule, weightI, tauI, eI, 0.0),
                new SynapseGroup("II", "I", "I", rule, weightI, tauI, eI, 0.0)));
    }

    /** A value the reference converted from nS over 20,000 um^2 (0.19999999999999996), as written in mS/cm^2 (0.2). */
    private static double perArea(JsonNode converted) {
        return Math.round(converted.asDouble() * 1e12) / 1e12;
    }

    private static SimulationSettings settings() {
        JsonNode p = reference.get("parameters");
        return SimulationSettings.of(p.get("dt_ms").asDouble(), p.get("duration_ms").asDouble(), Method.EXP_EULER_FAST);
    }

    static double meanRate(NetworkResult r, String population) {
        double sum = 0;
        NeuronStatistics[] stats = r.population(population).statistics();
        for (NeuronStatistics s : stats) {
            sum += s.rateHz();
        }
        return sum / stats.length;
    }

    @Test
    void ratesOverSeedsAreInBrian2sRange() {
        JsonNode p = reference.get("parameters");
        JsonNode over = reference.get("over_seeds");
        NetworkSpec spec = cobahh(p.get("w_E_mS_cm2").asDouble(), p.get("w_I_mS_cm2").asDouble());
        int seeds = 3;
        double sumE = 0, sumI = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            NetworkResult r = NetworkSimulation.run(spec, settings(), seed);
            double rateE = meanRate(r, "E"), rateI = meanRate(r, "I");
            System.out.printf("COBAHH seed %d: E %.2f Hz, I %.2f Hz%n", seed, rateE, rateI);
            within(rateE, over.get("rate_E_Hz"), 0.10, "E rate, seed " + seed);
            within(rateI, over.get("rate_I_Hz"), 0.10, "I rate, seed " + seed);
            sumE += rateE;
            sumI += rateI;
        }
        within(sumE / seeds, over.get("rate_E_Hz"), 0.0, "E rate over seeds");
        within(sumI / seeds, over.get("rate_I_Hz"), 0.0, "I rate over seeds");
    }

    @Test
    void withoutSynapticWeightsEveryCellFiresTonicallyAtBrian2sRate() {
        JsonNode zero = reference.get("weights_zero");
        NetworkResult r = NetworkSimulation.run(cobahh(0.0, 0.0), settings(), 1);
        double rate = (meanRate(r, "E") * 3200 + meanRate(r, "I") * 800) / 4000;
        double brian2 = zero.get("rate_mean_Hz").get("mean").asDouble();
        System.out.printf("COBAHH weights 0: %.3f Hz (Brian2 %.3f Hz)%n", rate, brian2);
        assertTrue(Math.abs(rate - brian2) <= 0.02 * brian2, "mean rate " + rate + " Hz, Brian2 " + brian2 + " Hz");
        for (String population : List.of("E", "I")) {
            for (NeuronStatistics s : r.population(population).statistics()) {
                assertTrue(s.rateHz() >= zero.get("rate_min_Hz").asDouble() - 1
                        && s.rateHz() <= zero.get("rate_max_Hz").asDouble() + 1, "a cell's rate " + s.rateHz());
            }
        }
    }

    private static void within(double value, JsonNode range, double widen, String what) {
        double min = range.get("min").asDouble(), max = range.get("max").asDouble();
        assertTrue(value >= min * (1 - widen) && value <= max * (1 + widen),
                what + " " + value + " Hz outside Brian2's [" + min + ", " + max + "] Hz"
                        + (widen > 0 ? " widened by " + (int) (100 * widen) + "%" : ""));
    }
}
