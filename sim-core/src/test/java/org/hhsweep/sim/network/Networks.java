package org.hhsweep.sim.network;

import java.util.List;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.stimulus.StimulusSpec;

/** Networks for the tests. */
final class Networks {
    private Networks() {
    }

    /** Brette et al.'s COBAHH at a size of choice: E and I of traub_miles cells, four p = 0.02 groups. */
    static NetworkSpec cobaSmall(int e, int i) {
        Population pe = Population.of("E", e, ModelLibrary.model("traub_miles"))
                .withInitial(Population.V, InitialValue.normal(-65.0, 5.0))
                .withInitial("g_EE", InitialValue.normal(0.2, 0.075))
                .withInitial("g_IE", InitialValue.normal(1.0, 0.6))
                .withRefractory(3.0)
                .withStimulus(new StimulusSpec.Constant(1.0));
        Population pi = Population.of("I", i, ModelLibrary.model("traub_miles"))
                .withInitial(Population.V, InitialValue.uniform(-70.0, -60.0))
                .withRefractory(3.0);
        ConnectRule p = new ConnectRule.Probability(0.02, true);
        return new NetworkSpec(List.of(pe, pi), List.of(
                new SynapseGroup("EE", "E", "E", p, 0.03, 5.0, 0.0, 0.0),
                new SynapseGroup("EI", "E", "I", p, 0.03, 5.0, 0.0, 0.0),
                new SynapseGroup("IE", "I", "E", p, 0.335, 10.0, -80.0, 0.0),
                new SynapseGroup("II", "I", "I", p, 0.335, 10.0, -80.0, 0.0)));
    }
}
