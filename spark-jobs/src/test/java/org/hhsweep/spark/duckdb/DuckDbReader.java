package org.hhsweep.spark.duckdb;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Parquet tables with DuckDB, a reader that shares no code with Spark or parquet-mr, so what
 * the tests find in a table is what any other tool would find.
 *
 * <p>A table is a directory of Parquet files as Spark writes it (part files, possibly in
 * {@code key=value} subdirectories, next to {@code _SUCCESS} and {@code .crc} files); every
 * {@code *.parquet} file below the directory belongs to it.
 */
public final class DuckDbReader implements AutoCloseable {

    private static final int EXAMPLES = 5;

    private final Connection connection;

    private DuckDbReader(Connection connection) {
        this.connection = connection;
    }

    /** An in-memory DuckDB: nothing is written to disk. */
    public static DuckDbReader open() throws SQLException {
        return new DuckDbReader(DriverManager.getConnection("jdbc:duckdb:"));
    }

    /** The SQL table expression reading every Parquet file below {@code dir}. */
    public static String table(Path dir) {
        return "read_parquet(" + filesGlob(dir) + ", hive_partitioning = true)";
    }

    private static String filesGlob(Path dir) {
        return sqlString(dir.toAbsolutePath().normalize() + "/**/*.parquet");
    }

    private static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Column names and types, in file order. */
    public List<ParquetColumn> describe(Path dir) throws SQLException {
        List<ParquetColumn> columns = new ArrayList<>();
        for (List<Object> row : query("DESCRIBE SELECT * FROM " + table(dir))) {
            columns.add(new ParquetColumn((String) row.get(0), (String) row.get(1)));
        }
        return columns;
    }

    /**
     * Runs a query and returns its rows. Values are plain Java objects: Long for BIGINT, Integer for
     * INTEGER, Float, Double, String, and {@code List} for list columns.
     */
    public List<List<Object>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(plain(rs.getObject(i)));
                }
                rows.add(Collections.unmodifiableList(row));
            }
            return rows;
        }
    }

    /** The single value of a query that returns one row of one column. */
    public Object scalar(String sql) throws SQLException {
        List<List<Object>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    public long count(Path dir) throws SQLException {
        return ((Number) scalar("SELECT count(*) FROM " + table(dir))).longValue();
    }

    private static Object plain(Object value) throws SQLException {
        if (value instanceof Array array) {
            Object[] elements = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(elements.length);
            for (Object element : elements) {
                list.add(plain(element));
            }
            return Collections.unmodifiableList(list);
        }
        return value;
    }

    /**
     * The key-value metadata of every Parquet file below {@code dir}: file name -> key -> value
     * (values decoded as UTF-8). Files without key-value metadata are present with an empty map.
     */
    public Map<String, Map<String, String>> keyValueMetadataByFile(Path dir) throws SQLException {
        Map<String, Map<String, String>> byFile = new TreeMap<>();
        for (List<Object> row : query("SELECT file FROM glob(" + filesGlob(dir) + ")")) {
            byFile.put((String) row.get(0), new LinkedHashMap<>());
        }
        for (List<Object> row : query("SELECT file_name, decode(key), decode(value) FROM parquet_kv_metadata("
                + filesGlob(dir) + ")")) {
            byFile.computeIfAbsent((String) row.get(0), f -> new LinkedHashMap<>())
                    .put((String) row.get(1), (String) row.get(2));
        }
        return byFile;
    }

    /**
     * The key-value metadata the files below {@code dir} agree on: the map of the first file, after
     * checking that every file carries the same value for each of {@code keys}.
     *
     * @throws IllegalStateException if there are no files or they disagree on one of {@code keys}
     */
    public Map<String, String> keyValueMetadata(Path dir, String... keys) throws SQLException {
        Map<String, Map<String, String>> byFile = keyValueMetadataByFile(dir);
        if (byFile.isEmpty()) {
            throw new IllegalStateException("no Parquet files below " + dir);
        }
        Map<String, String> first = byFile.values().iterator().next();
        for (Map.Entry<String, Map<String, String>> file : byFile.entrySet()) {
            for (String key : Arrays.asList(keys)) {
                String expected = first.get(key);
                String actual = file.getValue().get(key);
                if (expected == null ? actual != null : !expected.equals(actual)) {
                    throw new IllegalStateException("files below " + dir + " disagree on metadata '" + key
                            + "': " + expected + " vs " + actual + " in " + file.getKey());
                }
            }
        }
        return first;
    }

    /**
     * Compares two tables as multisets of rows over {@code columns} (a SQL select list, e.g.
     * {@code "*"} or {@code "run_id, neuron, values"}). Values must be equal exactly: floats are
     * compared bit for bit in value, with NaN equal to NaN, as DuckDB's set operations do.
     */
    public TableDifference difference(Path a, Path b, String columns) throws SQLException {
        String selectA = "SELECT " + columns + " FROM " + table(a);
        String selectB = "SELECT " + columns + " FROM " + table(b);
        String aMinusB = "(" + selectA + " EXCEPT ALL " + selectB + ")";
        String bMinusA = "(" + selectB + " EXCEPT ALL " + selectA + ")";
        return new TableDifference(
                count(a), count(b),
                ((Number) scalar("SELECT count(*) FROM " + aMinusB)).longValue(),
                ((Number) scalar("SELECT count(*) FROM " + bMinusA)).longValue(),
                query("SELECT * FROM " + aMinusB + " LIMIT " + EXAMPLES),
                query("SELECT * FROM " + bMinusA + " LIMIT " + EXAMPLES));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
