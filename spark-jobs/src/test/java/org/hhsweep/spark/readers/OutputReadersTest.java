package org.hhsweep.spark.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hhsweep.spark.io.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table of every kind of output opens in Spark with its default settings (the vectorized
 * reader), in DuckDB and in hyparquet, and each of them reads exactly the rows Spark's row-based
 * reader reads: every value, bit for bit, nulls, NaN and empty lists included.
 */
class OutputReadersTest {
    private static final Map<Path, TableRows> REFERENCE = new HashMap<>();

    static Stream<Arguments> outputsAndReaders() {
        List<Arguments> cases = new ArrayList<>();
        for (OutputShape shape : OutputShape.values()) {
            for (Reader reader : Reader.values()) {
                cases.add(Arguments.of(shape, reader));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, read by {1}")
    @MethodSource("outputsAndReaders")
    void everyTableReadsAsSparksRowReaderReadsIt(OutputShape shape, Reader reader) throws Exception {
        Path out = shape.output();
        for (String table : tables(out)) {
            TableRows expected = reference(out.resolve(table));
            assertFalse(expected.rows().isEmpty(), shape + ": " + table + " has rows");
            TableRows read = reader.read(out.resolve(table), expected.schema());
            String difference = read.differenceFrom(expected);
            assertNull(difference, shape + ", " + table + " read by " + reader + ": " + difference);
        }
    }

    @Test
    void theOutputsHoldEveryTableBothTraceLayoutsAndTheAwkwardValues() throws Exception {
        TreeSet<String> written = new TreeSet<>();
        for (OutputShape shape : OutputShape.values()) {
            written.addAll(tables(shape.output()));
        }
        assertEquals(new TreeSet<>(Tables.ALL_NAMES), written, "every table some sweep writes");

        Path quantised = OutputShape.QUANTISED.output();
        Path lossless = OutputShape.LOSSLESS.output();
        assertTrue(column(quantised, "traces", Tables.TRACE_STEPS_COLUMN).stream()
                .anyMatch(q -> ((List<?>) q).contains(null)), "a sample no int step holds: a null element");
        assertTrue(column(lossless, "traces", "values").stream().flatMap(v -> ((List<?>) v).stream())
                .anyMatch(v -> !Float.isFinite((Float) v) || Math.abs((Float) v) > 1e6), "a diverged sample");
        for (Path out : List.of(quantised, lossless)) {
            assertTrue(column(out, "summaries", "status").contains("diverged"), out + ": a diverged neuron");
            assertTrue(column(out, "summaries", "first_spike_ms").contains(null), out + ": a neuron without spikes");
            assertTrue(column(out, "summaries", "first_spike_ms").stream().anyMatch(Objects::nonNull),
                    out + ": a neuron with spikes");
            assertTrue(column(out, "spikes", "spike_ms").contains(List.of()), out + ": an empty spike list");
        }
        Path network = OutputShape.NETWORK.output();
        assertTrue(column(network, "summaries", "population").containsAll(List.of("E", "I")), "populations named");
        assertTrue(column(quantised, "summaries", "population").stream().allMatch(Objects::isNull),
                "independent neurons: a null population");
        assertTrue(column(network, "runs", "synapses_by_group").stream().allMatch(j -> ((String) j).startsWith("{\"EE\":")),
                "synapses per group as JSON");
        List<Object> thresholds = column(OutputShape.SEARCH.output(), "thresholds", "threshold");
        assertTrue(thresholds.contains(null) && thresholds.stream().anyMatch(Objects::nonNull),
                "thresholds found and not found: " + thresholds);
    }

    private static List<Object> column(Path out, String table, String column) {
        TableRows t = reference(out.resolve(table));
        int i = t.columns().indexOf(column);
        assertTrue(i >= 0, table + " has no column " + column + ": " + t.columns());
        return t.rows().stream().map(r -> r.get(i)).toList();
    }

    private static synchronized TableRows reference(Path dir) {
        return REFERENCE.computeIfAbsent(dir, Reader::reference);
    }

    /** The tables the manifest lists, after checking they are exactly the table directories written. */
    private static List<String> tables(Path out) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText(), out.toString());
        List<String> listed = new ArrayList<>();
        manifest.get("tables").fieldNames().forEachRemaining(listed::add);
        TreeSet<String> directories = new TreeSet<>();
        try (Stream<Path> entries = Files.list(out)) {
            for (Path p : entries.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(p)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                        directories.add(p.getFileName().toString());
                    }
                }
            }
        }
        assertEquals(directories, new TreeSet<>(listed), out + ": tables in the manifest and on disk");
        return listed;
    }
}
