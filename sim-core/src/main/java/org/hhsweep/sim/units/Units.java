package org.hhsweep.sim.units;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Dimension;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;

/**
 * Reads quantities written with units ("120 mS/cm^2", "-65 mV", "10 us", "1 µF/cm²") and converts
 * them to the engine's units, checking their dimension. Unit symbols are parsed by Indriya (JSR 385);
 * the number is parsed here, because Indriya's quantity parser drops exponents ("1e-3 s" reads as
 * 1 s). Parsed units are cached: Indriya's parser is slow (the first call takes ~0.1 s).
 */
public final class Units {

    /** The text is not a quantity of the expected kind; {@link #expected()} says what would be. */
    public static final class QuantityException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String expected;

        QuantityException(String text, String expected) {
            super("got " + text + ", expected " + expected);
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "([+-]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|(?i:\\.?nan|\\.?inf(?:inity)?)))\\s*(.*)",
            Pattern.DOTALL);
    /** An ASCII micro prefix: a 'u' starting a symbol and followed by one (Indriya knows only µ/μ). */
    private static final Pattern ASCII_MICRO = Pattern.compile("(?<![\\p{L}])u(?=\\p{L})");
    /** "cm2" for cm^2: a symbol directly followed by its power. */
    private static final Pattern BARE_POWER = Pattern.compile("(?<=\\p{L})(\\d+)");
    private static final Pattern SPACE_AROUND_OPERATOR = Pattern.compile("\\s*([/*·^])\\s*");

    private static final Map<EngineUnit, Unit<?>> ENGINE = new EnumMap<>(EngineUnit.class);
    private static final Map<String, Unit<?>> PARSED = new ConcurrentHashMap<>();
    private static final Map<String, UnitConverter> CONVERTERS = new ConcurrentHashMap<>();

    static {
        for (EngineUnit u : EngineUnit.values()) {
            ENGINE.put(u, u == EngineUnit.DIMENSIONLESS ? AbstractUnit.ONE : parseUnit(u.symbol()));
        }
    }

    private Units() {
    }

    /**
     * The value of a quantity in the given engine unit.
     *
     * @throws QuantityException if the text is not a finite number followed by a unit of the
     *                           engine unit's dimension
     */
    public static double toEngine(String text, EngineUnit unit) {
        return toEngine(text, unit, example(unit));
    }

    /** As {@link #toEngine(String, EngineUnit)}, with the typical value that messages suggest. */
    public static double toEngine(String text, EngineUnit unit, String example) {
        String t = text.strip().replace('\u2212', '-');
        Matcher m = NUMBER_AND_UNIT.matcher(t);
        if (!m.matches()) {
            throw new QuantityException(quote(text), "a " + dimensionName(unit) + " such as \"" + example + "\"");
        }
        double number = parseNumber(m.group(1));
        String symbol = m.group(2).strip();
        if (symbol.isEmpty() && unit != EngineUnit.DIMENSIONLESS) {
            throw new QuantityException(text.strip(), "a quantity with a unit of " + dimensionName(unit) + " such as \""
                    + m.group(1) + " " + unit.symbol() + "\"");
        }
        if (!Double.isFinite(number)) {
            throw new QuantityException(text.strip(), "a finite " + dimensionName(unit) + " such as \"" + example + "\"");
        }
        if (symbol.isEmpty()) {
            return number;
        }
        double value = converter(symbol, unit, text, example).convert(number);
        if (!Double.isFinite(value)) {
            throw new QuantityException(text.strip(), "a " + dimensionName(unit) + " that is finite in " + unit.symbol());
        }
        return value;
    }

    /** The name of the engine unit's dimension, as used in messages ("conductance density"). */
    public static String dimensionName(EngineUnit unit) {
        return switch (unit) {
            case MILLIVOLT -> "voltage";
            case MILLISECOND -> "time";
            case MILLISIEMENS_PER_CM2 -> "conductance density";
            case MICROFARAD_PER_CM2 -> "capacitance density";
            case MICROAMPERE_PER_CM2 -> "current density";
            case HERTZ -> "frequency";
            case PER_MILLISECOND -> "rate";
            case DIMENSIONLESS -> "dimensionless number";
        };
    }

