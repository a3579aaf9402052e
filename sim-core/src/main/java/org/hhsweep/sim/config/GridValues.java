package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/** The values of one grid axis: a list of quantities, a single quantity, or a range {from, to, step}. */
final class GridValues {
    static final List<String> RANGE_KEYS = List.of("from", "to", "step");
    /** An axis longer than this is almost surely a mistyped step; it would also be a huge sweep. */
    static final long MAX_VALUES = 1_000_000;

    private GridValues() {
    }

    /** @param example a typical value of the path, for messages */
    static Swept read(String path, JsonNode node, String field, EngineUnit unit, String example) {
        String expected = "a list of " + Units.dimensionName(unit) + " values, a single value such as \""
                + Units.example(unit) + "\", or a range {from, to, step}";
        if (!Fields.given(node)) {
            throw Fields.missing(field, expected);
        }
        if (node.isObject()) {
            return range(path, Fields.section(node, field, RANGE_KEYS), field, unit, example);
        }
        if (node.isArray()) {
            return list(path, node, field, unit, example);
        }
        if (node.isValueNode()) {
            Fields.Quantity q = Fields.quantity(node, field, unit, example);
            return new Swept(path, List.of(new Swept.Value(q.value(), field, q.text())));
        }
        throw new ConfigException(field, Fields.show(node), expected);
    }

    private static Swept list(String path, JsonNode node, String field, EngineUnit unit, String example) {
        if (node.isEmpty()) {
            throw new ConfigException(field, "an empty list", "at least one " + Units.dimensionName(unit)
                    + " value such as [" + Units.example(unit) + "]");
        }
        List<Swept.Value> values = new ArrayList<>();
        Map<Double, String> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String f = field + "[" + i + "]";
            Fields.Quantity q = Fields.quantity(node.get(i), f, unit, example);
            String earlier = seen.putIfAbsent(q.value(), q.text());
            if (earlier != null) {
                // A repeated value repeats runs; replicates are what sweep.seeds is for.
                throw new ConfigException(f, q.text(), "a value not already in the list (it equals " + earlier
                        + "; use sweep.seeds for replicates)");
            }
            values.add(new Swept.Value(q.value(), f, q.text()));
        }
        return new Swept(path, values);
    }

    private static Swept range(String path, ObjectNode node, String field, EngineUnit unit, String example) {
        Fields.Quantity from = Fields.quantity(node.get("from"), field + ".from", unit, example);
        Fields.Quantity to = Fields.quantity(node.get("to"), field + ".to", unit, example);
        Fields.Quantity step = Fields.quantity(node.get("step"), field + ".step", unit, example);
        double a = from.value();
        double b = to.value();
        double h = step.value();
        if (h == 0) {
            throw new ConfigException(field + ".step", step.text(), "a non-zero step");
        }
        if (b != a && (b > a) != (h > 0)) {
            throw new ConfigException(field + ".step", step.text(), (b > a ? "a positive" : "a negative")
                    + " step, since to (" + to.text() + ") is " + (b > a ? "above" : "below") + " from (" + from.text() + ")");
        }
        // to is included when it lies on the grid up to rounding: (20 - 0) / 0.1 is 199.99999999999997.
        double k = (b - a) / h;
        double steps = Math.floor(k + RunChecks.TOLERANCE * Math.max(1.0, k));
        if (steps + 1 > MAX_VALUES) {
            throw new ConfigException(field + ".step", step.text(), "a step giving at most " + MAX_VALUES
                    + " values from " + from.text() + " to " + to.text() + " (this one gives " + (long) (steps + 1) + ")");
        }
        int n = (int) steps + 1;
        List<Swept.Value> values = new ArrayList<>(n);
        // from + i*step in decimal, not repeated addition: no accumulated rounding, and each value is
        // the double nearest the decimal meant (0.009, not 0.001 + 8*0.001 = 0.009000000000000001).
        BigDecimal start = BigDecimal.valueOf(a);
        BigDecimal increment = BigDecimal.valueOf(h);
        for (int i = 0; i < n; i++) {
            double v = start.add(increment.multiply(BigDecimal.valueOf(i))).doubleValue();
            String f;
            if (i == 0) {
                f = field + ".from";
            } else if (i == n - 1) {
                f = field + ".to";
                if (Math.abs(v - b) <= RunChecks.TOLERANCE * Math.max(1.0, k) * Math.abs(h)) {
                    v = b;
                }
            } else {
                f = field;
            }
            String text = i == 0 ? from.text() : i == n - 1 && v == b ? to.text()
                    : Units.format(v, unit) + " (value " + i + " of the range)";
            values.add(new Swept.Value(v, f, text));
        }
        return new Swept(path, values);
    }
}
