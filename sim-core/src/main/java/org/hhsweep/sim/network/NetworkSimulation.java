package org.hhsweep.sim.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.BlockSimulation;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.TimeGrid;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.random.RandomStreams;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.record.VoltageRange;
import org.hhsweep.sim.stimulus.Stimuli;
import org.hhsweep.sim.stimulus.StimulusSpec;

/**
 * Runs one network. Each synapse group ending on a population is one more channel of that
 * population's model, without gates, with g 0 and the group's E: every integrator and kernel then
 * takes the synaptic current g (E - V) at the step's old g, as it takes a leak's, with no code of
 * its own. The step order is fixed here (Brian2's): every population steps (input, integrate from
 * old values, detect spikes: {@link BlockSimulation#step}), then every synapse group decays its g
 * and adds the weights that arrive, so step k's spikes reach the targets' g at the end of step
 * k + delay and act on V from step k + delay + 1. Nothing in the step loop allocates.
 *
 * <p>Neuron i of population p is neuron {@code offset(p) + i} of the run for its random streams
 * (stimulus, initial values), so a network of one population draws what the single-neuron path
 * draws for a run of that many neurons; a shared stimulus stream is per population.
 */
public final class NetworkSimulation {
    /** The connections of every group of a run, in config order: a function of the run's seed alone. */
    public static List<Connectivity> connect(NetworkSpec spec, long runSeed) {
        List<Connectivity> out = new ArrayList<>();
        for (int s = 0; s < spec.synapses().size(); s++) {
            SynapseGroup group = spec.synapses().get(s);
            Population from = spec.population(group.from());
            Population to = spec.population(group.to());
            out.add(group.connect().connect(from.size(), to.size(), from == to, Connectivity.key(runSeed, s)));
        }
        return out;
    }

    /** A population's model as simulated: its own channels, then one per incoming synapse group. */
    public static NeuronModel withSynapses(NeuronModel model, List<SynapseGroup> incoming) {
        List<Channel> channels = new ArrayList<>(model.channels());
        for (SynapseGroup s : incoming) {
            if (model.channel(s.conductance()) != null) {
                throw new IllegalArgumentException("the model already has a channel called " + s.conductance());
            }
            channels.add(new Channel(s.conductance(), 0.0, s.E(), List.of()));
        }
        return new NeuronModel(model.C(), model.Vth(), model.phi(), channels);
    }

    /** Runs the network for the settings' duration without rates over time; traces are not recorded. */
    public static NetworkResult run(NetworkSpec spec, SimulationSettings settings, long runSeed) {
        return run(spec, settings, runSeed, Double.NaN);
    }

    /**
     * Runs the network for the settings' duration; traces are not recorded. The result has every
     * population's summary and, when ratesBinMs is not NaN, its rate in bins of that many ms (a
     * whole number of steps).
     */
    public static NetworkResult run(NetworkSpec spec, SimulationSettings settings, long runSeed, double ratesBinMs) {
        NetworkSimulation network = new NetworkSimulation(spec, settings, runSeed, ratesBinMs);
        for (long k = 0; k < network.steps; k++) {
            network.step(k);
        }
        return network.result();
    }

    private final NetworkSpec spec;
    private final SimulationSettings settings;
    private final long steps;
    private final NeuronBlock[] state;
    private final BlockSimulation[] blocks;
    private final SpikeDetector[] spikes;
    private final VoltageRange[] ranges;
    private final DivergenceGuard[] guards;
    private final PopulationRecorder[] recorders;
    private final double ratesBinMs;
    private final Projection[] projections;
    private final Map<String, Integer> synapses = new LinkedHashMap<>();

    /** The network at t = 0, connected, ready for step 0. */
    NetworkSimulation(NetworkSpec spec, SimulationSettings settings, long runSeed) {
        this(spec, settings, runSeed, Double.NaN);
    }

