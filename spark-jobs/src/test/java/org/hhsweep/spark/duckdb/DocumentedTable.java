package org.hhsweep.spark.duckdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table as the documentation promises it: its directory name under the output and its columns. */
public record DocumentedTable(String name, List<DocumentedColumn> columns) {

    public DocumentedTable {
        columns = List.copyOf(columns);
    }

    /** Column -> unit for the columns that have one: what the units metadata must say, exactly. */
    public Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        for (DocumentedColumn column : columns) {
            if (column.unit() != null) {
                units.put(column.name(), column.unit());
            }
        }
        return units;
    }
}
