package org.hhsweep.spark.cli;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes on the command line: 50GB, 1.5 TB, 500M, 2GiB, 1000000 (bytes), or none (no limit). */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("", 1.0), Map.entry("b", 1.0),
            Map.entry("k", 1e3), Map.entry("kb", 1e3), Map.entry("m", 1e6), Map.entry("mb", 1e6),
            Map.entry("g", 1e9), Map.entry("gb", 1e9), Map.entry("t", 1e12), Map.entry("tb", 1e12),
            Map.entry("p", 1e15), Map.entry("pb", 1e15),
            Map.entry("kib", 0x1p10), Map.entry("mib", 0x1p20), Map.entry("gib", 0x1p30), Map.entry("tib", 0x1p40),
            Map.entry("pib", 0x1p50));

    private ByteSize() {
    }

    /**
     * A size limit: empty for "none".
     *
     * @throws UsageException naming the option when the text is not a size
     */
    static OptionalLong limit(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return OptionalLong.empty();
        }
        Matcher m = SIZE.matcher(t);
        Double unit = m.matches() ? UNITS.get(m.group(2)) : null;
        if (unit == null) {
            throw new UsageException(option + " " + text + ": expected a size such as 50GB, 500MB, 2TiB, or none");
        }
        double bytes = Double.parseDouble(m.group(1)) * unit;
        if (!(bytes >= 1) || bytes > Long.MAX_VALUE) {
            throw new UsageException(option + " " + text + ": expected a size from 1 byte to 9 EB, or none");
        }
        return OptionalLong.of((long) bytes);
    }
}
