package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.SyntheticModels;
import org.junit.jupiter.api.Test;

/**
 * A model written by ResolvedConfig.model and read back by ResolvedConfig.readModel is the same
 * model, through JSON text as a manifest holds it; the tutorial's eight numbers read as hh.
 */
class ResolvedModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The model written as resolved, with its units beside it as the manifest keeps them, through text. */
    private static NeuronModel roundTrip(NeuronModel m) throws Exception {
        ObjectNode out = JSON.createObjectNode();
        Map<String, String> units = new TreeMap<>();
        ResolvedConfig.model(out, units, m);
        ObjectNode u = out.putObject("units");
        units.forEach(u::put);
        return ResolvedConfig.readModel(JSON.readTree(JSON.writeValueAsString(out)));
    }

    @Test
    void everyLibraryModelAndRandomModelsComeBackUnchanged() throws Exception {
        for (String name : ModelLibrary.NAMES) {
            NeuronModel m = ModelLibrary.model(name);
            assertEquals(m, roundTrip(m), name);
        }
        for (long seed = 0; seed < 50; seed++) {
            NeuronModel m = SyntheticModels.random(seed);
            assertEquals(m, roundTrip(m), "random model " + seed);
        }
        NeuronModel own = ModelLibrary.hh().with("channels.na.gates.m.phi", 3.0)
                .with("channels.k.gates.n.initial", 0.25).with("channels.na.gates.h.beta.midpoint", -33.5);
        assertEquals(own, roundTrip(own));
    }

    @Test
    void aConfigsResolvedModelSectionReadsAsItsModel() {
        SweepConfig tutorialKinetics = ConfigLoader.parse("""
                simulation: {duration: 10 ms}
                model: {gK: 30 mS/cm^2, C: 2 uF/cm^2}
                """, "flat.yaml");
        JsonNode flat = tutorialKinetics.resolved().get("model");
        assertTrue(flat.has("gK") && !flat.has("channels"), flat.toString());
        assertEquals(tutorialKinetics.spec().base().model(), ResolvedConfig.readModel(flat));
        assertEquals(ModelLibrary.hh().with("gK", 30.0).with("C", 2.0), ResolvedConfig.readModel(flat));

        SweepConfig other = ConfigLoader.parse("""
                simulation: {duration: 10 ms}
                model: {base: wang_buzsaki, channels: {k: {g: 8 mS/cm^2}}}
                """, "wb.yaml");
        JsonNode full = other.resolved().get("model");
        assertTrue(full.has("channels"), full.toString());
        assertEquals(other.spec().base().model(), ResolvedConfig.readModel(full));
    }

    @Test
    void somethingElseIsRefusedNamingTheField() throws Exception {
        assertThrows(ConfigException.class, () -> ResolvedConfig.readModel(JSON.readTree("[1]")));
        ConfigException e = assertThrows(ConfigException.class, () -> ResolvedConfig.readModel(JSON.readTree(
                "{\"V_th\": 0, \"channels\": {\"na\": {\"g\": 1, \"E\": 50, \"gates\": {\"m\": {\"power\": 3}}}}}")));
        assertTrue(e.getMessage().startsWith("model.channels.na.gates.m.alpha"), e.getMessage());
    }
}
