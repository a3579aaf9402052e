package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hhsweep.sim.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExecutionSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExecutionSettings read(String json) throws Exception {
        return ExecutionSettings.fromConfig(JSON.readTree(json));
    }

    @Test
    void defaultsWithoutAnExecutionObject() throws Exception {
        assertEquals(ExecutionSettings.DEFAULTS, read("{\"name\": \"x\"}"));
        assertEquals(ExecutionSettings.DEFAULTS, ExecutionSettings.fromConfig(null));
    }

    @Test
    void readsItsKeys() throws Exception {
        ExecutionSettings s = read("{\"execution\": {\"block_neurons\": 64, \"chunk_runs\": 10, \"slices\": 3}}");
        assertEquals(64, s.blockNeurons());
        assertEquals(10, s.runsPerChunk());
        assertEquals(3, s.slices());
    }

    @Test
    void rejectsWhatItDoesNotKnowWithTheFieldPath() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> read("{\"execution\": {\"cores\": 2}}"));
        assertEquals("execution.cores", unknown.field());
        ConfigException negative = assertThrows(ConfigException.class,
                () -> read("{\"execution\": {\"slices\": -1}}"));
        assertEquals("execution.slices", negative.field());
        assertThrows(ConfigException.class, () -> read("{\"execution\": {\"chunk_runs\": 2.5}}"));
        assertThrows(ConfigException.class, () -> read("{\"execution\": 3}"));
    }
}
