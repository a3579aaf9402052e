package org.hhsweep.sim.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * An optimizer's state as JSON, what {@link Optimizer#state()} writes and a restore reads: every
 * field present (no defaults filled in), and the settings that shape the search riding along, so
 * a state cannot be resumed by another fit. NaN and infinite numbers are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and read back.
 */
final class SavedState {
    /** The settings that shape a search, which a saved state carries. */
    interface Search {
        String method();

        int dimension();

        int population();

        long seed();
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private SavedState() {
    }

    static String write(Search state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + state.method() + " state", e);
        }
    }

    /**
     * The state the text holds, if it is one of the search given by the other arguments.
     *
     * @throws IllegalArgumentException when the text is not such a state, or one of another search
     *                                  (method, dimension, population or seed differ)
     */
    static <T extends Search> T read(String json, Class<T> type, String method, int dimension, int population,
                                     long seed) {
        T s;
        try {
            s = JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a saved " + method + " state: " + e.getOriginalMessage(), e);
        }
        if (!method.equals(s.method()) || s.dimension() != dimension || s.population() != population
                || s.seed() != seed) {
            throw new IllegalArgumentException("the saved state is of another search: " + s.method() + " over "
                    + s.dimension() + " parameters, population " + s.population() + ", seed " + s.seed()
                    + "; this fit is " + method + " over " + dimension + ", population " + population + ", seed " + seed);
        }
        return s;
    }
}
