package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.stimulus.StimulusType;
import org.hhsweep.sim.sweep.Criterion;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SearchSpec;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/** Reads the sweep section: grid axes, random sampling, seed replicates and a threshold search. */
final class SweepReader {
    static final List<String> KEYS = List.of("grid", "seeds", "random", "search", "link");
    static final List<String> SEARCH_KEYS = List.of("param", "from", "to", "tolerance", "criterion");
    static final List<String> RANDOM_KEYS = List.of("samples", "params");
    /** How far out a normal distribution's values are checked, in standard deviations (1e-9 beyond). */
    static final double NORMAL_CHECK_SDS = 6;

    /**
     * What the sweep section asks for; {@code swept} lists every swept path with its values to
     * check (a searched path with the ends of its bracket, a follower with its leader's values);
     * {@code search} is null without one.
     */
    record Sweep(List<SweepSpec.GridAxis> grid, int samples, List<SweepSpec.RandomParam> random, int seeds,
                 List<Swept> swept, SearchSpec search, List<SweepSpec.Link> links) {
    }

    private SweepReader() {
    }

    static Sweep read(JsonNode node, RunTemplate base) {
        if (!Fields.given(node)) {
            return new Sweep(List.of(), 0, List.of(), 1, List.of(), null, List.of());
        }
        ObjectNode sweep = Fields.section(node, "sweep", KEYS);
        int seeds = Fields.given(sweep.get("seeds"))
                ? Fields.integer(sweep.get("seeds"), "sweep.seeds", 1, Integer.MAX_VALUE, " (random-seed replicates of every point)")
                : 1;
        List<SweepSpec.GridAxis> grid = new ArrayList<>();
        List<Swept> swept = new ArrayList<>();
        if (Fields.given(sweep.get("grid"))) {
            JsonNode g = sweep.get("grid");
            if (!g.isObject() || g.isEmpty()) {
                throw new ConfigException("sweep.grid", Fields.show(g), "a mapping of swept fields to their values, "
                        + "such as {stimulus.amplitude: [5 uA/cm^2, 10 uA/cm^2]}; leave sweep.grid out to sweep none");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = g.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = "sweep.grid." + e.getKey();
                checkPath(e.getKey(), base, field);
                EngineUnit unit = base.unit(e.getKey());
                Swept s = GridValues.read(e.getKey(), e.getValue(), field, unit, example(base, e.getKey(), unit));
                grid.add(new SweepSpec.GridAxis(e.getKey(),
                        s.values().stream().mapToDouble(Swept.Value::value).toArray()));
                swept.add(s);
            }
        }
        int samples = 0;
        List<SweepSpec.RandomParam> random = new ArrayList<>();
        if (Fields.given(sweep.get("random"))) {
            ObjectNode r = Fields.section(sweep.get("random"), "sweep.random", RANDOM_KEYS);
            String samplesExpected = "a whole number from 1 to " + Integer.MAX_VALUE + " (random samples per grid point)";
            if (!Fields.given(r.get("samples"))) {
                throw Fields.missing("sweep.random.samples", samplesExpected);
            }
            samples = Fields.integer(r.get("samples"), "sweep.random.samples", 1, Integer.MAX_VALUE,
                    " (random samples per grid point)");
            JsonNode params = r.get("params");
            String paramsExpected = "a mapping of sampled fields to distributions, such as "
                    + "{model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}}";
            if (!Fields.given(params)) {
                throw Fields.missing("sweep.random.params", paramsExpected);
            }
            if (!params.isObject() || params.isEmpty()) {
                throw new ConfigException("sweep.random.params", Fields.show(params), paramsExpected);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = params.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = e.getKey();
                String field = "sweep.random.params." + path;
                checkPath(path, base, field);
                if (swept.stream().anyMatch(s -> s.path().equals(path))) {
                    throw new ConfigException(field, "'" + path + "', already swept in sweep.grid",
                            "each field swept once: either in sweep.grid or in sweep.random");
                }
                Swept s = distribution(path, base.unit(path), e.getValue(), field, random);
                swept.add(s);
            }
        }
        SearchSpec search = null;
        if (Fields.given(sweep.get("search"))) {
            search = search(sweep.get("search"), base, swept);
        }
        List<SweepSpec.Link> links = Fields.given(sweep.get("link"))
                ? links(sweep.get("link"), base, grid, random, search, swept) : List.of();
        return new Sweep(grid, samples, random, seeds, swept, search, links);
    }

