package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.CurrentNamespace$;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunctionName;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PipeOperator;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LimitAll;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowTablesExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.UnionLoopRef;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.DescribeRelationJsonCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.ShowNamespacesCommand;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import scala.Option;
import scala.Product;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The SQL a user gives query and plot --where, checked before Spark runs any of it to only read
 * the output's tables. Spark's own parser reads the text, and every node of the parsed plan must
 * be of a kind known to only read (a whitelist: whatever else Spark can parse, such as INSERT,
 * CREATE, SET, ADD JAR, CACHE, LOAD DATA or TRANSFORM, is refused), every table it names must be
 * one of the output's tables or a name the statement itself defines with WITH (csv.`/etc/passwd`
 * and other paths given as tables are refused), and its table functions and functions must not
 * read files or call Java methods.
 */
public final class ReadOnlySql {
    /** Deeper than any query written by hand; Spark's parser and analyzer overflow the stack from about 100. */
    public static final int MAX_NESTING = 64;
    public static final String ALLOWED = "one SELECT (or WITH ... SELECT, VALUES, TABLE), EXPLAIN, DESCRIBE or"
            + " SHOW TABLES|VIEWS|COLUMNS|FUNCTIONS|DATABASES statement";

    /** Nodes of a read-only statement as Spark 4.2's parser builds them. */
    private static final Set<Class<?>> READ_ONLY_NODES = Set.of(
            // queries
            Project.class, Filter.class, Join.class, LateralJoin.class, Aggregate.class, UnresolvedHaving.class,
            Sort.class, GlobalLimit.class, LocalLimit.class, LimitAll.class, Offset.class, Distinct.class,
            Union.class, Intersect.class, Except.class, SubqueryAlias.class, UnresolvedSubqueryColumnAliases.class,
            UnresolvedWith.class, Generate.class, Sample.class, Pivot.class, Unpivot.class,
            WithWindowDefinition.class, RepartitionByExpression.class, UnresolvedHint.class, PipeOperator.class,
            // sources of rows (tables and table functions are checked further)
            OneRowRelation.class, LocalRelation.class, UnresolvedInlineTable.class, UnresolvedRelation.class,
            UnresolvedTableValuedFunction.class, UnresolvedTVFAliases.class,
            // EXPLAIN, DESCRIBE, SHOW
            ExplainCommand.class, DescribeQueryCommand.class, DescribeRelation.class,
            DescribeRelationJsonCommand.class, DescribeColumn.class, DescribeFunction.class,
            UnresolvedFunctionName.class, UnresolvedTableOrView.class, ShowTables.class, ShowTablesExtended.class,
            ShowViews.class, ShowColumns.class, ShowFunctions.class, ShowNamespacesCommand.class,
            CurrentNamespace$.class, UnresolvedNamespace.class);
    /** Leaves of analysed queries that read no files. */
    private static final Set<Class<?>> COMPUTED_LEAVES = Set.of(LocalRelation.class, OneRowRelation.class,
            Range.class, CTERelationRef.class, UnionLoopRef.class);
    /** Table functions that compute rows from their arguments; others (read_files, ...) may read files. */
    private static final Set<String> TABLE_FUNCTIONS = Set.of("range", "explode", "explode_outer", "posexplode",
            "posexplode_outer", "inline", "inline_outer", "stack", "json_tuple", "variant_explode",
            "variant_explode_outer", "collations", "sql_keywords");
    /** Functions that call any static Java method, or read a descriptor file named by a path. */
    private static final Set<String> REFUSED_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect",
            "from_protobuf", "to_protobuf");
    /** Data sources Spark reads by path when a table is named source.`path`. */
    private static final Set<String> FILE_SOURCES = Set.of("csv", "json", "text", "parquet", "orc", "avro",
            "binaryfile", "xml", "hive", "jdbc", "delta", "libsvm", "image");

    private final String what;
    private final Set<String> tables;
    private final Set<String> names = new TreeSet<>();

    /**
     * @param what   what the SQL is, for messages: "query", "--where"
     * @param tables the output's tables, registered as views under these names
     */
    private ReadOnlySql(String what, Collection<String> tables) {
        this.what = what;
        this.tables = lowerCase(tables);
    }

    /** Refuses a statement that is not one read-only statement over {@code tables} (QueryError). */
    public static void checkStatement(SparkSession session, String sql, Collection<String> tables) {
        check(sql, "query", tables, () -> session.sessionState().sqlParser().parsePlan(sql), QueryError::of);
    }

    /** Refuses a --where that is not one expression reading only {@code tables} (QueryError). */
    public static void checkPredicate(SparkSession session, String predicate, Collection<String> tables) {
        if (predicate != null) {
            check(predicate, "--where", tables, () -> session.sessionState().sqlParser().parseExpression(predicate),
                    e -> new QueryError("--where must be one SQL expression (a condition such as \"neuron < 3\"),"
                            + " got " + predicate));
        }
    }

    private static void check(String text, String what, Collection<String> tables,
                              QueryError.Work<Object, ParseException> parse,
                              Function<ParseException, QueryError> unparsable) {
        checkNesting(text, what);
        QueryError.translating(() -> {
            Object tree;
            try {
                tree = parse.run();
            } catch (ParseException e) {
                throw unparsable.apply(e);
            }
            new ReadOnlySql(what, tables).check(tree);
            return null;
        });
    }

    /**
     * The same once Spark has analysed a query, before it runs: every relation it reads is one of
     * the output's table directories, and every other source of rows is computed (VALUES, range, a
     * WITH name). Commands (EXPLAIN, DESCRIBE, SHOW) ran during analysis and were checked before.
     */
    public static void checkAnalyzed(LogicalPlan analyzed, Path dir, Collection<String> tables) {
        if (analyzed instanceof Command) {
            return;
        }
        Set<String> tableDirs = new LinkedHashSet<>();
        tables.forEach(t -> tableDirs.add(new Path(dir, t).toUri().getPath()));
        List<LogicalPlan> pending = new ArrayList<>(List.of(analyzed));
        while (!pending.isEmpty()) {
            LogicalPlan p = pending.remove(pending.size() - 1);
            pending.addAll(CollectionConverters.asJava(p.children()));
            pending.addAll(CollectionConverters.asJava(p.subqueries()));
            if (p instanceof LogicalRelation r && r.relation() instanceof HadoopFsRelation files) {
                for (Path root : CollectionConverters.asJava(files.location().rootPaths())) {
                    if (!tableDirs.contains(root.toUri().getPath())) {
                        throw new QueryError("query reads only the output's tables; it would read " + root);
                    }
                }
            } else if (p.children().isEmpty() && !COMPUTED_LEAVES.contains(p.getClass())) {
                throw new QueryError("query reads only the output's tables; it would read "
                        + p.getClass().getSimpleName() + " " + p.simpleString(100));
            }
        }
    }

    /**
     * Refuses SQL nested deeper than {@link #MAX_NESTING} parentheses before Spark parses it:
     * Spark's recursive parser and analyzer would overflow the stack.
     */
    public static void checkNesting(String sql, String what) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(' || c == '[') {
                max = Math.max(max, ++depth);
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        if (max > MAX_NESTING) {
            throw new QueryError(what + " too deeply nested: " + max + " levels of parentheses, at most "
                    + MAX_NESTING);
        }
    }

    private void check(Object root) {
        List<Object> nodes = new ArrayList<>();
        collect(root, nodes);
        for (Object n : nodes) {
            if (n instanceof UnresolvedWith with) {
                for (var cte : CollectionConverters.asJava(with.cteRelations())) {
                    names.add(cte._1().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (Object n : nodes) {
            if (n instanceof LogicalPlan p) {
                checkNode(p);
            } else if (n instanceof UnresolvedFunction f) {
                String name = last(f.nameParts());
                if (REFUSED_FUNCTIONS.contains(name)) {
                    throw refused("the function " + name + " (it calls Java methods or reads files)");
                }
            } else if (n instanceof Expression e && e.getClass().getSimpleName().contains("UnresolvedIdentifier")) {
                throw refused("IDENTIFIER(...) of a computed name");
            }
        }
    }

    /**
     * Every plan and expression in a parsed tree, found through all their fields (not only their
     * children: a CTE's definitions, EXPLAIN's query and window definitions are fields).
     */
    private static void collect(Object o, List<Object> out) {
        if (o instanceof LogicalPlan || o instanceof Expression) {
            out.add(o);
            fields((Product) o, out);
        } else if (o instanceof scala.collection.Iterable<?> items) {
            for (scala.collection.Iterator<?> it = items.iterator(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        } else if (o instanceof Option<?> option && option.isDefined()) {
            collect(option.get(), out);
        } else if (o instanceof Product tuple && tuple.getClass().getName().startsWith("scala.Tuple")) {
            fields(tuple, out);
        }
    }

    private static void fields(Product p, List<Object> out) {
        for (scala.collection.Iterator<Object> it = p.productIterator(); it.hasNext(); ) {
            collect(it.next(), out);
        }
    }

    private void checkNode(LogicalPlan node) {
        if (node.getClass().getSimpleName().contains("UnresolvedIdentifier")) {
            throw refused("IDENTIFIER(...) of a computed name");
        }
        if (!READ_ONLY_NODES.contains(node.getClass())) {
            throw refused(describe(node));
        }
        if (node instanceof UnresolvedRelation r) {
            checkTable(CollectionConverters.asJava(r.multipartIdentifier()), true);
            if (r.isStreaming() || !r.options().isEmpty()) {
                throw refused("options or STREAM on table " + r.tableName());
            }
        } else if (node instanceof UnresolvedTableOrView r) {
            checkTable(CollectionConverters.asJava(r.multipartIdentifier()), false);
        } else if (node instanceof UnresolvedTableValuedFunction f) {
            String name = f.name().size() == 1 ? last(f.name()) : f.name().mkString(".");
            if (!TABLE_FUNCTIONS.contains(name)) {
                throw new QueryError(refused("the table function " + name).getMessage() + "; its table functions: "
                        + String.join(", ", new TreeSet<>(TABLE_FUNCTIONS)));
            }
        }
    }

    private void checkTable(List<String> name, boolean orWithName) {
        String lower = String.join(".", name).toLowerCase(Locale.ROOT);
        if (name.size() == 1 && (tables.contains(lower) || orWithName && names.contains(lower))) {
            return;
        }
        if (name.size() == 2 && FILE_SOURCES.contains(name.get(0).toLowerCase(Locale.ROOT))) {
            throw new QueryError(what + " reads only the output's tables (" + String.join(", ", tables) + "); "
                    + name.get(0) + ".`" + name.get(1) + "` would read a file by its path");
        }
        throw new QueryError(what + " reads only the output's tables (" + String.join(", ", tables) + "); "
                + String.join(".", name) + " is not one of them");
    }

    private QueryError refused(String construct) {
        return new QueryError(construct + " is not allowed: " + what + " takes "
                + (what.equals("query") ? ALLOWED : "one expression (a condition)")
                + " reading only the output's tables (" + String.join(", ", tables) + ")");
    }

    /** A node's kind in SQL's words: InsertIntoStatement is "INSERT INTO", AddJarsCommand "ADD JARS". */
    private static String describe(LogicalPlan node) {
        String name = node.getClass().getSimpleName().replace("$", "")
                .replaceAll("^Unresolved|Command$|Statement$", "");
        return String.join(" ", name.split("(?<=[a-z])(?=[A-Z])")).toUpperCase(Locale.ROOT);
    }

    private static String last(scala.collection.Seq<String> parts) {
        return parts.last().toLowerCase(Locale.ROOT);
    }

    private static Set<String> lowerCase(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return out;
    }
}
