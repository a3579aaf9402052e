package org.hhsweep.spark.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The project's JSON mapper for manifests and metadata. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Json() {
    }

    /** A value from JSON text. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return COMPACT.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from " + json, e);
        }
    }

    /** Compact JSON of a value. */
    public static String write(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON of " + value, e);
        }
    }
}
