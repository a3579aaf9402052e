package org.hhsweep.sim.network;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hhsweep.sim.sweep.Sweepable;
import org.hhsweep.sim.units.EngineUnit;

/**
 * A network run's cells and wiring: populations and synapse groups, each list in config order
 * (which numbers neurons and groups for random streams). Checked on construction: names unique,
 * every group between populations that exist, each connect rule possible for its sizes.
 *
 * <p>Its numbers are sweepable by path within the config's {@code network.} section
 * ({@code populations.E.size}, {@code synapses.EE.weight}, {@code populations.E.model.gNa}...):
 * see {@link NetworkPaths} for the list.
 */
public record NetworkSpec(List<Population> populations, List<SynapseGroup> synapses)
        implements Serializable, Sweepable<NetworkSpec> {

    /** A value a network cannot take at a sweepable path; the message says what was expected. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String expected) {
            super(expected);
        }
    }

    public NetworkSpec {
        populations = List.copyOf(populations);
        synapses = List.copyOf(synapses);
        if (populations.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one population");
        }
        Set<String> names = new HashSet<>();
        for (Population p : populations) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two populations called " + p.name());
            }
        }
        Set<String> groups = new HashSet<>();
        for (SynapseGroup s : synapses) {
            if (!groups.add(s.name())) {
                throw new IllegalArgumentException("two synapse groups called " + s.name());
            }
            Population from = find(populations, s.from());
            Population to = find(populations, s.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("synapse group " + s.name() + " connects unknown population "
                        + (from == null ? s.from() : s.to()));
            }
            String problem = s.connect().problem(from.size(), to.size(), from == to);
            if (problem != null) {
                throw new IllegalArgumentException("synapse group " + s.name() + ": expected " + problem);
            }
        }
    }

    private static Population find(List<Population> populations, String name) {
        for (Population p : populations) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The population called name, or null. */
    public Population population(String name) {
        return find(populations, name);
    }

    public int populationIndex(String name) {
        return populations.indexOf(population(name));
    }

    /** The synapse groups ending on a population, in config order: the order of its conductances. */
    public List<SynapseGroup> incoming(String population) {
        List<SynapseGroup> out = new ArrayList<>();
        for (SynapseGroup s : synapses) {
            if (s.to().equals(population)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The index in the run of population p's first neuron: populations follow each other in config order. */
    public long offset(int p) {
        long n = 0;
        for (int q = 0; q < p; q++) {
            n += populations.get(q).size();
        }
        return n;
    }

    /** Neurons in the whole network. */
    public long neurons() {
        return offset(populations.size());
    }

    /** Every sweepable number of the network, by path within the {@code network.} section. */
    @Override
    public List<String> paths() {
        return NetworkPaths.paths(this);
    }

    @Override
    public double get(String path) {
        return NetworkPaths.get(this, path);
    }

    /** This network with one number changed; a value it cannot take throws {@link Refused}. */
    @Override
    public NetworkSpec with(String path, double value) {
        return NetworkPaths.with(this, path, value);
    }

    @Override
    public EngineUnit unit(String path) {
        return NetworkPaths.unit(this, path);
    }
}
