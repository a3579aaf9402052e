package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.stimulus.Stimuli;
import org.hhsweep.sim.stimulus.Stimulus;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A neuron's result must not depend on its company: simulated alone, inside a block of 4096
 * neurons with other parameters, stimuli and seeds (some of them blowing up), at another position
 * of another block, and in a block whose stimuli are all of its own type, it must give the same
 * bits: state and input at every step (float64), spike times, statistics and float32 traces.
 */
class DeterminismTest {
    private static final SimulationSettings BASE = SimulationSettings.of(0.01, 20.0, Method.EXP_EULER_REFERENCE)
            .withTraces(List.of(TraceVariable.values()), 1);

    /** One neuron per stimulus type and sharing, each with its own parameters and seed. */
    private static final NeuronSpec[] TARGETS = {
            target(0, 110.0, new StimulusSpec.Constant(10.0)),
            target(1, 125.0, new StimulusSpec.Pulse(3.0, 2.0, 20.0, 10.0)),
            target(2, 120.0, new StimulusSpec.Ramp(0.0, 20.0, 0.0, 25.0)),
            target(3, 120.0, new StimulusSpec.Uniform(2.0, 14.0, true)),
            target(4, 130.0, new StimulusSpec.Uniform(1.0, 10.0, false)),
            target(5, 115.0, new StimulusSpec.Gaussian(8.0, 40.0, false)),
            target(6, 120.0, new StimulusSpec.Gaussian(8.0, 40.0, true)),
            target(7, 120.0, new StimulusSpec.OrnsteinUhlenbeck(8.0, 3.0, 2.0, false)),
            target(8, 105.0, new StimulusSpec.OrnsteinUhlenbeck(8.0, 3.0, 2.0, true))};
    private static final int[] POSITIONS_IN_4096 = {0, 4095, 1234, 2048, 77, 3000, 999, 4000, 513};
    private static final int[] POSITIONS_IN_1000 = {999, 0, 500, 1, 998, 250, 750, 333, 667};

    private static NeuronSpec target(int j, double gNa, StimulusSpec stimulus) {
        NeuronModel p = ModelLibrary.hh().with("gNa", gNa).with("gL", 0.03 + 0.01 * j);
        return new NeuronSpec(p, -65.0 + j, stimulus, 1000 + 17L * j, 3 + j, true);
    }

    /** What one neuron gave: everything Simulator returns for it and its float64 history. */
    private record Outcome(NeuronStatistics statistics, double[] spikes, double[] interpolated,
                           List<float[]> traces, StateHistory history) {
    }

    /** A simulated block and the outcomes of the neurons watched in it. */
    private record Run(BlockResult result, Outcome[] watched) {
    }

    private static Run simulate(SimulationSettings settings, NeuronSpec[] block, int[] positions) {
        BlockResult result = Simulator.simulate(settings, block);
        StateHistory[] histories = Replay.run(settings, block, positions);
        Outcome[] out = new Outcome[positions.length];
        for (int j = 0; j < positions.length; j++) {
            int p = positions[j];
            List<float[]> traces = new ArrayList<>();
            for (TraceVariable variable : TraceVariable.values()) {
                traces.add(trace(result, p, variable));
            }
            out[j] = new Outcome(result.statistics()[p], result.spikeTimes()[p], result.interpolatedTimes()[p],
                    traces, histories[j]);
        }
        return new Run(result, out);
    }

    private static float[] trace(BlockResult result, int neuron, TraceVariable variable) {
        for (Trace t : result.traces()) {
            if (t.neuron() == neuron && t.variable() == variable) {
                return t.values();
            }
        }
        throw new AssertionError("no " + variable + " trace of neuron " + neuron);
    }

    /** A block of neighbours of every kind around the targets at the given positions. */
    private static NeuronSpec[] block(int size, int[] positions, NeuronSpec[] targets, SplittableRandom random,
                                      String onlyType) {
        NeuronSpec[] block = new NeuronSpec[size];
        for (int i = 0; i < size; i++) {
            block[i] = neighbour(random, onlyType);
        }
        for (int j = 0; j < positions.length; j++) {
            block[positions[j]] = targets[j];
        }
        return block;
    }

    private static NeuronSpec neighbour(SplittableRandom r, String onlyType) {
        NeuronModel p = TutorialModel.of(r.nextDouble(40, 60), r.nextDouble(80, 160), r.nextDouble(-85, -70),
                r.nextDouble(20, 50), r.nextDouble(-60, -50), r.nextDouble(0.01, 0.5), r.nextDouble(0.5, 2.0),
                r.nextDouble(-10, 30));
        String type = onlyType != null ? onlyType : StimulusSpec.TYPES.get(r.nextInt(StimulusSpec.TYPES.size()));
        boolean shared = r.nextBoolean();
        StimulusSpec s = switch (type) {
            // one constant neighbour in 50 is driven hard enough to blow up
            case "constant" -> new StimulusSpec.Constant(r.nextInt(50) == 0 ? 1e6 : r.nextDouble(-5, 30));
            case "pulse" -> new StimulusSpec.Pulse(r.nextDouble(0, 15), r.nextDouble(0.1, 5), r.nextDouble(0, 40),
                    r.nextBoolean() ? 0.0 : r.nextDouble(2, 10));
            case "ramp" -> new StimulusSpec.Ramp(r.nextDouble(0, 10), r.nextDouble(1, 20), r.nextDouble(-5, 5),
                    r.nextDouble(0, 40));
            case "uniform" -> new StimulusSpec.Uniform(r.nextDouble(-5, 5), r.nextDouble(5, 25), shared);
            case "gaussian" -> new StimulusSpec.Gaussian(r.nextDouble(0, 15), r.nextDouble(0, 50), shared);
            case "ou" -> new StimulusSpec.OrnsteinUhlenbeck(r.nextDouble(0, 15), r.nextDouble(0, 10),
                    r.nextDouble(0.5, 10), shared);
            default -> throw new IllegalStateException(type);
        };
        // seeds near the targets' too, so some neighbours share a target's run stream
        long seed = r.nextInt(4) == 0 ? 1000 + 17L * r.nextInt(TARGETS.length) : r.nextLong();
        return new NeuronSpec(p, r.nextDouble(-80, -55), s, seed, r.nextInt(10_000), false);
    }