    /** The network at t = 0, recording its rates in bins of ratesBinMs (NaN: none). */
    NetworkSimulation(NetworkSpec spec, SimulationSettings settings, long runSeed, double ratesBinMs) {
        this.spec = spec;
        this.settings = settings;
        this.ratesBinMs = ratesBinMs;
        double dt = settings.dt();
        steps = settings.steps();
        int populations = spec.populations().size();
        state = new NeuronBlock[populations];
        blocks = new BlockSimulation[populations];
        spikes = new SpikeDetector[populations];
        ranges = new VoltageRange[populations];
        guards = new DivergenceGuard[populations];
        recorders = new PopulationRecorder[populations];
        long chiStart = settings.hasWindow() ? settings.windowStartStep() : 0;
        long chiEnd = settings.hasWindow() ? settings.windowEndStep() : steps;
        for (int p = 0; p < populations; p++) {
            Population pop = spec.populations().get(p);
            state[p] = initialBlock(spec, p, runSeed);
            guards[p] = new DivergenceGuard(pop.size(), settings.divergenceBoundMv());
            long refractory = pop.refractoryMs() == 0 ? 0 : TimeGrid.firstStepAtOrAfter(pop.refractoryMs(), dt);
            spikes[p] = new SpikeDetector(pop.size(), dt, settings.windowStartStep(), settings.windowEndStep(),
                    settings.keepSpikeTimes(), refractory);
            ranges[p] = new VoltageRange(state[p]);
            // after the detector, whose list of the step's spikers it reads
            recorders[p] = new PopulationRecorder(spikes[p], pop.size(), dt, steps, ratesBinMs, chiStart, chiEnd);
            // an integrator per population: each keeps its model's kinetics between steps
            blocks[p] = new BlockSimulation(state[p], settings.method().create(), stimulus(spec, p, runSeed, dt), dt,
                    guards[p], spikes[p], ranges[p], recorders[p]);
        }

        List<Connectivity> connectivity = connect(spec, runSeed);
        projections = new Projection[connectivity.size()];
        for (int s = 0; s < projections.length; s++) {
            SynapseGroup group = spec.synapses().get(s);
            long delay = group.delaySteps(dt);
            if (delay < 0) {
                throw new IllegalArgumentException("synapse group " + group.name() + "'s delay " + group.delayMs()
                        + " ms is not 0 or a whole number of steps of " + dt + " ms");
            }
            double[] g = state[spec.populationIndex(group.to())].g[conductanceChannel(spec, group)];
            projections[s] = new Projection(connectivity.get(s), spikes[spec.populationIndex(group.from())], g,
                    group.weight(), group.tauMs(), dt, delay);
            synapses.put(group.name(), connectivity.get(s).synapses());
        }
    }

    /** Step k: every population, then every synapse group. */
    void step(long k) {
        for (BlockSimulation b : blocks) {
            b.step(k);
        }
        for (Projection pr : projections) {
            pr.afterStep(k);
        }
    }

    /** Population p's state, for tests. */
    NeuronBlock block(int p) {
        return state[p];
    }

    /** Population p's spikes so far, for tests. */
    long spikeCount(int p) {
        long n = 0;
        for (int i = 0; i < state[p].size; i++) {
            n += spikes[p].count(i);
        }
        return n;
    }

    /** The statistics, spike times, summaries and rates after the run's last step. */
    NetworkResult result() {
        double simulated = steps * settings.dt();
        Map<String, BlockResult> results = new LinkedHashMap<>();
        List<PopulationSummary> summaries = new ArrayList<>();
        List<PopulationRates> rates = new ArrayList<>();
        for (int p = 0; p < state.length; p++) {
            String name = spec.populations().get(p).name();
            BlockResult block = BlockResult.of(spikes[p], ranges[p], guards[p], simulated, settings.windowMs(),
                    settings.keepSpikeTimes(), List.of());
            results.put(name, block);
            summaries.add(recorders[p].summary(name, block.statistics()));
            if (!Double.isNaN(ratesBinMs)) {
                rates.add(new PopulationRates(name, recorders[p].binMs(), recorders[p].rates()));
            }
        }
        return new NetworkResult(results, synapses, spec.neurons(), summaries, rates);
    }

    /** The index of a group's conductance among its target population's channels as simulated. */
    static int conductanceChannel(NetworkSpec spec, SynapseGroup group) {
        Population to = spec.population(group.to());
        return to.model().channels().size() + spec.incoming(to.name()).indexOf(group);
    }

    /** Population p at t = 0: V and every synaptic g at their initial values, gates at steady state or their own. */
    static NeuronBlock initialBlock(NetworkSpec spec, int p, long runSeed) {
        Population pop = spec.populations().get(p);
        List<SynapseGroup> incoming = spec.incoming(pop.name());
        NeuronModel model = withSynapses(pop.model(), incoming);
        NeuronBlock block = new NeuronBlock(pop.size(), model);
        long offset = spec.offset(p);
        int own = pop.model().channels().size();
        for (int i = 0; i < pop.size(); i++) {
            long key = RandomStreams.streamKey(runSeed, offset + i, RandomStreams.Purpose.INITIAL_STATE);
            block.set(i, model, pop.initialV().draw(key, 0));
            for (int s = 0; s < incoming.size(); s++) {
                block.g[own + s][i] = pop.initialG(incoming.get(s).name()).draw(key, s + 1);
            }
        }
        return block;
    }

    /** Each neuron's input from its own stream, or the population's shared one (SHARED - p). */
    private static org.hhsweep.sim.stimulus.Stimulus stimulus(NetworkSpec spec, int p, long runSeed, double dt) {
        Population pop = spec.populations().get(p);
        StimulusSpec stimulus = pop.stimulus();
        if (StimulusSpec.RNG_JAX.equals(stimulus.rng())) {
            throw new IllegalArgumentException("population " + pop.name() + ": a network draws its inputs from"
                    + " the default generator, not a JAX replay");
        }
        StimulusSpec[] specs = new StimulusSpec[pop.size()];
        long[] keys = new long[pop.size()];
        long offset = spec.offset(p);
        for (int i = 0; i < pop.size(); i++) {
            specs[i] = stimulus;
            long neuron = stimulus.shared() ? RandomStreams.SHARED - p : offset + i;
            keys[i] = RandomStreams.streamKey(runSeed, neuron, RandomStreams.Purpose.STIMULUS);
        }
        return Stimuli.forBlock(specs, keys, dt);
    }
}
