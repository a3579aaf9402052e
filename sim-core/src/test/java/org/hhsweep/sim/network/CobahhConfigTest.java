package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/** The shipped COBAHH configs: the benchmark's numbers, its network run for 200 ms, the sweep's grid. */
class CobahhConfigTest {
    private static final Path CONF = Path.of("..", "conf");

    @Test
    void cobahhIsTheBenchmark() {
        SweepConfig c = ConfigLoader.load(CONF.resolve("cobahh.yaml"));
        NetworkSpec n = c.network();
        assertEquals(4000, n.neurons());
        assertEquals(3200, n.population("E").size());
        assertEquals(InitialValue.normal(-65.0, 5.0), n.population("I").initialV());
        assertEquals(InitialValue.normal(0.2, 0.075), n.population("E").initialG("EE"));
        assertEquals(InitialValue.normal(1.0, 0.6), n.population("I").initialG("II"));
        assertEquals(-20.0, n.population("E").model().Vth());
        assertEquals(0.335, n.synapses().get(3).weight(), 1e-15);
        assertEquals(Method.EXP_EULER_REFERENCE, c.spec().base().method());
        assertEquals(1.0, c.spec().base().ratesBinMs());
    }

    @Test
    void cobahhRunsFor200MsAtFullSize() {
        RunTemplate t = ConfigLoader.load(CONF.resolve("cobahh.yaml")).spec().base();
        SimulationSettings settings = new SimulationSettings(t.dt(), 200.0, Method.EXP_EULER_FAST, Double.NaN,
                Double.NaN, List.of(), 1, false, t.settings().divergenceBoundMv());
        long start = System.nanoTime();
        NetworkResult r = NetworkSimulation.run(t.network(), settings, 1L, t.ratesBinMs());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of("E", "I"), r.summaries().stream().map(PopulationSummary::population).toList());
        assertEquals(List.of("E", "I"), r.rates().stream().map(PopulationRates::population).toList());
        for (PopulationSummary s : r.summaries()) {
            assertTrue(Double.isFinite(s.meanRateHz()) && s.meanRateHz() > 0, s.toString());
            assertTrue(Double.isFinite(s.synchronyChi()), s.toString());
            assertTrue(s.silentFraction() >= 0 && s.silentFraction() <= 1, s.toString());
        }
        for (PopulationRates rates : r.rates()) {
            assertEquals(200, rates.rateHz().length);
            for (double v : rates.rateHz()) {
                assertTrue(Double.isFinite(v) && v >= 0, rates.population() + ": " + v);
            }
        }
        System.out.printf("CobahhConfigTest: 4000 cells for 200 ms in %.1f s; E %.1f Hz, I %.1f Hz, chi E %.3f%n",
                seconds, r.summaries().get(0).meanRateHz(), r.summaries().get(1).meanRateHz(),
                r.summaries().get(0).synchronyChi());
    }

    @Test
    void theSweepIsAFiveByFiveGridOfTheWeightsOntoE() {
        SweepSpec s = ConfigLoader.load(CONF.resolve("cobahh-sweep.yaml")).spec();
        assertEquals(50, s.runCount());
        assertEquals(List.of("network.synapses.EE.weight", "network.synapses.IE.weight"), s.sweptPaths());
        NetworkSpec last = s.run(49).template().network();
        assertEquals(0.05, last.synapses().get(0).weight(), 1e-12);
        assertEquals(0.535, last.synapses().get(2).weight(), 1e-12);
        assertEquals(0.03, last.synapses().get(1).weight(), 1e-15, "EI is not swept");
    }
}
