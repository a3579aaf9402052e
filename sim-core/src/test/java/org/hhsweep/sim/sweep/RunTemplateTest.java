package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.junit.jupiter.api.Test;

/**
 * The model's and the stimulus's paths, values and units are theirs alone: the template only
 * prefixes them, so a model with other paths (channels.na.g) needs no edit of the template.
 */
class RunTemplateTest {
    private static final List<StimulusSpec> STIMULI = List.of(new StimulusSpec.Constant(5.0),
            new StimulusSpec.Pulse(1, 2, 3, 0), new StimulusSpec.OrnsteinUhlenbeck(1, 2, 3, false));

    private static RunTemplate template(NeuronModel model, StimulusSpec stimulus) {
        return new RunTemplate(0.01, 100.0, Method.RK4, 10.0, 90.0, model, -65.0, stimulus, 2, 0, List.of(), 0.01, true);
    }

    @Test
    void pathsAreTheSectionsInOrder() {
        for (StimulusSpec stimulus : STIMULI) {
            RunTemplate t = template(ModelLibrary.hh(), stimulus);
            List<String> expected = new ArrayList<>(List.of(RunTemplate.DT, RunTemplate.DURATION,
                    RunTemplate.WINDOW_START, RunTemplate.WINDOW_END, RunTemplate.V0));
            ModelLibrary.hh().paths().forEach(p -> expected.add(RunTemplate.MODEL + p));
            stimulus.paths().forEach(p -> expected.add(RunTemplate.STIMULUS + p));
            assertEquals(expected, t.paths());
        }
    }

    @Test
    void modelPathsDelegateToTheModel() {
        NeuronModel model = ModelLibrary.hh().with("gK", 30.0);
        RunTemplate t = template(model, STIMULI.get(0));
        for (String p : model.paths()) {
            String path = RunTemplate.MODEL + p;
            assertEquals(model.unit(p), t.unit(path), path);
            assertEquals(model.get(p), t.get(path), 0.0, path);
            assertEquals(model.with(p, 7.5), t.with(path, 7.5).model(), path);
        }
        assertEquals(EngineUnit.MILLISIEMENS_PER_CM2, t.unit("model.gK"));
        assertEquals(EngineUnit.MICROFARAD_PER_CM2, t.unit("model.C"));
        assertThrows(IllegalArgumentException.class, () -> model.unit("gA"));
        assertThrows(IllegalArgumentException.class, () -> t.unit("model.gA"));
    }

    @Test
    void stimulusPathsDelegateToTheStimulus() {
        for (StimulusSpec stimulus : STIMULI) {
            RunTemplate t = template(ModelLibrary.hh(), stimulus);
            for (String p : stimulus.paths()) {
                String path = RunTemplate.STIMULUS + p;
                assertEquals(stimulus.unit(p), t.unit(path), path);
                assertEquals(stimulus.get(p), t.get(path), 0.0, path);
                assertEquals(stimulus.with(p, 7.5), t.with(path, 7.5).stimulus(), path);
            }
        }
    }

    @Test
    void aSweptValueChangesOnlyItsComponent() {
        RunTemplate t = template(ModelLibrary.hh(), STIMULI.get(1));
        assertEquals(new RunTemplate(0.02, 100.0, Method.RK4, 10.0, 90.0, ModelLibrary.hh(), -65.0, STIMULI.get(1),
                2, 0, List.of(), 0.01, true), t.with(RunTemplate.DT, 0.02));
        assertEquals(new RunTemplate(0.01, 100.0, Method.RK4, 10.0, 80.0, ModelLibrary.hh(), -65.0, STIMULI.get(1),
                2, 0, List.of(), 0.01, true), t.with(RunTemplate.WINDOW_END, 80.0));
        assertEquals(new RunTemplate(0.01, 100.0, Method.RK4, 10.0, 90.0, ModelLibrary.hh(), -70.0, STIMULI.get(1),
                2, 0, List.of(), 0.01, true), t.with(RunTemplate.V0, -70.0));
    }
}
