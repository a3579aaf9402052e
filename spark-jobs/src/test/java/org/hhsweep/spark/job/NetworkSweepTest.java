package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.NetworkSweeps;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.duckdb.DocumentedColumn;
import org.hhsweep.spark.duckdb.DocumentedTables;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.TableSchemaCheck;
import org.hhsweep.spark.io.Column;
import org.hhsweep.spark.io.Table;
import org.hhsweep.spark.io.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network sweeps on real Spark (local mode): each run simulated whole by one task, its tables as
 * Tables defines them, population rows that agree with the neurons' rows, and rows that depend on
 * the run alone (not on the master's cores, the chunking or the other runs of the sweep).
 */
class NetworkSweepTest {
    /** Order that makes every table's rows one list. */
    static final Map<String, String> ORDER = new LinkedHashMap<>();

    static {
        ORDER.put(Tables.RUNS, "run_id");
        ORDER.put(Tables.SUMMARIES, "run_id,population,neuron");
        ORDER.put(Tables.SPIKES, "run_id,population,neuron");
        ORDER.put(Tables.POPULATIONS, "run_id,population");
        ORDER.put(Tables.POPULATION_RATES, "run_id,population,bin");
    }

    @TempDir
    Path tmp;

    @Test
    void networkRunsWriteEveryTableAndPopulationsAgreeWithTheirNeurons() throws Exception {
        SparkSession spark = SparkTestSession.get();
        SweepConfig config = NetworkSweeps.threeWeights();
        Path out = tmp.resolve("net");
        SweepJob.Result result = SweepJobTest.sweep(spark, config, out, ExecutionSettings.DEFAULTS);

        // the tables the manifest lists are those written, each with the columns Tables defines
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        List<String> listed = new ArrayList<>();
        manifest.get("tables").fieldNames().forEachRemaining(listed::add);
        Tables tables = Tables.forSweep(config.spec());
        assertEquals(List.of("runs", "summaries", "spikes", "populations", "population_rates"), listed);
        assertEquals(tables.names(), listed);
        for (Table<?> t : tables.list()) {
            assertTrue(Files.isDirectory(out.resolve(t.name())), t.name());
            assertEquals(t.columnNames(), List.of(spark.read().parquet(out.resolve(t.name()).toString()).columns()),
                    t.name() + " columns");
            for (Column<?> c : t.columns()) {
                assertEquals(c.type().sql(), spark.read().parquet(out.resolve(t.name()).toString()).schema()
                        .apply(c.name()).dataType().simpleString(), t.name() + "." + c.name());
            }
        }

        // DuckDB reads every table as documented independently of Tables (duckdb.DocumentedTables), units included
        List<DocumentedColumn> swept = List.of(DocumentedTables.swept(NetworkSweeps.WEIGHT_COLUMN, "mS/cm^2"));
        try (DuckDbReader reader = DuckDbReader.open()) {
            assertEquals(List.of(), TableSchemaCheck.problems(reader, out, List.of(DocumentedTables.runs(swept),
                    DocumentedTables.summaries(swept), DocumentedTables.spikes(), DocumentedTables.populations(swept),
                    DocumentedTables.populationRates())));
        }

        // runs: 60 neurons, synapses per group summing to the total, p 0.1 of 1600, 800 and 800 pairs
        List<Row> runs = SweepJobTest.rows(spark, out, "runs", "run_id");
        assertEquals(3, runs.size());
        for (Row r : runs) {
            assertEquals(60, r.<Integer>getAs("neurons"));
            JsonNode groups = new ObjectMapper().readTree(r.<String>getAs("synapses_by_group"));
            assertEquals(List.of("EE", "EI", "IE"), iterable(groups.fieldNames()));
            long sum = groups.get("EE").asLong() + groups.get("EI").asLong() + groups.get("IE").asLong();
            assertEquals(sum, r.<Long>getAs("synapses"));
            assertTrue(groups.get("EE").asLong() > 100 && groups.get("EE").asLong() < 230, groups.toString());
            assertTrue(groups.get("EI").asLong() > 40 && groups.get("EI").asLong() < 130, groups.toString());
        }
        assertEquals(1, runs.stream().map(r -> r.<String>getAs("synapses_by_group")).distinct().count(),
                "the runs of one replicate share their seed, so their connections");
        assertEquals(List.of(0.05, 0.1, 0.2), runs.stream().map(r -> r.<Double>getAs(NetworkSweeps.WEIGHT_COLUMN)).toList());

        // summaries: every neuron once, numbered within its population
        List<Row> counts = spark.read().parquet(out.resolve("summaries").toString())
                .groupBy("run_id", "population").agg(org.apache.spark.sql.functions.count("*").as("n"),
                        org.apache.spark.sql.functions.max("neuron").as("last"))
                .orderBy("run_id", "population").collectAsList();
        assertEquals(6, counts.size());
        for (Row r : counts) {
            int size = r.getString(1).equals("E") ? 40 : 20;
            assertEquals(size, r.getLong(2));
            assertEquals(size - 1, r.getInt(3));
        }

        // populations: mean rate = the mean of its neurons' rates, silent fraction = their share without a spike
        spark.read().parquet(out.resolve("summaries").toString()).createOrReplaceTempView("net_summaries");
        spark.read().parquet(out.resolve("populations").toString()).createOrReplaceTempView("net_populations");
        List<Row> compared = spark.sql("SELECT p.run_id, p.population, p.neurons, p.mean_rate_hz, s.rate,"
                + " p.silent_fraction, s.silent, s.n FROM net_populations p JOIN (SELECT run_id, population,"
                + " avg(rate_hz) AS rate, avg(CASE WHEN spike_count = 0 THEN 1.0 ELSE 0.0 END) AS silent, count(*) AS n"
                + " FROM net_summaries GROUP BY run_id, population) s USING (run_id, population)"
                + " ORDER BY run_id, population").collectAsList();
        assertEquals(6, compared.size());
        double fired = 0;
        for (Row r : compared) {
            assertEquals(r.getLong(7), r.getInt(2), "neurons of " + r);
            assertEquals(r.getDouble(4), r.getDouble(3), 1e-9 * Math.max(1, r.getDouble(4)), "mean rate of " + r);
            assertEquals(((Number) r.get(6)).doubleValue(), r.getDouble(5), 1e-12, "silent fraction of " + r);
            fired += r.getDouble(3);
        }
        assertTrue(fired > 0, "the network fires");

        // population_rates: a row per 10 ms bin of 150 ms per run and population, averaging to the mean rate
        List<Row> rates = SweepJobTest.rows(spark, out, "population_rates", "run_id,population,bin");
        assertEquals(3 * 2 * 15, rates.size());
        for (int k = 0; k < 15; k++) {
            assertEquals(k, rates.get(k).<Integer>getAs("bin"));
            assertEquals(k * 10.0, rates.get(k).<Double>getAs("t_ms"), 1e-12);
        }
        List<Row> meanOfBins = spark.read().parquet(out.resolve("population_rates").toString())
                .groupBy("run_id", "population").avg("rate_hz").orderBy("run_id", "population").collectAsList();
        for (int i = 0; i < 6; i++) {
            assertEquals(compared.get(i).getDouble(3), meanOfBins.get(i).getDouble(2), 1e-6,
                    "equal bins: their mean is the run's mean rate, " + compared.get(i));
        }

        // spikes: one row per neuron, as many spikes as its spike_count
        assertEquals(0, spark.sql("SELECT * FROM net_summaries s JOIN (SELECT run_id, population, neuron,"
                + " size(spike_ms) AS k FROM parquet.`" + out.resolve("spikes") + "`) USING (run_id, population, neuron)"
                + " WHERE k != spike_count").count());

        assertEquals(180, result.totals().neurons());
        assertEquals(180L * 6000, result.totals().neuronSteps());
        assertTrue(result.totals().perNeuron().isEmpty(), "no per-neuron listing: a number alone does not say which");
    }

    @Test
    void aRunsRowsAreTheSameOnAnyMasterAnyChunkingAndAloneOrInASweep() throws Exception {
        Path one = tmp.resolve("local1");
        Path two = tmp.resolve("local2");
        Path alone = tmp.resolve("alone");
        SparkSession single = SparkTestSession.get("local[1]");
        SweepJob.Result r1 = SweepJobTest.sweep(single, NetworkSweeps.threeWeights(), one, ExecutionSettings.DEFAULTS);
        Map<String, List<Row>> expected = read(single, one);

        SparkSession spark = SparkTestSession.get();
        SweepJob.Result r2 = SweepJobTest.sweep(spark, NetworkSweeps.threeWeights(), two,
                ExecutionSettings.DEFAULTS.withRunsPerChunk(1).withSlices(3));
        SweepJobTest.sweep(spark, NetworkSweeps.firstWeightAlone(), alone, ExecutionSettings.DEFAULTS);
        assertEquals(1, r1.chunks().count());
        assertEquals(3, r2.chunks().count());

        Map<String, List<Row>> actual = read(spark, two);
        Map<String, List<Row>> single0 = read(spark, alone);
        for (String table : ORDER.keySet()) {
            assertFalse(expected.get(table).isEmpty(), table);
            assertEquals(expected.get(table), actual.get(table), table + ": local[1] in one chunk, local[2] in three");
            List<Row> run0 = expected.get(table).stream().filter(r -> r.<Long>getAs("run_id") == 0L).toList();
            assertEquals(run0, single0.get(table), table + ": run 0 alone and in the sweep");
        }
        assertEquals(r1.totals().spikes(), r2.totals().spikes());
        // the totals add the chunks' sums: other chunks, other rounding
        assertEquals(r1.totals().meanRateHz(), r2.totals().meanRateHz(), 1e-9 * r1.totals().meanRateHz());
    }

    static Map<String, List<Row>> read(SparkSession spark, Path out) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        ORDER.forEach((table, order) -> tables.put(table, SweepJobTest.rows(spark, out, table, order)));
        return tables;
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
