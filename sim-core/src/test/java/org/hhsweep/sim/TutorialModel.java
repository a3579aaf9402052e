package org.hhsweep.sim;

import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;

/** The tutorial's model (the hh library model) with its eight classic numbers set, for tests. */
public final class TutorialModel {
    private TutorialModel() {
    }

    public static NeuronModel of(double ENa, double gNa, double EK, double gK, double EL, double gL, double C,
                                 double Vth) {
        return ModelLibrary.hh().with("ENa", ENa).with("gNa", gNa).with("EK", EK).with("gK", gK).with("EL", EL)
                .with("gL", gL).with("C", C).with("V_th", Vth);
    }
}
