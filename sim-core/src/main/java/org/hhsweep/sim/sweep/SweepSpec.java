package org.hhsweep.sim.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hhsweep.sim.random.RandomStreams;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.stimulus.StimulusSpec;

/**
 * What the user asked for: a base run, a grid of swept scalars, random samples of others, and seed
 * replicates of every point. Runs are computed from their index alone ({@link #run}), so a sweep of
 * a million runs is never held in memory and every run's id and seed are fixed by the expansion,
 * whatever the partitioning.
 *
 * <p>Index order: grid point (first axis slowest), then random sample, then replicate fastest, so
 * the replicates of a point are neighbours. A run's seed depends only on the sweep seed and its
 * replicate number: every grid point and sample of replicate r sees the same noise ("frozen noise",
 * common random numbers), which makes curves over a swept parameter smooth and keeps a point's
 * noise unchanged when the grid is extended.
 *
 * <p>With a {@link SensitivitySpec}, the runs of its design take the place of random samples: at
 * every grid point, design run d (parameter values {@link SensitivitySpec#values}) with its seed
 * replicates.
 *
 * <p>With a {@link SearchSpec}, every run (grid point x sample x replicate) is one threshold search
 * over the searched scalar instead of one simulation.
 *
 * <p>Serializable (with the templates it holds) so a distributed job can ship the spec itself to
 * its workers, which then expand their own index ranges.
 */