    /**
     * sweep.link, {follower: leader}: each follower must be a sweepable field that nothing else
     * sets, following a grid or sampled field of its unit; its values are its leader's, checked at
     * the follower (added to {@code swept} at sweep.link.FOLLOWER).
     */
    private static List<SweepSpec.Link> links(JsonNode node, RunTemplate base, List<SweepSpec.GridAxis> grid,
                                              List<SweepSpec.RandomParam> random, SearchSpec search, List<Swept> swept) {
        String example = "{network.synapses.EI.weight: network.synapses.EE.weight}";
        if (!node.isObject() || node.isEmpty()) {
            throw new ConfigException("sweep.link", Fields.show(node), "a mapping of linked fields to the swept fields"
                    + " whose values they take, such as " + example + "; leave sweep.link out to link none");
        }
        Map<String, String> given = new LinkedHashMap<>();
        node.properties().forEach(e -> given.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue().strip() : null));
        List<String> onGrid = grid.stream().map(SweepSpec.GridAxis::path).toList();
        List<String> sampled = random.stream().map(SweepSpec.RandomParam::path).toList();
        String searched = search == null ? null : search.path();
        List<SweepSpec.Link> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String follower = e.getKey();
            String field = "sweep.link." + follower;
            String leader = Fields.text(e.getValue(), field, "the swept field whose value " + follower
                    + " takes in every run, such as network.synapses.EE.weight");
            checkPath(follower, base, field);
            checkPath(leader, base, field);
            if (leader.equals(follower)) {
                throw new ConfigException(field, "'" + leader + "', the field itself",
                        "another swept field, whose value this one takes in every run");
            }
            String setBy = onGrid.contains(follower) ? "sweep.grid" : sampled.contains(follower) ? "sweep.random"
                    : follower.equals(searched) ? "sweep.search" : null;
            if (setBy != null) {
                throw new ConfigException(field, "'" + follower + "', already swept in " + setBy,
                        "a field that is not swept itself: a linked field takes its leader's value in every run");
            }
            for (Map.Entry<String, String> other : given.entrySet()) {
                if (follower.equals(other.getValue())) {
                    throw new ConfigException(field, "'" + follower + "', the leader of sweep.link." + other.getKey(),
                            "a field no other link follows: links do not chain (link " + other.getKey()
                                    + " to " + leader + " directly)");
                }
            }
            if (!onGrid.contains(leader) && !sampled.contains(leader)) {
                String why = given.containsKey(leader) ? ", itself linked to " + given.get(leader)
                        : leader.equals(searched) ? ", searched (set anew at every probe)" : ", not swept";
                throw new ConfigException(field, "'" + leader + "'" + why,
                        "a field of sweep.grid or sweep.random, whose value " + follower + " takes in every run");
            }
            EngineUnit unit = base.unit(follower);
            EngineUnit leaderUnit = base.unit(leader);
            if (unit != leaderUnit) {
                throw new ConfigException(field, "'" + leader + "', a " + Units.dimensionName(leaderUnit) + " ("
                        + leaderUnit.symbol() + ")", "a swept field of the dimension of " + follower + ", a "
                        + Units.dimensionName(unit) + " (" + unit.symbol() + ")");
            }
            Swept lead = swept.stream().filter(s -> s.path().equals(leader)).findFirst().orElseThrow();
            swept.add(new Swept(follower, lead.values().stream()
                    .map(v -> new Swept.Value(v.value(), field, v.text() + " (" + leader + ", " + v.field() + ")"))
                    .toList()));
            out.add(new SweepSpec.Link(follower, leader));
        }
        return out;
    }

    private static SearchSpec search(JsonNode node, RunTemplate base, List<Swept> swept) {
        ObjectNode s = Fields.section(node, "sweep.search", SEARCH_KEYS);
        String example = "such as {param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2, "
                + "tolerance: 0.01 uA/cm^2, criterion: \"spike_count >= 1\"}";
        for (String key : SEARCH_KEYS) {
            if (!Fields.given(s.get(key))) {
                throw Fields.missing("sweep.search." + key, "a threshold search " + example);
            }
        }
        String path = Fields.text(s.get("param"), "sweep.search.param", "a sweepable field such as stimulus.amplitude");
        checkPath(path, base, "sweep.search.param");
        for (Swept other : swept) {
            if (other.path().equals(path)) {
                String where = other.values().get(0).field().startsWith("sweep.grid") ? "sweep.grid" : "sweep.random";
                throw new ConfigException("sweep.search.param", "'" + path + "', already swept in " + where,
                        "a field that is not also swept: the search sets it at every probe");
            }
        }
        EngineUnit unit = base.unit(path);
        Fields.Quantity from = Fields.quantity(s.get("from"), "sweep.search.from", unit);
        Fields.Quantity to = Fields.quantity(s.get("to"), "sweep.search.to", unit);
        Fields.Quantity tolerance = Fields.quantity(s.get("tolerance"), "sweep.search.tolerance", unit);
        if (!(to.value() > from.value())) {
            throw new ConfigException("sweep.search.to", to.text(), "a value above from (" + from.text()
                    + "): the bracket [from, to] where the criterion changes from failing to holding");
        }
        if (!(tolerance.value() > 0)) {
            throw new ConfigException("sweep.search.tolerance", tolerance.text(), "a positive "
                    + Units.dimensionName(unit) + ", the width the bracket is narrowed to");
        }
        if (!(tolerance.value() < to.value() - from.value())) {
            throw new ConfigException("sweep.search.tolerance", tolerance.text(), "a width below that of the bracket, "
                    + Units.format(to.value() - from.value(), unit) + " (to - from)");
        }
        String text = Fields.text(s.get("criterion"), "sweep.search.criterion",
                "a comparison such as \"spike_count >= 1\"");
        Criterion criterion;
        try {
            criterion = Criterion.parse(text);
        } catch (Criterion.SyntaxException e) {
            String name = text.strip().split("[\\s<>=!]", 2)[0];
            String hint = Criterion.STATISTICS.contains(name) ? "" : Suggest.hint(name, Criterion.STATISTICS);
            throw new ConfigException("sweep.search.criterion", text, e.getMessage() + hint, e);
        }
        swept.add(new Swept(path, List.of(
                new Swept.Value(from.value(), "sweep.search.from", from.text()),
                new Swept.Value(to.value(), "sweep.search.to", to.text()))));
        return new SearchSpec(path, from.value(), to.value(), tolerance.value(), criterion);
    }

    /** Checks of a search that need the complete base run. */
    static void checkSearch(SearchSpec search, RunTemplate base, List<Swept> swept) {
        if (search == null || !search.criterion().statistic().equals("window_rate_hz")) {
            return;
        }
        boolean window = !Double.isNaN(base.windowStartMs())
                || swept.stream().anyMatch(s -> s.path().equals(RunTemplate.WINDOW_START));
        if (!window) {
            throw new ConfigException("sweep.search.criterion", search.criterion().toString(),
                    "a statistic the runs have: window_rate_hz needs simulation.window");
        }
    }

    /** A typical value of a path, for messages: a stimulus field's is its type's. */
    private static String example(RunTemplate base, String path, EngineUnit unit) {
        if (path.startsWith(RunTemplate.STIMULUS)) {
            return base.stimulus().kind().field(path.substring(RunTemplate.STIMULUS.length())).example();
        }
        return Fields.example(path, unit);
    }

    /** A swept field must be a sweepable scalar of this config (stimulus fields depend on its type). */
    static void checkPath(String path, RunTemplate base, String field) {
        List<String> paths = base.paths();
        if (paths.contains(path)) {
            return;
        }
        String section = path.substring(0, path.indexOf('.') + 1);
        if (base.network() != null
                && List.of(RunTemplate.MODEL, RunTemplate.STIMULUS, RunTemplate.INITIAL).contains(section)) {
            String part = section.replace(".", "");
            throw new ConfigException(field, "'" + path + "' in a network run", "a swept field of the simulation"
                    + " or the network: a network has no top-level " + part + " (each population's is under"
                    + " network.populations.NAME." + (part.equals("initial") ? "initial" : part) + ")");
        }
        if (path.startsWith(RunTemplate.STIMULUS)) {
            String f = path.substring(RunTemplate.STIMULUS.length());
            boolean elsewhere = StimulusType.all().stream().anyMatch(t -> t.fieldNames().contains(f));
            if (elsewhere) {
                List<String> own = base.stimulus().fields().stream().map(x -> RunTemplate.STIMULUS + x).toList();
                throw new ConfigException(field, "'" + path + "', not a field of the " + base.stimulus().type()
                        + " stimulus", "one of its fields: " + String.join(", ", own));
            }
        }
        String hint = Suggest.hint(path, paths);
        String note = path.equals("neurons") || path.equals("seed")
                ? "; replicates over seeds are sweep.seeds" : "";
        // the hint first: a model's paths are many, and a long message is cut at its end
        throw new ConfigException(field, "'" + path + "', not a sweepable field",
                "a sweepable field" + hint + note + ": one of " + String.join(", ", paths));
    }

    private static Swept distribution(String path, EngineUnit unit, JsonNode node, String field,
                                      List<SweepSpec.RandomParam> out) {
        List<String> names = Arrays.stream(SweepSpec.Distribution.values()).map(SweepSpec.Distribution::configName).toList();
        String ex = Units.example(unit);
        String expected = "a distribution: {uniform: [low, high]}, {normal: [mean, sd]} or {loguniform: [low, high]}, "
                + "with " + Units.dimensionName(unit) + " values such as \"" + ex + "\"";
        if (!node.isObject() || node.size() != 1) {
            throw new ConfigException(field, Fields.show(node), expected);
        }
        String name = node.fieldNames().next();
        if (!names.contains(name)) {
            throw Fields.unknownKey(field + "." + name, name, names);
        }
        SweepSpec.Distribution d = Arrays.stream(SweepSpec.Distribution.values())
                .filter(x -> x.configName().equals(name)).findFirst().orElseThrow();
        String f = field + "." + name;
        JsonNode args = node.get(name);
        if (!args.isArray() || args.size() != 2) {
            throw new ConfigException(f, Fields.show(args), "a list of two " + Units.dimensionName(unit) + " values, "
                    + (d == SweepSpec.Distribution.NORMAL ? "[mean, sd]" : "[low, high]"));
        }
        Fields.Quantity a = Fields.quantity(args.get(0), f + "[0]", unit);
        Fields.Quantity b = Fields.quantity(args.get(1), f + "[1]", unit);
        List<Swept.Value> check;
        switch (d) {
            case NORMAL -> {
                if (!(b.value() > 0)) {
                    throw new ConfigException(f + "[1]", b.text(), "a positive standard deviation");
                }
                double lo = a.value() - NORMAL_CHECK_SDS * b.value();
                double hi = a.value() + NORMAL_CHECK_SDS * b.value();
                check = List.of(
                        new Swept.Value(a.value(), f + "[0]", a.text()),
                        new Swept.Value(lo, f, Units.format(lo, unit) + " (mean - 6 sd)"),
                        new Swept.Value(hi, f, Units.format(hi, unit) + " (mean + 6 sd)"));
            }
            default -> {
                if (d == SweepSpec.Distribution.LOG_UNIFORM && !(a.value() > 0)) {
                    throw new ConfigException(f + "[0]", a.text(), "a positive lower bound (log-uniform)");
                }
                if (!(b.value() > a.value())) {
                    throw new ConfigException(f + "[1]", b.text(), "an upper bound above the lower bound " + a.text());
                }
                check = List.of(new Swept.Value(a.value(), f + "[0]", a.text()),
                        new Swept.Value(b.value(), f + "[1]", b.text()));
            }
        }
        out.add(new SweepSpec.RandomParam(path, d, a.value(), b.value()));
        return new Swept(path, check);
    }
}
