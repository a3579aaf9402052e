package org.hhsweep.sim.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A YAML parser that refuses aliases ({@code *name}). Jackson does not resolve them: it hands over
 * the anchor's name as a string, so {@code every: *d} would read as "d". Refusing them also keeps
 * alias bombs (aliases of aliases, expanding exponentially) impossible. Anchors ({@code &name})
 * alone change nothing and pass.
 */
final class NoAliases extends JsonParserDelegate {
    static final String EXPECTED = "the value written out: YAML aliases are not supported";

    NoAliases(JsonParser yaml) {
        super(yaml);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(delegate.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(delegate.nextValue());
    }

    private JsonToken checked(JsonToken t) throws IOException {
        if (delegate instanceof YAMLParser y && y.isCurrentAlias()) {
            JsonLocation at = y.currentTokenLocation();
            String where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
            String field = path(y.getParsingContext());
            if (field.isEmpty()) {
                // a document that is nothing but an alias: an error of the document as a whole
                throw new ConfigException("", "invalid YAML at " + where + ": an alias (*" + y.getText() + ")",
                        "well-formed YAML without aliases (write each value out)");
            }
            throw new ConfigException(field, "a YAML alias (*" + y.getText() + ") at " + where, EXPECTED);
        }
        return t;
    }

    /** The dotted path of the current value, list items by index: sweep.grid.model.gNa[1]. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(c.inObject() ? "." + c.getCurrentName() : "[" + c.getCurrentIndex() + "]");
        }
        Collections.reverse(parts);
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }
}
