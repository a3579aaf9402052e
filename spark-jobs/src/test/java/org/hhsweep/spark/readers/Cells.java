package org.hhsweep.spark.readers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Cell values in one form whatever reader produced them, typed by the table's Spark schema, so
 * that rows compare with {@code equals}: Integer, Long, Float, Double (compared bit for bit, so
 * NaN equals NaN and -0.0 differs from 0.0), String, List, or null. A value that does not fit its
 * column's type exactly (a fraction in an int column, a double that is no float in a float column)
 * is an error, not a conversion.
 */
final class Cells {
    private Cells() {
    }

    /** A value as a Java reader returns it: Spark's row (lists already as java.util.List) or JDBC. */
    static Object of(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (type instanceof ArrayType array) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(of(e, array.elementType()));
            }
            return Collections.unmodifiableList(out);
        }
        if (type.equals(DataTypes.IntegerType) && v instanceof Integer i) {
            return i;
        }
        if (type.equals(DataTypes.LongType) && (v instanceof Long || v instanceof Integer)) {
            return ((Number) v).longValue();
        }
        if (type.equals(DataTypes.FloatType) && v instanceof Float f) {
            return f;
        }
        if (type.equals(DataTypes.DoubleType) && v instanceof Double d) {
            return d;
        }
        if (type.equals(DataTypes.StringType) && v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("a " + v.getClass().getSimpleName() + " (" + v + ") in a column of type "
                + type.simpleString());
    }

    /**
     * A value as read-parquet.mjs prints it: JSON numbers with every digit (INT64 too), and the
     * strings NaN, Infinity, -Infinity and -0 for the floating-point values JSON cannot write.
     */
    static Object ofJson(JsonNode n, DataType type) {
        if (n.isNull()) {
            return null;
        }
        if (type instanceof ArrayType array && n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                out.add(ofJson(e, array.elementType()));
            }
            return Collections.unmodifiableList(out);
        }
        if (type.equals(DataTypes.IntegerType) && n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (type.equals(DataTypes.LongType) && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (type.equals(DataTypes.DoubleType) && (n.isNumber() || n.isTextual())) {
            return floating(n);
        }
        if (type.equals(DataTypes.FloatType) && (n.isNumber() || n.isTextual())) {
            double d = floating(n);
            float f = (float) d;
            if (Double.compare(f, d) != 0) {
                throw new IllegalArgumentException(n + " is no float32 value, in a column of type float");
            }
            return f;
        }
        if (type.equals(DataTypes.StringType) && n.isTextual()) {
            return n.textValue();
        }
        throw new IllegalArgumentException(n + " in a column of type " + type.simpleString());
    }

    private static double floating(JsonNode n) {
        if (n.isNumber()) {
            // JavaScript prints a double's shortest round-trip digits (integral ones without a
            // fraction), which parse back to the same double
            return n.isIntegralNumber() ? n.bigIntegerValue().doubleValue() : n.doubleValue();
        }
        return switch (n.textValue()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "-0" -> -0.0;
            default -> throw new IllegalArgumentException(n + " in a floating-point column");
        };
    }
}
