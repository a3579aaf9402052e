package org.hhsweep.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The independent reference numbers (shared/reference/hh-reference.json, copied into test
 * resources so a clone is self-contained): float64 numpy implementation cross-checked with Brian2.
 */
public final class ReferenceData {
    private static JsonNode root;

    private ReferenceData() {
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/hh-reference.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }
}
