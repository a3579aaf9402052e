package org.hhsweep.spark.analysis;

import java.util.Set;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * SQL of the user's (query, plot --where) that is refused, or that fails on the data it reads: the
 * user can fix it, so the CLI prints "query error: " and the message, one line, exit status 2.
 */
public final class QueryError extends RuntimeException {
    /**
     * SQLSTATE classes of errors in a statement or in the data it meets: 42 syntax and analysis,
     * 22 data (division by zero, a bad cast), 21 cardinality (a scalar subquery of many rows), 23
     * constraints, 54 limits (too complex to parse), 0A unsupported, P0 raise_error and assert_true.
     * Others (XX internal, 58 system, or none) are failures of the program or the cluster.
     */
    private static final Set<String> USER_STATE_CLASSES = Set.of("42", "22", "21", "23", "54", "0A", "P0");
    private static final String TOO_DEEP = "query too deeply nested or too long: the stack overflowed; simplify it";

    public QueryError(String message) {
        super(message);
    }

    private QueryError(String message, Throwable cause) {
        super(message, cause);
    }

    /** Spark work on the user's SQL. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs Spark work on the user's SQL, turning the errors that SQL caused (a Spark error of a
     * user's SQLSTATE, also when it comes wrapped from a task, and a stack overflow) into QueryErrors.
     */
    public static <T, E extends Exception> T translating(Work<T, E> work) throws E {
        try {
            return work.run();
        } catch (StackOverflowError e) {
            throw new QueryError(TOO_DEEP, e);
        } catch (QueryError e) {
            throw e;
        } catch (Exception e) {
            QueryError user = causedBy(e);
            if (user != null) {
                throw user;
            }
            throw e;
        }
    }

    /** A statement Spark cannot parse. */
    static QueryError of(ParseException e) {
        QueryError user = causedBy(e);
        return user != null ? user : new QueryError(firstLine(e.getSimpleMessage()), e);
    }

    /** The user's error in an exception or its causes, or null when the program or cluster failed. */
    static QueryError causedBy(Throwable top) {
        int depth = 0;
        for (Throwable t = top; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof StackOverflowError) {
                return new QueryError(TOO_DEEP, top);
            }
            if (t instanceof SparkThrowable st && st.getSqlState() != null && st.getSqlState().length() >= 2
                    && USER_STATE_CLASSES.contains(st.getSqlState().substring(0, 2))) {
                String message = t instanceof AnalysisException a ? a.getSimpleMessage() : t.getMessage();
                return new QueryError(firstLine(message), top);
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
