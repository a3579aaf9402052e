package org.hhsweep.sim;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.random.RandomStreams;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.record.StepObserver;
import org.hhsweep.sim.record.TraceRecorder;
import org.hhsweep.sim.record.VoltageRange;
import org.hhsweep.sim.stimulus.JaxUniformCurrent;
import org.hhsweep.sim.stimulus.Stimuli;
import org.hhsweep.sim.stimulus.Stimulus;
import org.hhsweep.sim.stimulus.StimulusSpec;

/**
 * The one entry point a job calls: neuron specs in, statistics, spikes and traces out. The neurons
 * of one call share their model's kinetics (BlockPlanner groups them so).
 */
public final class Simulator {
    private Simulator() {
    }

    public static BlockResult simulate(SimulationSettings settings, NeuronSpec[] neurons) {
        int size = neurons.length;
        NeuronBlock block = new NeuronBlock(size, neurons[0].model());
        StimulusSpec[] stimuli = new StimulusSpec[size];
        long[] keys = new long[size];
        List<Integer> traced = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NeuronSpec spec = neurons[i];
            block.set(i, spec.model(), spec.v0());
            stimuli[i] = spec.stimulus();
            keys[i] = stimulusKey(spec);
            if (spec.traced()) {
                traced.add(i);
            }
        }
        double dt = settings.dt();
        long steps = settings.steps();
        Stimulus stimulus = Stimuli.forBlock(stimuli, keys, dt);

        DivergenceGuard guard = new DivergenceGuard(size, settings.divergenceBoundMv());
        SpikeDetector spikes = new SpikeDetector(size, dt, settings.windowStartStep(), settings.windowEndStep(),
                settings.keepSpikeTimes());
        VoltageRange range = new VoltageRange(block);
        List<StepObserver> observers = new ArrayList<>(List.of(guard, spikes, range));
        TraceRecorder traces = null;
        if (!traced.isEmpty() && !settings.traceVariables().isEmpty()) {
            traces = new TraceRecorder(traced.stream().mapToInt(Integer::intValue).toArray(),
                    settings.traceVariables(), settings.traceEvery(), steps, dt);
            observers.add(traces);
        }

        BlockSimulation.run(block, settings.method().create(), stimulus, dt, steps,
                observers.toArray(StepObserver[]::new));

        return BlockResult.of(spikes, range, guard, steps * dt, settings.windowMs(), settings.keepSpikeTimes(),
                traces == null ? List.of() : traces.traces());
    }

    /**
     * A neuron's stimulus stream: its own, or the one its run shares. A JAX replay takes the run's
     * seed as JAX's seed, unhashed, so seed 42 replays {@code PRNGKey(42)}.
     */
    static long stimulusKey(NeuronSpec spec) {
        if (StimulusSpec.RNG_JAX.equals(spec.stimulus().rng())) {
            return JaxUniformCurrent.streamKey(spec.runSeed(), spec.stimulus().shared() ? 0 : spec.neuronIndex());
        }
        long neuron = spec.stimulus().shared() ? RandomStreams.SHARED : spec.neuronIndex();
        return RandomStreams.streamKey(spec.runSeed(), neuron, RandomStreams.Purpose.STIMULUS);
    }
}
