package org.hhsweep.spark.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * An output table: its directory name, its columns in order and what it holds.
 *
 * @param <R> the record one row is made of
 */
public record Table<R>(String name, String description, List<Column<R>> columns) {

    public Table {
        columns = List.copyOf(columns);
    }

    /** Column name to unit, in column order. */
    public Map<String, String> units() {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c.name(), c.unit()));
        return out;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The Parquet schema. Lists use the standard three-level LIST structure
     * ({@code <list> (LIST) { repeated group list { required element; } }}) that Spark, DuckDB
     * and pyarrow all read as arrays.
     */
    public MessageType schema() {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column<R> c : columns) {
            message.addField(type(c));
        }
        return message.named("hhsweep_" + name);
    }

    private static Type type(Column<?> c) {
        Type.Repetition repetition = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        return switch (c.type()) {
            case INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(c.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(c.name());
            case DOUBLE_LIST -> list(c.name(), repetition, PrimitiveTypeName.DOUBLE);
            case FLOAT_LIST -> list(c.name(), repetition, PrimitiveTypeName.FLOAT);
            case INT32_LIST -> list(c.name(), repetition, PrimitiveTypeName.INT32, Type.Repetition.OPTIONAL);
        };
    }

    private static Type list(String name, Type.Repetition repetition, PrimitiveTypeName element) {
        return list(name, repetition, element, Type.Repetition.REQUIRED);
    }

    private static Type list(String name, Type.Repetition repetition, PrimitiveTypeName element,
                             Type.Repetition elementRepetition) {
        return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup()
                        .addField(Types.primitive(element, elementRepetition).named("element"))
                        .named("list"))
                .named(name);
    }
}
