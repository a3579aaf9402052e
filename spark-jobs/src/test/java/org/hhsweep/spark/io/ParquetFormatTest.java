package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.SweepJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the files really contain, read from their footers with parquet-hadoop's own reader. */
class ParquetFormatTest {
    @TempDir
    static Path tmp;
    static Path out;
    /** The f-I sweep's tables: runs, summaries, spikes, traces. */
    static final List<String> TABLES = Tables.forSweep(TestSweeps.fICurve().spec()).names();

    @BeforeAll
    static void sweep() throws Exception {
        out = tmp.resolve("fi");
        SweepJob.run(SparkTestSession.get(), TestSweeps.fICurve(), OutputDirectory.resolve(out.toString()),
                SweepJob.Options.of(false, ExecutionSettings.DEFAULTS.withRunsPerChunk(2), null));
    }

    private static List<Path> parts(String table) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(table))) {
            return s.sorted().toList();
        }
    }

    private static ParquetMetadata footer(Path file) throws Exception {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            return r.getFooter();
        }
    }

    @Test
    void onlyCommittedChunkFilesRemain() throws Exception {
        for (String table : TABLES) {
            List<String> names = parts(table).stream().map(p -> p.getFileName().toString()).toList();
            // 5 runs, 2 per chunk: chunks 0, 1, 2
            assertEquals(List.of("part-000000.parquet", "part-000001.parquet", "part-000002.parquet"), names, table);
        }
    }

    @Test
    void everyColumnHasTheCompressionEncodingAndPageVersionTheManifestStates() throws Exception {
        JsonNode parquet = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("parquet");
        assertEquals("ZSTD", parquet.get("compression").asText());
        assertEquals(2, parquet.get("data_page_version").asInt());
        assertFalse(parquet.get("dictionary_encoding").asBoolean());
        // what every default reader decodes: no BYTE_STREAM_SPLIT (Spark's vectorized reader lacks it)
        Map<String, String> stated = Map.of("FLOAT", "PLAIN", "DOUBLE", "PLAIN", "INT32", "DELTA_BINARY_PACKED",
                "INT64", "DELTA_BINARY_PACKED", "BINARY", "DELTA_BYTE_ARRAY");
        assertEquals(stated.size(), parquet.get("encodings").size());
        stated.forEach((type, encoding) -> assertEquals(encoding, parquet.at("/encodings/" + type).asText(), type));

        Map<String, Integer> columnsByType = new TreeMap<>();
        for (String table : TABLES) {
            for (Path file : parts(table)) {
                ParquetMetadata footer = footer(file);
                for (BlockMetaData block : footer.getBlocks()) {
                    for (ColumnChunkMetaData c : block.getColumns()) {
                        String where = table + "/" + file.getFileName() + " " + c.getPath();
                        String type = c.getPrimitiveType().getPrimitiveTypeName().name();
                        columnsByType.merge(type, 1, Integer::sum);
                        assertEquals(CompressionCodecName.ZSTD, c.getCodec(), where);
                        Set<Encoding> values = new TreeSet<>(c.getEncodings());
                        // repetition and definition levels are always RLE
                        values.remove(Encoding.RLE);
                        assertEquals(Set.of(Encoding.valueOf(stated.get(type))), values, where + " " + c.getEncodings());
                    }
                }
                assertEquals(2, dataPageVersions(file), table + "/" + file.getFileName());
            }
        }
        // per file set: INT64 runs 3 (synapses too), summaries 3, spikes 1, traces 1; INT32 3, 2, 1, 1;
        // DOUBLE 1, 8, 2, 2; BINARY (status, synapses_by_group, population, variable) 2, 2, 1, 1;
        // FLOAT (trace samples) 1; chunks 0, 1, 2
        assertEquals(new TreeMap<>(Map.of("BINARY", 3 * 6, "DOUBLE", 3 * 13, "FLOAT", 3, "INT32", 3 * 7,
                "INT64", 3 * 8)), columnsByType);
    }

    /** The version of every data page of a file's columns: 1, 2, or -1 when they differ. */
    private static int dataPageVersions(Path file) throws Exception {
        Set<Integer> versions = new TreeSet<>();
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            for (PageReadStore group = r.readNextRowGroup(); group != null; group = r.readNextRowGroup()) {
                for (ColumnDescriptor column : r.getFooter().getFileMetaData().getSchema().getColumns()) {
                    PageReader pages = group.getPageReader(column);
                    for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
                        versions.add(page instanceof DataPageV2 ? 2 : 1);
                    }
                }
            }
        }
        return versions.size() == 1 ? versions.iterator().next() : -1;
    }

    @Test
    void unitsAreInEveryFilesMetadata() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, String>> expected = Map.of(
                "runs", Map.of("stimulus_amplitude", "uA/cm^2", "neurons", "1", "run_id", ""),
                "summaries", Map.of("rate_hz", "Hz", "window_rate_hz", "Hz", "first_spike_ms", "ms",
                        "mean_isi_ms", "ms", "cv_isi", "1", "v_min_mV", "mV", "v_max_mV", "mV",
                        "stimulus_amplitude", "uA/cm^2", "spike_count", "1"),
                "spikes", Map.of("spike_ms", "ms", "spike_interp_ms", "ms"),
                "traces", Map.of("t0_ms", "ms", "dt_ms", "ms"));
        for (String table : TABLES) {
            for (Path file : parts(table)) {
                Map<String, String> kv = footer(file).getFileMetaData().getKeyValueMetaData();
                assertEquals(table, kv.get("hhsweep.table"));
                JsonNode units = json.readTree(kv.get("hhsweep.units"));
                expected.get(table).forEach((column, unit) ->
                        assertEquals(unit, units.path(column).asText(null), table + "." + column));
                if (table.equals("traces")) {
                    String values = units.get("values").asText();
                    assertTrue(values.contains("V: mV") && values.contains("I: uA/cm^2"), values);
                }
            }
        }
    }

    @Test
    void listsUseTheStandardThreeLevelStructure() throws Exception {
        MessageType spikes = footer(parts("spikes").get(0)).getFileMetaData().getSchema();
        assertThreeLevelList(spikes.getType("spike_ms"), PrimitiveType.PrimitiveTypeName.DOUBLE);
        MessageType traces = footer(parts("traces").get(0)).getFileMetaData().getSchema();
        assertThreeLevelList(traces.getType("values"), PrimitiveType.PrimitiveTypeName.FLOAT);

        SparkSession spark = SparkTestSession.get();
        assertEquals(DataTypes.DoubleType, ((ArrayType) fieldType(spark, "spikes", "spike_ms")).elementType());
        assertEquals(DataTypes.FloatType, ((ArrayType) fieldType(spark, "traces", "values")).elementType());
    }

    private static void assertThreeLevelList(Type outer, PrimitiveType.PrimitiveTypeName element) {
        assertEquals(LogicalTypeAnnotation.listType(), outer.getLogicalTypeAnnotation());
        GroupType list = outer.asGroupType().getType(0).asGroupType();
        assertEquals("list", list.getName());
        assertEquals(Type.Repetition.REPEATED, list.getRepetition());
        Type e = list.getType(0);
        assertEquals("element", e.getName());
        assertEquals(element, e.asPrimitiveType().getPrimitiveTypeName());
    }

    private static DataType fieldType(SparkSession spark, String table, String column) {
        return spark.read().parquet(out.resolve(table).toString()).schema().apply(column).dataType();
    }
}
