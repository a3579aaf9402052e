package org.hhsweep.spark.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.hhsweep.sim.record.TraceQuantization;

/** Writes the records of a {@link Table} straight into Parquet's record consumer, column by column. */
final class TableWriteSupport<R> extends WriteSupport<R> {
    private final List<Column<R>> columns;
    private final MessageType schema;
    private final Map<String, String> metadata;
    /** Metadata known only once every row is written, added to the footer when the file is closed. */
    private final Map<String, String> closing = new HashMap<>();
    private RecordConsumer out;

    TableWriteSupport(Table<R> table, Map<String, String> metadata) {
        this.columns = table.columns();
        this.schema = table.schema();
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, metadata);
    }

    void addClosingMetadata(Map<String, String> more) {
        closing.putAll(more);
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(new HashMap<>(closing));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(R record) {
        out.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            Column<R> c = columns.get(i);
            Object v = c.value().apply(record);
            if (v == null) {
                if (!c.nullable()) {
                    throw new IllegalStateException("column " + c.name() + " is not nullable but has no value");
                }
                continue;
            }
            out.startField(c.name(), i);
            switch (c.type()) {
                case INT32 -> out.addInteger((Integer) v);
                case INT64 -> out.addLong((Long) v);
                case DOUBLE -> out.addDouble((Double) v);
                case STRING -> out.addBinary(Binary.fromString((String) v));
                case DOUBLE_LIST -> writeList((double[]) v);
                case FLOAT_LIST -> writeList((float[]) v);
                case INT32_LIST -> writeList((int[]) v);
            }
            out.endField(c.name(), i);
        }
        out.endMessage();
    }

    private void writeList(double[] values) {
        out.startGroup();
        if (values.length > 0) {
            out.startField("list", 0);
            for (double v : values) {
                out.startGroup();
                out.startField("element", 0);
                out.addDouble(v);
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    /** Whole steps; {@link TraceQuantization#NOT_REPRESENTABLE} becomes a null element. */
    private void writeList(int[] values) {
        out.startGroup();
        if (values.length > 0) {
            out.startField("list", 0);
            for (int v : values) {
                out.startGroup();
                if (v != TraceQuantization.NOT_REPRESENTABLE) {
                    out.startField("element", 0);
                    out.addInteger(v);
                    out.endField("element", 0);
                }
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    private void writeList(float[] values) {
        out.startGroup();
        if (values.length > 0) {
            out.startField("list", 0);
            for (float v : values) {
                out.startGroup();
                out.startField("element", 0);
                out.addFloat(v);
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }
}