    private static void assertSame(Outcome expected, Outcome actual, String where) {
        assertEquals(expected.statistics(), actual.statistics(), where + ": statistics");
        assertArrayEquals(expected.spikes(), actual.spikes(), where + ": spike times");
        assertArrayEquals(expected.interpolated(), actual.interpolated(), where + ": interpolated spike times");
        for (int v = 0; v < expected.traces().size(); v++) {
            assertArrayEquals(expected.traces().get(v), actual.traces().get(v),
                    where + ": float32 trace of " + TraceVariable.values()[v]);
        }
        StateHistory e = expected.history(), a = actual.history();
        assertArrayEquals(e.current, a.current, where + ": input current");
        assertArrayEquals(e.v, a.v, where + ": V");
        assertArrayEquals(e.m, a.m, where + ": m");
        assertArrayEquals(e.h, a.h, where + ": h");
        assertArrayEquals(e.n, a.n, where + ": n");
        double[] fe = e.finalState(), fa = a.finalState();
        for (int k = 0; k < 4; k++) {
            assertEquals(Double.doubleToRawLongBits(fe[k]), Double.doubleToRawLongBits(fa[k]), where + ": final state " + k);
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void aNeuronGivesTheSameBitsAloneAndInAnyBlock(Method method) {
        SimulationSettings settings = new SimulationSettings(BASE.dt(), BASE.durationMs(), method, Double.NaN,
                Double.NaN, BASE.traceVariables(), 1, true, BASE.divergenceBoundMv());

        Outcome[] alone = new Outcome[TARGETS.length];
        for (int j = 0; j < TARGETS.length; j++) {
            alone[j] = simulate(settings, new NeuronSpec[] {TARGETS[j]}, new int[] {0}).watched()[0];
            assertTrue(alone[j].statistics().spikeCount() > 0, "target " + j + " should spike to be a good witness");
        }

        NeuronSpec[] big = block(4096, POSITIONS_IN_4096, TARGETS, new SplittableRandom(1), null);
        Run bigRun = simulate(settings, big, POSITIONS_IN_4096);
        Outcome[] inBig = bigRun.watched();
        long diverged = 0;
        for (NeuronStatistics s : bigRun.result().statistics()) {
            diverged += s.diverged() ? 1 : 0;
        }
        assertTrue(diverged > 0, "the block should hold neighbours that blow up");

        NeuronSpec[] other = block(1000, POSITIONS_IN_1000, TARGETS, new SplittableRandom(2), null);
        Outcome[] inOther = simulate(settings, other, POSITIONS_IN_1000).watched();

        for (int j = 0; j < TARGETS.length; j++) {
            String type = TARGETS[j].stimulus().type() + (TARGETS[j].stimulus().shared() ? " (shared)" : "");
            assertSame(alone[j], inBig[j], "target " + j + " " + type + " at " + POSITIONS_IN_4096[j] + " of 4096");
            assertSame(alone[j], inOther[j], "target " + j + " " + type + " at " + POSITIONS_IN_1000[j] + " of 1000");

            // a block whose stimuli are all of the target's type takes the non-mixed path
            NeuronSpec[] sameType = block(33, new int[] {17}, new NeuronSpec[] {TARGETS[j]}, new SplittableRandom(3 + j),
                    TARGETS[j].stimulus().type());
            assertSame(alone[j], simulate(settings, sameType, new int[] {17}).watched()[0],
                    "target " + j + " " + type + " among 33 of its type");
        }
    }

    @Test
    void aMixedBlockGivesEachNeuronTheCurrentOfItsOwnSpec() {
        SplittableRandom random = new SplittableRandom(11);
        int size = 300;
        StimulusSpec[] specs = new StimulusSpec[size];
        long[] keys = new long[size];
        Set<String> types = new HashSet<>();
        for (int i = 0; i < size; i++) {
            NeuronSpec n = neighbour(random, null);
            specs[i] = n.stimulus();
            keys[i] = Simulator.stimulusKey(n);
            types.add(specs[i].type());
        }
        assertEquals(StimulusSpec.TYPES.size(), types.size(), "every type in the block");

        double dt = 0.05;
        Stimulus mixed = Stimuli.forBlock(specs, keys, dt);
        Stimulus[] alone = new Stimulus[size];
        for (int i = 0; i < size; i++) {
            alone[i] = Stimuli.forBlock(new StimulusSpec[] {specs[i]}, new long[] {keys[i]}, dt);
        }
        double[] block = new double[size];
        double[] single = new double[1];
        for (long k = 0; k < 2000; k++) {
            mixed.current(k, block);
            for (int i = 0; i < size; i++) {
                alone[i].current(k, single);
                assertEquals(Double.doubleToRawLongBits(single[0]), Double.doubleToRawLongBits(block[i]),
                        "neuron " + i + " (" + specs[i] + ") step " + k);
            }
        }
    }
}
