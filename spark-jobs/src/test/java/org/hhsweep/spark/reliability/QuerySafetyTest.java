package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.analysis.ReadOnlySql;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * query and plot --where only read the output's tables. Statements that write, create, drop,
 * cache, set, add jars or read files by path are refused before Spark runs them: exit 2, one
 * line on stderr, nothing on stdout, every file (the output's tables, files the statements aim
 * at) byte-identical afterwards and the tables' row counts (read by DuckDB) unchanged. Read-only
 * statements still work, and every error the user's SQL can cause is one line with exit 2.
 */
class QuerySafetyTest {
    private static final String CONFIG = """
            name: safety
            simulation: {duration: 20 ms, dt: 0.02 ms}
            neurons: 2
            stimulus: {type: constant, amplitude: 10 uA/cm^2}
            sweep: {seeds: 2}
            record: {traces: {every: 0.2 ms, neurons: all}, spikes: true}
            execution: {chunk_runs: 1}
            """;

    @TempDir
    static Path tmp;
    static Path out;
    /** Files of the user's that hostile statements aim at. */
    static Path victim;
    static Path secret;

    @BeforeAll
    static void sweep() throws IOException {
        out = tmp.resolve("out");
        Path config = Files.writeString(tmp.resolve("safety.yaml"), CONFIG);
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.describe());
        victim = Files.createDirectories(tmp.resolve("victim"));
        secret = Files.writeString(victim.resolve("secret.csv"), "user,password\nroot,hunter2\n");
        Files.writeString(victim.resolve("notes.txt"), "the user's own file\n");
    }

    /** Statements that must never run, with a fragment of the one line that refuses each. */
    private static Map<String, String> hostile() {
        String v = victim.toString();
        String s = secret.toString();
        String notAllowed = "is not allowed: query takes one SELECT";
        String byPath = "would read a file by its path";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("INSERT OVERWRITE DIRECTORY '" + v + "' SELECT * FROM summaries", "INSERT INTO DIR " + notAllowed);
        m.put("insert overwrite local directory '" + v + "' using parquet select 1", "INSERT INTO DIR " + notAllowed);
        m.put("INSERT INTO summaries SELECT * FROM summaries", "INSERT INTO " + notAllowed);
        m.put("INSERT OVERWRITE TABLE summaries SELECT * FROM summaries WHERE false", "INSERT INTO " + notAllowed);
        m.put("/* looks harmless */ INSERT INTO runs -- comment\n SELECT * FROM runs", "INSERT INTO " + notAllowed);
        m.put("SELECT * FROM csv.`" + s + "`", "csv.`" + s + "` " + byPath);
        m.put("select * from TEXT.`" + s + "`", "TEXT.`" + s + "` " + byPath);
        m.put("SeLeCt * FrOm `json`.`" + s + "`", "json.`" + s + "` " + byPath);
        m.put("SELECT * FROM parquet.`" + out.resolve("summaries") + "`", byPath);
        m.put("SELECT * FROM binaryFile.`" + v + "`", byPath);
        m.put("SELECT * FROM summaries WHERE run_id IN (SELECT 1 FROM (SELECT * FROM text.`" + s + "`) t)", byPath);
        m.put("SELECT (SELECT count(*) FROM orc.`" + v + "`) AS n", byPath);
        m.put("WITH x AS (SELECT * FROM text.`" + s + "`) SELECT * FROM x", byPath);
        m.put("SELECT * FROM summaries UNION ALL SELECT * FROM avro.`" + v + "`", byPath);
        m.put("SELECT * FROM summaries s, LATERAL (SELECT * FROM text.`" + s + "`)", byPath);
        m.put("EXPLAIN SELECT * FROM csv.`" + s + "`", byPath);
        m.put("DESCRIBE QUERY SELECT * FROM text.`" + s + "`", byPath);
        m.put("SELECT * FROM read_files('" + s + "')", "the table function read_files is not allowed");
        m.put("SELECT * FROM python_worker_logs()", "the table function python_worker_logs is not allowed");
        m.put("SELECT * FROM IDENTIFIER('text.' || '`" + s + "`')", "IDENTIFIER(...) of a computed name");
        m.put("SELECT * FROM spark_catalog.default.summaries", "spark_catalog.default.summaries is not one of them");
        m.put("SELECT * FROM nope",
                "query reads only the output's tables (runs, summaries, spikes, traces); nope is not one of them");
        m.put("SELECT * FROM summaries WITH ('path' = '" + s + "')", "options or STREAM on table summaries");
        m.put("SELECT * FROM STREAM summaries", "NAMED STREAMING RELATION " + notAllowed);
        m.put("SELECT * FROM summaries; DROP VIEW summaries", "query error: [PARSE_SYNTAX_ERROR]");
        m.put("SELECT 1; INSERT INTO summaries SELECT * FROM summaries", "query error: [PARSE_SYNTAX_ERROR]");
        m.put("BEGIN INSERT INTO summaries SELECT * FROM summaries; END", "COMPOUND BODY " + notAllowed);
        m.put("EXECUTE IMMEDIATE 'INSERT INTO summaries SELECT * FROM summaries'", "EXECUTE IMMEDIATE " + notAllowed);
        m.put("EXPLAIN INSERT INTO summaries SELECT * FROM summaries", "INSERT INTO " + notAllowed);
        m.put("CREATE TABLE t USING csv LOCATION '" + v + "' AS SELECT 1 AS a", "CREATE TABLE AS SELECT " + notAllowed);
        m.put("CREATE TEMPORARY VIEW leak AS SELECT * FROM text.`" + s + "`", notAllowed);
        m.put("CREATE OR REPLACE TEMPORARY VIEW summaries AS SELECT 1 AS x", notAllowed);
        m.put("DROP VIEW summaries", notAllowed);
        m.put("SET spark.sql.ansi.enabled = false", "SET " + notAllowed);
        m.put("RESET", notAllowed);
        m.put("ADD JAR " + v + "/x.jar", "ADD JARS " + notAllowed);
        m.put("ADD FILE " + s, notAllowed);
        m.put("CACHE TABLE summaries", "CACHE TABLE " + notAllowed);
        m.put("CACHE LAZY TABLE c AS SELECT * FROM text.`" + s + "`", "CACHE TABLE AS SELECT " + notAllowed);
        m.put("UNCACHE TABLE summaries", notAllowed);
        m.put("CLEAR CACHE", notAllowed);
        m.put("REFRESH TABLE summaries", notAllowed);
        m.put("LOAD DATA LOCAL INPATH '" + s + "' INTO TABLE summaries", "LOAD DATA " + notAllowed);
        m.put("SELECT TRANSFORM(neuron) USING 'touch " + v + "/pwned' FROM summaries",
                "SCRIPT TRANSFORMATION " + notAllowed);
        m.put("SELECT reflect('java.lang.System', 'setProperty', 'hhsweep.pwned', 'yes')", "the function reflect");
        m.put("SELECT JAVA_METHOD('java.lang.System', 'setProperty', 'hhsweep.pwned', 'yes')",
                "the function java_method");
        m.put("SELECT neuron FROM summaries WHERE try_reflect('java.lang.System', 'setProperty', 'hhsweep.pwned', 'x')"
                + " IS NOT NULL", "the function try_reflect");
        m.put("SELECT IDENTIFIER('ref' || 'lect')('java.lang.System', 'setProperty', 'hhsweep.pwned', 'yes')",
                "IDENTIFIER(...) of a computed name");
        m.put("DECLARE v INT", notAllowed);
        m.put("USE other", notAllowed);
        m.put("ANALYZE TABLE summaries COMPUTE STATISTICS", notAllowed);
        m.put("DESCRIBE text.`" + s + "`", byPath);
        m.put("SHOW CREATE TABLE summaries", "SHOW CREATE TABLE " + notAllowed);
        return m;
    }

    @Test
    void statementsThatWriteOrReadFilesAreRefusedBeforeSparkRunsThem() throws Exception {
        Map<String, Long> counts = rowCounts();
        Map<String, String> before = FileTree.snapshot(tmp);
        boolean warehouse = Files.exists(Path.of("spark-warehouse"));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> c : hostile().entrySet()) {
            Commands.Outcome o = Commands.run("query", out.toString(), c.getKey());
            if (o.status() != 2 || o.errLines().size() != 1 || !o.err().startsWith("query error: ")
                    || !o.err().contains(c.getValue()) || !o.out().isEmpty()) {
                failures.add(c.getKey() + " -> " + o.describe());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, FileTree.snapshot(tmp));
        assertEquals(counts, rowCounts());
        assertNull(System.getProperty("hhsweep.pwned"));
        assertEquals(warehouse, Files.exists(Path.of("spark-warehouse")));
        assertEquals(List.of(), SparkTestSession.get().catalog().listTables().collectAsList().stream()
                .filter(t -> !t.isTemporary()).toList(), "no table created in the session's catalog");
    }

    @Test
    void readOnlyStatementsStillWork() {
        Map<String, String> good = new LinkedHashMap<>();
        good.put("SELECT count(*) AS n FROM summaries", "n\n4\n");
        good.put("select COUNT(*) as n from SUMMARIES -- a comment\n;", "n\n4\n");
        good.put("/* count */ SELECT count(*) AS n FROM summaries s JOIN runs r USING (run_id) WHERE r.run_id >= 0",
                "n\n4\n");
        good.put("WITH s AS (SELECT * FROM summaries), r AS (SELECT run_id FROM runs)"
                + " SELECT count(*) AS n FROM s WHERE s.run_id IN (SELECT run_id FROM r)", "n\n4\n");
        good.put("SELECT run_id, count(*) AS n FROM summaries GROUP BY run_id HAVING count(*) > 1 ORDER BY run_id",
                "run_id,n\n0,2\n1,2\n");
        good.put("SELECT neuron, rank() OVER (PARTITION BY run_id ORDER BY neuron) AS r FROM summaries"
                + " WHERE run_id = 0 ORDER BY neuron", "neuron,r\n0,1\n1,2\n");
        good.put("SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM traces) AS traces",
                "runs,traces\n2,4\n");
        good.put("SELECT count(*) AS n FROM spikes LATERAL VIEW explode(spike_ms) t AS ms WHERE ms < 0", "n\n0\n");
        good.put("SELECT size(values) AS samples FROM traces WHERE run_id = 0 AND neuron = 0", "samples\n100\n");
        good.put("FROM summaries |> WHERE neuron = 0 |> AGGREGATE count(*) AS n", "n\n2\n");
        good.put("VALUES (1, 'a')", "col1,col2\n1,a\n");
        good.put("SELECT * FROM range(2)", "id\n0\n1\n");
        good.put("SELECT count(*) AS n FROM (TABLE runs)", "n\n2\n");
        good.put("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT sum(n) AS s"
                + " FROM r", "s\n6\n");
        for (Map.Entry<String, String> c : good.entrySet()) {
            assertEquals(c.getValue(), csv(c.getKey()), c.getKey());
        }
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("EXPLAIN SELECT avg(rate_hz) FROM summaries", "Physical Plan");
        shown.put("DESCRIBE summaries", "rate_hz");
        shown.put("DESCRIBE TABLE EXTENDED runs", "run_id");
        shown.put("DESCRIBE summaries rate_hz", "rate_hz");
        shown.put("DESCRIBE FUNCTION avg", "avg");
        shown.put("SHOW TABLES", "summaries");
        shown.put("SHOW VIEWS", "traces");
        shown.put("SHOW COLUMNS IN spikes", "spike_ms");
        shown.put("SHOW DATABASES", "default");
        shown.put("SHOW FUNCTIONS LIKE 'stddev*'", "stddev_samp");
        shown.put("DESCRIBE QUERY SELECT neuron, spike_ms FROM spikes", "spike_ms");
        for (Map.Entry<String, String> c : shown.entrySet()) {
            String printed = csv(c.getKey());
            assertTrue(printed.contains(c.getValue()), c.getKey() + " -> " + printed);
        }
    }

    /** What a query that must succeed, without a note, prints as CSV. */
    private static String csv(String sql) {
        Commands.Outcome o = Commands.run("query", out.toString(), sql, "--format", "csv");
        assertEquals(0, o.status(), sql + " -> " + o.describe());
        assertEquals("", o.err(), sql);
        return o.out();
    }

    @Test
    void errorsOfTheUsersSqlAreOneLineWithExitTwo() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("SELECT neuron / 0 FROM summaries", "query error: [DIVIDE_BY_ZERO] Division by zero.");
        cases.put("SELECT CAST(status AS INT) FROM summaries", "query error: [CAST_INVALID_INPUT] The value 'ok'");
        cases.put("SELECT raise_error('custom failure')", "query error: [USER_RAISED_EXCEPTION] custom failure");
        cases.put("SELECT assert_true(neuron < 0) FROM summaries", "query error: [USER_RAISED_EXCEPTION]");
        cases.put("SELECT (SELECT neuron FROM summaries) AS one", "query error: [SCALAR_SUBQUERY_TOO_MANY_ROWS]");
        cases.put("SELEC 1", "query error: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'");
        cases.put("SELECT nope FROM summaries", "query error: [UNRESOLVED_COLUMN.WITH_SUGGESTION]");
        cases.put("SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000),
                "query error: query too deeply nested: 3000 levels of parentheses, at most 64");
        cases.put("SELECT " + "(SELECT ".repeat(100) + "1" + ")".repeat(100),
                "query error: query too deeply nested: 100 levels of parentheses, at most 64");
        cases.put("SELECT " + "CASE WHEN neuron > 0 THEN ".repeat(1500) + "1" + " END".repeat(1500)
                + " FROM summaries", "query error: ");
        cases.put("SELECT " + "NOT ".repeat(5000) + "true", "query error: ");
        Map<String, String> before = FileTree.snapshot(tmp);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Commands.Outcome o = Commands.run("query", out.toString(), c.getKey());
            if (o.status() != 2 || o.errLines().size() != 1 || !o.err().startsWith(c.getValue())
                    || !o.out().isEmpty()) {
                failures.add(c.getKey().substring(0, Math.min(80, c.getKey().length())) + " -> " + o.describe());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, FileTree.snapshot(tmp));
    }

    @Test
    void plotWhereIsOneReadOnlyExpression() throws Exception {
        String s = secret.toString();
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("run_id IN (SELECT 1 FROM text.`" + s + "`)", "--where reads only the output's tables");
        hostile.put("true) UNION ALL SELECT * FROM csv.`" + s + "` --", "--where must be one SQL expression");
        hostile.put("neuron < 3) OR (true", "--where must be one SQL expression");
        hostile.put("true; DROP VIEW summaries", "--where must be one SQL expression");
        hostile.put("true) ; INSERT INTO summaries SELECT * FROM summaries --", "--where must be one SQL expression");
        hostile.put("reflect('java.lang.System', 'setProperty', 'hhsweep.pwned', 'yes') IS NOT NULL",
                "the function reflect");
        hostile.put("EXISTS (SELECT * FROM read_files('" + s + "'))", "the table function read_files");
        hostile.put("neuron IN (SELECT neuron FROM summaries WHERE neuron IN (SELECT 1 FROM json.`" + s + "`))",
                "would read a file by its path");
        hostile.put("(".repeat(100) + "true" + ")".repeat(100), "--where too deeply nested: 100 levels");
        hostile.put("neuron / 0 = 1", "query error: [DIVIDE_BY_ZERO]");
        hostile.put("raise_error('from where') IS NULL", "query error: [USER_RAISED_EXCEPTION] from where");
        // Contents, not directories' times: plot probes that it can write where the figure goes before Spark starts.
        Map<String, String> before = FileTree.contents(tmp);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> c : hostile.entrySet()) {
            Commands.Outcome o = Commands.run("plot", out.toString(), "--kind", "raster", "--where", c.getKey());
            if (o.status() != 2 || o.errLines().size() != 1 || !o.err().startsWith("query error: ")
                    || !o.err().contains(c.getValue()) || !o.out().isEmpty()) {
                failures.add(c.getKey() + " -> " + o.describe());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, FileTree.contents(tmp));
        assertNull(System.getProperty("hhsweep.pwned"));

        Path figure = tmp.resolve("figures").resolve("raster.png");
        Commands.Outcome ok = Commands.run("plot", out.toString(), "--kind", "raster", "--where",
                "run_id IN (SELECT max(run_id) FROM runs) AND neuron < 1 -- a comment", "--out", figure.toString());
        assertEquals(0, ok.status(), ok.describe());
        assertTrue(ok.out().startsWith("wrote " + figure), ok.out());
        assertTrue(Files.size(figure) > 0);
    }

    @Test
    void aQueryOnUnfinishedOutputSaysTheTablesArePartial() throws Exception {
        Path running = copyOfOutput("running");
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(running.resolve("manifest.json").toFile());
        manifest.put("status", "running");
        new ObjectMapper().writeValue(running.resolve("manifest.json").toFile(), manifest);
        Commands.Outcome o = Commands.run("query", running.toString(), "SELECT count(*) AS n FROM runs",
                "--format", "csv");
        assertEquals(0, o.status(), o.describe());
        assertEquals("n\n2\n", o.out());
        assertEquals(List.of("note: the tables in " + running + " are partial: 2 of 2 chunks committed, the manifest's"
                + " status is running"), o.errLines());

        Path lost = copyOfOutput("lost-chunk");
        for (String table : List.of("runs", "summaries", "spikes", "traces")) {
            Files.delete(lost.resolve(table).resolve("part-000001.parquet"));
        }
        o = Commands.run("query", lost.toString(), "SELECT count(*) AS n FROM runs", "--format", "csv");
        assertEquals(0, o.status(), o.describe());
        assertEquals("n\n1\n", o.out());
        assertEquals(List.of("note: the tables in " + lost + " are partial: 1 of 2 chunks committed, the manifest's"
                + " status is complete"), o.errLines());

        o = Commands.run("query", out.toString(), "SELECT count(*) AS n FROM runs", "--format", "csv");
        assertEquals("", o.err(), "a complete output has no note");
    }

    /**
     * The CLI as submit.sh runs it (its own JVM and session, conf/log4j2.properties): a failing task
     * is one line without Spark's logged stack traces, and no spark-warehouse/, metastore_db/ or
     * derby.log is left in the working directory, nor the temporary warehouse.
     */
    @Test
    void theCliLeavesNoSparkFilesBehindAndATaskErrorIsOneLine() throws Exception {
        Path workDir = Files.createDirectories(tmp.resolve("cwd"));
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Outcome databases = cli(workDir, javaTmp, "query", out.toString(), "SHOW DATABASES", "--format", "csv");
        assertEquals(0, databases.status, databases.err);
        assertEquals("namespace\ndefault\n", databases.out);
        Outcome divided = cli(workDir, javaTmp, "query", out.toString(), "SELECT neuron / 0 AS x FROM summaries");
        assertEquals(2, divided.status, divided.err);
        assertEquals("", divided.out);
        assertEquals(1, divided.err.lines().count(), divided.err);
        assertTrue(divided.err.startsWith("query error: [DIVIDE_BY_ZERO] Division by zero."), divided.err);
        try (Stream<Path> left = Files.list(workDir)) {
            assertEquals(List.of(), left.toList());
        }
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("hhsweep-warehouse-")));
        }
    }

    @Test
    void theReadmeSaysWhatQueryAccepts() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("SQL nested deeper than " + ReadOnlySql.MAX_NESTING + " levels"), "README: bound");
        String show = "SHOW TABLES|VIEWS|COLUMNS|FUNCTIONS|DATABASES";
        assertTrue(ReadOnlySql.ALLOWED.contains(show) && readme.contains("`" + show + "`"), "README: SHOW");
    }

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome cli(Path workDir, Path javaTmp, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The module opens Spark needs; not the Vector API module, whose JVM warning submit.sh filters.
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Dio.netty")) {
                command.add(a);
            }
        }
        command.add("-Djava.io.tmpdir=" + javaTmp);
        command.add("-Dlog4j2.configurationFile=" + Path.of("..", "conf", "log4j2.properties").toAbsolutePath());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.hhsweep.spark.cli.Main"));
        command.addAll(List.of(args));
        Path stdout = tmp.resolve("cli.out");
        Path stderr = tmp.resolve("cli.err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = builder.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the CLI did not finish");
        return new Outcome(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static Path copyOfOutput(String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (Stream<Path> paths = Files.walk(out)) {
            for (Path p : paths.toList()) {
                Path target = copy.resolve(out.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(".lock")) {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    /** Rows of every table, read by DuckDB: not by the code under test. */
    private static Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (DuckDbReader duckdb = DuckDbReader.open()) {
            for (String table : List.of("runs", "summaries", "spikes", "traces")) {
                counts.put(table, (Long) duckdb.query("SELECT count(*) FROM "
                        + DuckDbReader.table(out.resolve(table))).get(0).get(0));
            }
        }
        assertEquals(Map.of("runs", 2L, "summaries", 4L, "spikes", 4L, "traces", 4L), counts);
        return counts;
    }
}