    /** A typical value, as a config would write it. */
    public static String example(EngineUnit unit) {
        return switch (unit) {
            case MILLIVOLT -> "-65 mV";
            case MILLISECOND -> "0.01 ms";
            case MILLISIEMENS_PER_CM2 -> "120 mS/cm^2";
            case MICROFARAD_PER_CM2 -> "1 uF/cm^2";
            case MICROAMPERE_PER_CM2 -> "10 uA/cm^2";
            case HERTZ -> "60 Hz";
            case PER_MILLISECOND -> "0.1 /ms";
            case DIMENSIONLESS -> "0.5";
        };
    }

    /** A value in an engine unit as a config would write it: "0.01 ms", "120 mS/cm^2". */
    public static String format(double value, EngineUnit unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        return unit == EngineUnit.DIMENSIONLESS ? number : number + " " + unit.symbol();
    }

    private static double parseNumber(String s) {
        String lower = s.toLowerCase();
        if (lower.contains("nan")) {
            return Double.NaN;
        }
        if (lower.contains("inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    private static UnitConverter converter(String symbol, EngineUnit unit, String text, String example) {
        String key = symbol + '\u0000' + unit.name();
        UnitConverter c = CONVERTERS.get(key);
        if (c != null) {
            return c;
        }
        Unit<?> parsed;
        try {
            parsed = PARSED.computeIfAbsent(symbol, Units::parseUnit);
        } catch (IllegalArgumentException e) {
            throw new QuantityException(text.strip(), "a " + dimensionName(unit) + " such as \"" + example
                    + "\" ('" + symbol + "' is not a unit symbol known to Indriya)");
        }
        Unit<?> target = ENGINE.get(unit);
        if (!parsed.getDimension().equals(target.getDimension())) {
            throw new QuantityException(text.strip(), "a " + dimensionName(unit) + " such as \"" + example
                    + "\" (" + symbol + " is a unit of " + describe(parsed.getDimension()) + ")");
        }
        try {
            c = parsed.getConverterToAny(target);
        } catch (javax.measure.IncommensurableException | javax.measure.UnconvertibleException e) {
            throw new QuantityException(text.strip(), "a " + dimensionName(unit) + " convertible to " + unit.symbol());
        }
        CONVERTERS.put(key, c);
        return c;
    }

    private static String describe(Dimension d) {
        for (Map.Entry<EngineUnit, Unit<?>> e : ENGINE.entrySet()) {
            if (e.getValue().getDimension().equals(d)) {
                return dimensionName(e.getKey());
            }
        }
        return "dimension " + d;
    }

    /** Parses a unit symbol, accepting the ASCII spellings users type (u for µ, cm2 for cm^2, spaces). */
    private static synchronized Unit<?> parseUnit(String symbol) {
        String s = SPACE_AROUND_OPERATOR.matcher(symbol.strip()).replaceAll("$1");
        // Indriya's format has no "1/ms": a reciprocal ("1/ms", or "/ms" as in "4 /ms") is the inverse of its unit
        if (s.startsWith("/") || s.startsWith("1/")) {
            String rest = s.substring(s.indexOf('/') + 1);
            if (!rest.isEmpty() && !rest.contains("/")) {
                return parseUnit(rest).inverse();
            }
        }
        s = BARE_POWER.matcher(s).replaceAll("^$1");
        try {
            return SimpleUnitFormat.getInstance().parse(s);
        } catch (RuntimeException e) {
            // Only now read a leading u as micro, so no symbol Indriya knows is ever rewritten.
            String micro = ASCII_MICRO.matcher(s).replaceAll("\u00b5");
            if (!micro.equals(s)) {
                try {
                    return SimpleUnitFormat.getInstance().parse(micro);
                } catch (RuntimeException ignored) {
                    // report the spelling the user wrote
                }
            }
            throw new IllegalArgumentException("'" + symbol + "' is not a unit", e);
        }
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