public final class SweepSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    /** JAX's PRNGKey(seed) takes a 32-bit seed. */
    public static final long JAX_MAX_SEED = 0xFFFFFFFFL;


    /** One grid axis: a config path and the values it takes, in engine units. */
    public record GridAxis(String path, double[] values) implements Serializable {
        public GridAxis {
            values = values.clone();
        }
    }

    /** How a randomly sampled scalar is drawn. */
    public enum Distribution {
        /** uniform in [a, b) */
        UNIFORM("uniform"),
        /** normal with mean a and standard deviation b */
        NORMAL("normal"),
        /** log-uniform in [a, b), a > 0 */
        LOG_UNIFORM("loguniform");

        private final String configName;

        Distribution(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        double sample(double a, double b, long key) {
            return switch (this) {
                case UNIFORM -> a + (b - a) * RandomStreams.uniform(key, 0);
                case NORMAL -> a + b * RandomStreams.gaussian(key, 0);
                case LOG_UNIFORM -> Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * RandomStreams.uniform(key, 0));
            };
        }
    }

    /** A randomly sampled scalar. */
    public record RandomParam(String path, Distribution distribution, double a, double b) implements Serializable {
    }

    /**
     * A linked path ({@code sweep.link}): in every run the follower takes the value the grid or the
     * random samples gave the leader, so one swept value drives two fields (COBAHH's EE and EI
     * weights). A link adds no runs; the follower gets its own column.
     */
    public record Link(String follower, String leader) implements Serializable {
    }

    private final String name;
    private final long seed;
    private final RunTemplate base;
    private final List<GridAxis> grid;
    private final int samples;
    private final List<RandomParam> random;
    private final int seeds;
    private final SearchSpec search;
    private final List<Link> links;
    private final SensitivitySpec sensitivity;
    /** Random samples or design runs per grid point (1 when there are none). */
    private final int perPoint;
    /** Where each link's leader stands among the swept values of a run. */
    private final int[] leaderIndex;
    private final long runCount;

    /**
     * @param samples random samples per grid point (0 when nothing is sampled)
     * @param seeds   replicates of every point, at least 1
     */
    public SweepSpec(String name, long seed, RunTemplate base, List<GridAxis> grid, int samples,
                     List<RandomParam> random, int seeds) {
        this(name, seed, base, grid, samples, random, seeds, null);
    }

    /**
     * @param search a threshold search run for every run of the sweep, or null for plain runs; its
     *               path must be a scalar of the base run that is neither on the grid nor sampled
     */
    public SweepSpec(String name, long seed, RunTemplate base, List<GridAxis> grid, int samples,
                     List<RandomParam> random, int seeds, SearchSpec search) {
        this(name, seed, base, grid, samples, random, seeds, search, List.of());
    }

    /**
     * @param links followers of grid or sampled paths, each applied after the grid and the samples
     *              have set every leader; a follower is a scalar of the base run that is neither
     *              swept, searched nor a leader, in its leader's unit
     */
    public SweepSpec(String name, long seed, RunTemplate base, List<GridAxis> grid, int samples,
                     List<RandomParam> random, int seeds, SearchSpec search, List<Link> links) {
        this(name, seed, base, grid, samples, random, seeds, search, links, null);
    }

    /**
     * @param sensitivity a sensitivity design run at every grid point, or null; its parameters are
     *                    scalars of the base run that are not on the grid, and it takes neither
     *                    random samples nor a search beside it
     */
    public SweepSpec(String name, long seed, RunTemplate base, List<GridAxis> grid, int samples,
                     List<RandomParam> random, int seeds, SearchSpec search, List<Link> links,
                     SensitivitySpec sensitivity) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
        }
        if (samples < 0 || (samples == 0) != random.isEmpty()) {
            throw new IllegalArgumentException("random sampling needs samples >= 1 and at least one parameter");
        }
        this.name = name;
        this.seed = seed;
        this.base = base;
        this.grid = List.copyOf(grid);
        this.samples = samples;
        this.random = List.copyOf(random);
        this.seeds = seeds;
        this.search = search;
        this.links = List.copyOf(links);
        this.sensitivity = sensitivity;
        checkSensitivity();
        this.perPoint = sensitivity != null ? sensitivity.runs() : Math.max(1, samples);
        checkLinks();
        this.leaderIndex = this.links.stream().mapToInt(l -> sweptPaths().indexOf(l.leader())).toArray();
        if (search != null) {
            if (!base.paths().contains(search.path())) {
                throw new IllegalArgumentException("searched '" + search.path() + "' is not a scalar of the run; expected one of "
                        + base.paths());
            }
            if (sweptPaths().contains(search.path())) {
                throw new IllegalArgumentException("'" + search.path() + "' is both swept (or linked) and searched");
            }
        }
        if (StimulusSpec.RNG_JAX.equals(base.stimulus().rng())
                && (seed < 0 || seed + seeds - 1 > JAX_MAX_SEED || seed + seeds - 1 < seed)) {
            throw new IllegalArgumentException("a JAX replay takes seeds in [0, 2^32): seed " + seed + " with "
                    + seeds + " replicates");
        }
        long count = seeds;
        for (GridAxis axis : grid) {
            if (axis.values().length == 0) {
                throw new IllegalArgumentException("grid axis '" + axis.path() + "' has no values");
            }
            count = Math.multiplyExact(count, axis.values().length);
        }
        this.runCount = Math.multiplyExact(count, perPoint);
    }

    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    public RunTemplate base() {
        return base;
    }

    public List<GridAxis> grid() {
        return grid;
    }

    public int samples() {
        return samples;
    }

    /** The linked paths, in config order; empty without {@code sweep.link}. */
    public List<Link> links() {
        return links;
    }

    public List<RandomParam> random() {
        return random;
    }

    public int seeds() {
        return seeds;
    }

    /** The sensitivity analysis whose design the runs are, or null. */
    public SensitivitySpec sensitivity() {
        return sensitivity;
    }

    /** The grid's points (1 without a grid). */
    public long gridPoints() {
        return runCount / runsPerPoint();
    }

    /** Runs per grid point: random samples or design runs (1 when neither), times seed replicates. */
    public long runsPerPoint() {
        return (long) perPoint * seeds;
    }

    /** The first run of a grid point; its runs are the next {@link #runsPerPoint()}. */
    public long firstRun(long gridPoint) {
        if (gridPoint < 0 || gridPoint >= gridPoints()) {
            throw new IndexOutOfBoundsException("grid point " + gridPoint + " of " + gridPoints());
        }
        return gridPoint * runsPerPoint();
    }

    /**
     * Where a run stands in the expansion.
     *
     * @param sample its random sample or design run within the grid point (0 when neither)
     */
    public record Position(long gridPoint, int sample, int replicate) {
    }

    public Position position(long index) {
        if (index < 0 || index >= runCount) {
            throw new IndexOutOfBoundsException("run " + index + " of " + runCount);
        }
        long rest = index / seeds;
        return new Position(rest / perPoint, (int) (rest % perPoint), (int) (index % seeds));
    }

    /** The threshold search every run performs, or null for a sweep of plain runs. */
    public SearchSpec search() {
        return search;
    }

    public long runCount() {
        return runCount;
    }

    public long neuronCount() {
        return Math.multiplyExact(runCount, (long) base.neurons());
    }

    /**
     * Grid paths, then randomly sampled paths, then sensitivity parameters, then followers of links:
     * the columns that identify a
     * run's parameters (a follower's column repeats its leader's values, so tables show both).
     */
    public List<String> sweptPaths() {
        List<String> out = new ArrayList<>();
        grid.forEach(a -> out.add(a.path()));
        random.forEach(r -> out.add(r.path()));
        if (sensitivity != null) {
            out.addAll(sensitivity.paths());
        }
        links.forEach(l -> out.add(l.follower()));
        return Collections.unmodifiableList(out);
    }

    /** The config reader has said all this to the user; these guard other callers. */
    private void checkSensitivity() {
        if (sensitivity == null) {
            return;
        }
        if (samples != 0 || search != null) {
            throw new IllegalArgumentException("a sensitivity design takes no random samples or search beside it");
        }
        List<String> onGrid = grid.stream().map(GridAxis::path).toList();
        for (String p : sensitivity.paths()) {
            if (!base.paths().contains(p) || onGrid.contains(p)) {
                throw new IllegalArgumentException("sensitivity parameter '" + p + "' must be a scalar of the run"
                        + " that is not on the grid; expected one of " + base.paths());
            }
        }
        if (sensitivity.paths().stream().distinct().count() != sensitivity.paths().size()) {
            throw new IllegalArgumentException("sensitivity parameters repeat a path: " + sensitivity.paths());
        }
    }

    /** The config reader has said all this to the user; these guard other callers. */
    private void checkLinks() {
        List<String> leaders = new ArrayList<>();
        grid.forEach(a -> leaders.add(a.path()));
        random.forEach(r -> leaders.add(r.path()));
        if (sensitivity != null) {
            leaders.addAll(sensitivity.paths());
        }
        List<String> followers = new ArrayList<>();
        for (Link l : links) {
            if (!leaders.contains(l.leader())) {
                throw new IllegalArgumentException("link " + l + ": the leader is not on the grid, sampled or a sensitivity parameter");
            }
            if (!base.paths().contains(l.follower()) || leaders.contains(l.follower())
                    || followers.contains(l.follower())
                    || (search != null && search.path().equals(l.follower()))) {
                throw new IllegalArgumentException("link " + l + ": the follower must be a scalar of the run that is"
                        + " not swept, searched or linked twice; expected one of " + base.paths());
            }
            if (base.unit(l.follower()) != base.unit(l.leader())) {
                throw new IllegalArgumentException("link " + l + ": " + base.unit(l.follower()) + " follows "
                        + base.unit(l.leader()));
            }
            followers.add(l.follower());
        }
    }

    /**
     * The seed of replicate r: hashed from the sweep seed for the project's generator; seed + r,
     * unhashed, for a JAX replay, whose seeds are JAX's own (seed 42 is PRNGKey(42)).
     */
    public long replicateSeed(int replicate) {
        if (StimulusSpec.RNG_JAX.equals(base.stimulus().rng())) {
            return seed + replicate;
        }
        return RandomStreams.runSeed(seed, replicate);
    }

    public RunSpec run(long index) {
        Position at = position(index);
        long point = at.gridPoint();
        int sample = at.sample();
        int sensitive = sensitivity == null ? 0 : sensitivity.paths().size();
        double[] values = new double[grid.size() + random.size() + sensitive + links.size()];
        RunTemplate t = base;
        for (int a = grid.size() - 1; a >= 0; a--) {
            GridAxis axis = grid.get(a);
            int n = axis.values().length;
            double v = axis.values()[(int) (point % n)];
            point /= n;
            values[a] = v;
            t = t.with(axis.path(), v);
        }
        for (int r = 0; r < random.size(); r++) {
            RandomParam p = random.get(r);
            long key = RandomStreams.streamKey(RandomStreams.runSeed(seed, sample), r, RandomStreams.Purpose.SAMPLING);
            double v = p.distribution().sample(p.a(), p.b(), key);
            values[grid.size() + r] = v;
            t = t.with(p.path(), v);
        }
        if (sensitivity != null) {
            double[] v = sensitivity.values(sample);
            for (int i = 0; i < v.length; i++) {
                values[grid.size() + random.size() + i] = v[i];
                t = t.with(sensitivity.paths().get(i), v[i]);
            }
        }
        for (int l = 0; l < links.size(); l++) {
            Link link = links.get(l);
            double v = values[leaderIndex[l]];
            values[grid.size() + random.size() + sensitive + l] = v;
            t = t.with(link.follower(), v);
        }
        return new RunSpec(index, replicateSeed(at.replicate()), at.replicate(), values, t);
    }
}
