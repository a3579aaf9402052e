package org.hhsweep.spark.analysis;

import java.math.BigDecimal;
import java.util.Locale;

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

    /** A number without trailing zeros or exponent noise: 10, 0.5, 36, 1e-06 -> 0.000001. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.length() <= 10 ? s : String.format(Locale.ROOT, "%.4g", v);
    }
}
