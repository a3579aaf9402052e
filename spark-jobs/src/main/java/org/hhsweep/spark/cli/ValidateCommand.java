package org.hhsweep.spark.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.network.NetworkFootprint;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.network.Population;
import org.hhsweep.sim.network.SynapseGroup;
import org.hhsweep.sim.sensitivity.SensitivityMethod;
import org.hhsweep.sim.sensitivity.SensitivityParam;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.sweep.SearchSpec;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSize;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputEstimate;
import org.hhsweep.spark.io.OutputPlace;
import org.hhsweep.spark.io.Tables;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.MemoryBudget;
import org.hhsweep.spark.job.ProgressLine;

/** validate CONFIG: loads and checks a config and prints what running it would mean, without Spark. */
final class ValidateCommand {
    private final Cli cli;

    ValidateCommand(Cli cli) {
        this.cli = cli;
    }

    int run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("--verbose"), Set.of());
        String file = args.positional("CONFIG").get(0);
        SweepConfig config = cli.load(file);
        org.apache.hadoop.fs.Path output = OutputDirectory.resolve(SweepCommand.defaultOutput(config));
        OutputPlace.check(output, java.nio.file.Path.of(file));
        ExecutionSettings exec = ExecutionSettings.fromConfig(config.resolved());
        SweepSpec spec = config.spec();
        SweepSize size = SweepSize.of(spec);
        // No Spark here: cut for this machine's cores, as a sweep in local mode (local[*]) would.
        int cores = Runtime.getRuntime().availableProcessors();
        SweepChunks chunks = exec.chunks(spec, cores);
        PrintStream out = cli.out();
        // Refused before printing, as a config error is: a run that cannot fit is not a valid sweep here.
        MemoryBudget budget = MemoryBudget.current();
        budget.check(spec);

        out.println("config: " + file + " (valid; hash " + config.hash() + ")");
        out.printf(Locale.ROOT, "sweep: %s, seed %d%n", spec.name(), spec.seed());
        long points = 1;
        for (SweepSpec.GridAxis a : spec.grid()) {
            points *= a.values().length;
        }
        List<String> factors = new ArrayList<>();
        factors.add(String.format(Locale.ROOT, "%,d grid point%s", points, points == 1 ? "" : "s"));
        if (spec.samples() > 0) {
            factors.add(String.format(Locale.ROOT, "%,d random sample%s", spec.samples(),
                    spec.samples() == 1 ? "" : "s"));
        }
        SensitivitySpec sensitivity = spec.sensitivity();
        if (sensitivity != null) {
            factors.add(String.format(Locale.ROOT, "%,d %s design runs", sensitivity.runs(),
                    sensitivity.method().configName()));
        }
        factors.add(String.format(Locale.ROOT, "%,d seed replicate%s", spec.seeds(), spec.seeds() == 1 ? "" : "s"));
        out.printf(Locale.ROOT, "runs: %,d (%s)%n", spec.runCount(), String.join(" x ", factors));
        out.println("swept: " + swept(spec));
        if (config.fit() != null) {
            FitSpec fit = config.fit();
            long perGeneration = (long) fit.optimizer().population() * fit.conditions();
            out.printf(Locale.ROOT, "fit: %s over %d target row%s; %s, population %d, up to %d generations: %,d runs"
                            + " per generation, at most %,d (the runs above are the base run's)%n",
                    String.join(", ", fit.params().stream().map(p -> p.path()).toList()), fit.conditions(),
                    fit.conditions() == 1 ? "" : "s", fit.optimizer().method(), fit.optimizer().population(),
                    fit.optimizer().generations(), perGeneration, perGeneration * fit.optimizer().generations());
        }
        if (sensitivity != null) {
            sensitivity(out, sensitivity);
        }
        if (spec.search() != null) {
            SearchSpec search = spec.search();
            EngineUnit unit = spec.base().unit(search.path());
            out.printf(Locale.ROOT, "search: smallest %s in [%s, %s] where %s, to %s (up to %d simulations per run)%n",
                    search.path(), Units.format(search.from(), unit), Units.format(search.to(), unit),
                    search.criterion(), Units.format(search.tolerance(), unit), search.probes());
        }
        out.printf(Locale.ROOT, "neurons: %,d (%,d per run)%n", spec.neuronCount(), spec.base().neurons());
        if (spec.base().network() != null) {
            network(out, spec, budget);
        }
        out.printf(Locale.ROOT, "neuron-steps: %,d (%s)%s%n", size.neuronSteps(),
                ProgressLine.scientific(size.neuronSteps()), spec.search() != null
                        ? ", at most: every probe of every search" : size.saturated()
                        ? ", at least: more than a 64-bit count holds" : size.exact() ? ""
                        : ", estimated from a sample of runs");
        out.printf(Locale.ROOT, "chunks: %,d of up to %,d runs (%s)%n", chunks.count(), chunks.runsPerChunk(),
                exec.runsPerChunk() > 0 ? "execution.chunk_runs"
                        : "cut for " + cores + " core" + (cores == 1 ? "" : "s") + ", this machine's; a sweep cuts for"
                        + " its Spark parallelism");
        out.println("output: " + OutputDirectory.display(output) + " (unless --out is given)");
        out.println("estimated output, before compression:");
        List<OutputEstimate.TableEstimate> estimate = OutputEstimate.of(Tables.forSweep(spec), size, spec.base());
        // names up to 10 characters keep the columns where they always were; a network's longer ones widen them
        int width = Math.max(10, estimate.stream().mapToInt(t -> t.table().length()).max().orElse(0));
        for (OutputEstimate.TableEstimate t : estimate) {
            out.printf(Locale.ROOT, "  %-" + width + "s %,15d rows  %10s%s%n", t.table(), t.rows(),
                    OutputEstimate.human(t.bytes()),
                    t.table().equals(Tables.SPIKES) ? " + " + OutputEstimate.BYTES_PER_SPIKE + " B per spike" : "");
        }
        long total = OutputSizeCheck.total(estimate);
        long limit = ByteSize.limit("--max-output", OutputSizeCheck.DEFAULT_MAX_OUTPUT).getAsLong();
        out.printf(Locale.ROOT, "  %-" + width + "s %21s  %10s%s%n", "total", "", OutputEstimate.human(total), total > limit
                ? "  (over sweep's default --max-output of " + OutputEstimate.human(limit)
                + ": sweep it with --max-output SIZE or none)" : "");
        return Cli.OK;
    }

    /**
     * A network run's populations, its synapses as the rules give them on average (each run draws
     * its own), and its estimated heap against what a task can use.
     */
    private static void network(PrintStream out, SweepSpec spec, MemoryBudget budget) {
        NetworkSpec net = spec.base().network();
        List<String> pops = new ArrayList<>();
        for (Population p : net.populations()) {
            pops.add(String.format(Locale.ROOT, "%s %,d", p.name(), p.size()));
        }
        out.printf(Locale.ROOT, "network: %d population%s (%s), %d synapse group%s%n", net.populations().size(),
                net.populations().size() == 1 ? "" : "s", String.join(", ", pops), net.synapses().size(),
                net.synapses().size() == 1 ? "" : "s");
        List<String> groups = new ArrayList<>();
        double total = 0;
        for (SynapseGroup s : net.synapses()) {
            Population from = net.population(s.from());
            Population to = net.population(s.to());
            double expected = s.connect().expectedSynapses(from.size(), to.size(), from == to);
            total += expected;
            groups.add(String.format(Locale.ROOT, "%s %,.0f", s.name(), expected));
        }
        out.printf(Locale.ROOT, "synapses: %,.0f expected per run, each run drawing its own%s%n", total,
                groups.isEmpty() ? "" : " (" + String.join(", ", groups) + ")");
        out.printf(Locale.ROOT, "memory: about %s of heap per run (largest run, estimated); a task here can use %s%n",
                NetworkFootprint.describe(MemoryBudget.largestRunBytes(spec)),
                NetworkFootprint.describe(budget.perTaskBytes()));
    }

    /** How the design's runs come about, and what the sensitivity table will hold. */
    private static void sensitivity(PrintStream out, SensitivitySpec s) {
        int k = s.paths().size();
        String design = s.method() == SensitivityMethod.SOBOL
                ? String.format(Locale.ROOT, "%,d base samples x (%d parameters + 2)", s.samples(), k)
                : String.format(Locale.ROOT, "%,d trajectories x (%d parameters + 1), %d levels", s.samples(), k,
                s.levels());
        out.printf(Locale.ROOT, "sensitivity: %s, %,d design runs per grid point (%s); outputs %s; %s per grid point,"
                        + " output and parameter in %s/%n", s.method().configName(), s.runs(), design,
                String.join(", ", s.outputs()), String.join(", ", s.method().columns()), Tables.SENSITIVITY);
    }

    private static String swept(SweepSpec spec) {
        List<String> parts = new ArrayList<>();
        for (SweepSpec.GridAxis a : spec.grid()) {
            parts.add(a.path() + " (" + a.values().length + " values)");
        }
        for (SweepSpec.RandomParam r : spec.random()) {
            parts.add(r.path() + " (" + r.distribution().configName() + ")");
        }
        if (spec.sensitivity() != null) {
            for (SensitivityParam p : spec.sensitivity().params()) {
                EngineUnit unit = spec.base().unit(p.path());
                parts.add(p.path() + " (" + spec.sensitivity().method().configName() + " parameter, uniform "
                        + Units.format(p.low(), unit) + " to " + Units.format(p.high(), unit) + ")");
            }
        }
        for (SweepSpec.Link l : spec.links()) {
            parts.add(l.follower() + " (linked to " + l.leader() + ")");
        }
        return parts.isEmpty() ? "nothing (one point)" : String.join(", ", parts);
    }
}
