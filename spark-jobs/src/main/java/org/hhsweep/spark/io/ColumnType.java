package org.hhsweep.spark.io;

/** The value types output columns can have, with their Parquet and SQL spelling. */
public enum ColumnType {
    INT32("int"),
    INT64("bigint"),
    DOUBLE("double"),
    STRING("string"),
    DOUBLE_LIST("array<double>"),
    FLOAT_LIST("array<float>"),
    /** Whole numbers whose elements may be null (a sample no int holds). */
    INT32_LIST("array<int>");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    /** The type as Spark SQL (and the docs) name it. */
    public String sql() {
        return sql;
    }
}
