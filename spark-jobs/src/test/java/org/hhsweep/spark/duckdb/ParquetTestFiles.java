package org.hhsweep.spark.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

/**
 * Writes small Parquet files with parquet-hadoop (not with DuckDB), so the DuckDB reader is tested on
 * files another writer made. Lists use Parquet's standard three-level LIST layout, as Spark writes
 * them.
 */
final class ParquetTestFiles {

    private ParquetTestFiles() {
    }

    /**
     * Writes one file.
     *
     * @param schema   a Parquet message type, e.g. {@code message t { required int64 run_id; }}
     * @param rows     one list of values per row, in schema field order: Long, Integer, Float,
     *                 Double, String, a List of those for LIST fields, or null for a missing
     *                 optional value
     * @param metadata key-value metadata for the footer
     */
    static Path write(Path file, String schema, List<List<Object>> rows, Map<String, String> metadata) {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try {
            Files.createDirectories(file.getParent());
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withType(type)
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withExtraMetaData(metadata)
                    .build()) {
                for (List<Object> row : rows) {
                    Group group = groups.newGroup();
                    for (int i = 0; i < row.size(); i++) {
                        add(group, type.getType(i), row.get(i));
                    }
                    writer.write(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void add(Group group, Type field, Object value) {
        if (value == null) {
            return;
        }
        String name = field.getName();
        if (value instanceof List<?> elements) {
            GroupType repeated = field.asGroupType().getType(0).asGroupType();
            Group list = group.addGroup(name);
            for (Object element : elements) {
                Group entry = list.addGroup(repeated.getName());
                add(entry, repeated.getType(0), element);
            }
        } else if (value instanceof Long v) {
            group.add(name, v);
        } else if (value instanceof Integer v) {
            group.add(name, v);
        } else if (value instanceof Float v) {
            group.add(name, v);
        } else if (value instanceof Double v) {
            group.add(name, v);
        } else if (value instanceof String v) {
            group.add(name, Binary.fromString(v));
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " to " + name);
        }
    }
}
