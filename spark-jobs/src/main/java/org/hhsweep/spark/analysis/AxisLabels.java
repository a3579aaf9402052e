package org.hhsweep.spark.analysis;

import java.math.BigDecimal;
import java.math.MathContext;

/** Axis titles and tick numbers as a reader expects them: units typeset (µA/cm², not uA/cm^2). */
public final class AxisLabels {
    private AxisLabels() {
    }

    /** "name (unit)", or the name alone for a dimensionless or unitless quantity. */
    public static String withUnit(String name, String unit) {
        return unit == null || unit.isBlank() || unit.equals("1") ? name : name + " (" + pretty(unit) + ")";
    }

    /** A unit as the column metadata spells it (ASCII), as it is typeset: uA/cm^2 -> µA/cm². */
    public static String pretty(String unit) {
        String u = unit.replace("^2", "²").replace("^3", "³");
        if (u.startsWith("u")) {
            u = "µ" + u.substring(1);
        }
        return u;
    }

    /** A number as a person writes it: 10, 0.5, 0.000001, 0.1 + 0.2 -> 0.3; exponents only beyond 1e-6..1e12. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        // Ten significant digits hide binary noise (0.30000000000000004) and keep grid values exact.
        BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        return Math.abs(v) >= 1e-6 && Math.abs(v) < 1e12 || v == 0 ? d.toPlainString() : d.toString();
    }
}
