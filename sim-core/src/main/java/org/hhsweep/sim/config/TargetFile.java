package org.hhsweep.sim.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hhsweep.sim.fit.Target;
import org.hhsweep.sim.sweep.Criterion;
import org.hhsweep.sim.sweep.RunTemplate;

/**
 * Reads {@code fit.target}, a CSV file: a header of column names, then one line per condition.
 * A column is a condition path (a sweepable field of the config, values plain numbers in its engine
 * unit, every cell given) or a statistic of the summaries table (values in its unit, an empty cell
 * when the row does not observe it). Cells are separated by commas, may be quoted ("..."), and
 * carry no units; blank lines and lines starting with # are skipped. Every error is a {@link
 * ConfigException} at {@code fit.target} naming the file, the line and the column.
 */
final class TargetFile {
    static final String FIELD = "fit.target";
    /** A plain finite decimal number: no NaN, Infinity, hex or type suffix, which Double.parseDouble would read. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final String written;
    private final RunTemplate base;

    private TargetFile(String written, RunTemplate base) {
        this.written = written;
        this.base = base;
    }

    /**
     * @param written     the path as the config gives it, relative to configDir unless absolute
     * @param fittedPaths the fitted parameters, which cannot also be conditions
     */
    static Target read(String written, Path configDir, RunTemplate base, List<String> fittedPaths) {
        Path file;
        try {
            file = configDir.resolve(written);
        } catch (InvalidPathException e) {
            throw new ConfigException(FIELD, "'" + written + "' (" + e.getReason() + ")", "a file path", e);
        }
        return new TargetFile(written, base).read(file, fittedPaths);
    }

    private Target read(Path file, List<String> fittedPaths) {
        List<String[]> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String[] text = text(file).split("\r?\n|\r", -1);
        for (int i = 0; i < text.length; i++) {
            String line = text[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(cells(line));
                numbers.add(i + 1);
            }
        }
        if (lines.isEmpty()) {
            throw new ConfigException(FIELD, "'" + written + "', an empty file", "a CSV file whose first line names the"
                    + " columns (condition paths such as stimulus.amplitude and statistics such as rate_hz) and whose"
                    + " further lines each give one condition");
        }
        String[] header = lines.get(0);
        List<String> conditions = new ArrayList<>();
        List<String> statistics = new ArrayList<>();
        boolean[] isCondition = new boolean[header.length];
        for (int c = 0; c < header.length; c++) {
            String name = header[c];
            if (Arrays.asList(header).subList(0, c).contains(name)) {
                throw error(numbers.get(0), "column " + (c + 1), "'" + name + "', a second time", "each column once");
            }
            if (Criterion.STATISTICS.contains(name)) {
                statistics.add(name);
            } else {
                checkCondition(name, c, numbers.get(0), fittedPaths);
                conditions.add(name);
                isCondition[c] = true;
            }
        }
        if (statistics.isEmpty()) {
            throw error(numbers.get(0), "the header", String.join(",", header), "at least one statistic column, one of "
                    + String.join(", ", Criterion.STATISTICS));
        }
        if (lines.size() == 1) {
            throw new ConfigException(FIELD, "'" + written + "' with a header and no rows",
                    "at least one line of values under the header, one condition each");
        }
        int rows = lines.size() - 1;
        double[][] conditionValues = new double[rows][conditions.size()];
        Double[][] observed = new Double[rows][statistics.size()];
        Map<List<Double>, Integer> seen = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1);
            int line = numbers.get(r + 1);
            if (cells.length != header.length) {
                throw error(line, "the line", cells.length + " cells", header.length + " cells, one per column of the"
                        + " header (" + String.join(",", header) + ")");
            }
            int nc = 0;
            int ns = 0;
            for (int c = 0; c < header.length; c++) {
                if (isCondition[c]) {
                    String unit = base.unit(header[c]).symbol();
                    if (cells[c].isEmpty()) {
                        throw error(line, "column " + header[c], "an empty cell", "a plain number in " + unit
                                + ": every row gives each condition (a condition the config sets for all rows needs"
                                + " no column)");
                    }
                    conditionValues[r][nc++] = number(cells[c], line, header[c], "a plain number in " + unit
                            + ", the engine unit of " + header[c] + " (no unit written)");
                } else {
                    observed[r][ns++] = cells[c].isEmpty() ? null : number(cells[c], line, header[c],
                            "a plain number in the unit of " + header[c] + ", or an empty cell where not observed");
                }
            }
            List<Double> key = Arrays.stream(conditionValues[r]).boxed().toList();
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                throw error(line, "the line", "the conditions of line " + earlier + (conditions.isEmpty()
                        ? " (the file has no condition column, so every row is the config itself)" : ""),
                        "each condition on one line: a second line would weigh it twice");
            }
        }
        return new Target(written, conditions, statistics, conditionValues, observed);
    }

    private void checkCondition(String name, int c, int line, List<String> fittedPaths) {
        if (name.isEmpty()) {
            throw error(line, "column " + (c + 1), "an empty name", "a condition path or a statistic");
        }
        if (fittedPaths.contains(name)) {
            throw error(line, "column " + name, "a fitted parameter (fit.params)",
                    "a condition path that is not fitted: a row cannot set what the fit searches");
        }
        if (base.paths().contains(name)) {
            return;
        }
        List<String> known = new ArrayList<>(base.paths());
        known.addAll(Criterion.STATISTICS);
        if (!name.contains(".")) {
            throw error(line, "column " + name, "'" + name + "', neither a statistic nor a sweepable field",
                    "a statistic of the summaries table (" + String.join(", ", Criterion.STATISTICS) + ")"
                            + Suggest.hint(name, known) + " or a condition path such as stimulus.amplitude");
        }
        try {
            SweepReader.checkPath(name, base, FIELD);
        } catch (ConfigException e) {
            // the sweep's message, which knows about stimulus types and networks, with the file's place
            throw error(line, "column " + name, e.value(), "a statistic of the summaries table or " + e.expected());
        }
    }

    private double number(String cell, int line, String column, String expected) {
        if (!NUMBER.matcher(cell).matches()) {
            throw error(line, "column " + column, "'" + cell + "'", expected);
        }
        return Double.parseDouble(cell);
    }

    private ConfigException error(int line, String where, String got, String expected) {
        return new ConfigException(FIELD, "'" + written + "' line " + line + ", " + where + ": " + got, expected);
    }

    /** A line's cells, stripped, each without its surrounding quotes. */
    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            cells[i] = s;
        }
        return cells;
    }

    /** The file's text, refused by its size first like a config, decoded as strict UTF-8. */
    private String text(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(FIELD, "'" + written + "' (" + (Files.exists(file) ? "not a file" : "no such file")
                        + ": " + file + ")", "a CSV file of the target, relative to the config's directory");
            }
            long size = Files.size(file);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(ConfigLoader.MAX_BYTES + 1);
            }
            if (size > ConfigLoader.MAX_BYTES || bytes.length > ConfigLoader.MAX_BYTES) {
                throw new ConfigException(FIELD, "'" + written + "' of " + Math.max(size, bytes.length) + " bytes",
                        "a target file of at most 1 MiB (" + ConfigLoader.MAX_BYTES + " bytes)");
            }
            String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new ConfigException(FIELD, "'" + written + "' (malformed UTF-8)", "a UTF-8 CSV file", e);
        } catch (IOException e) {
            throw new ConfigException(FIELD, "'" + written + "' (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")", "a readable CSV file", e);
        }
    }
}
