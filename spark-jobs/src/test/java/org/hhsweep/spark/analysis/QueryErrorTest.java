package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.spark.SparkException;
import org.hhsweep.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * Which Spark failures are the user's SQL (one line, exit 2) and which the program's or the
 * cluster's (exit 1, as before): by the SQLSTATE of the Spark error in the exception or its causes.
 */
class QueryErrorTest {
    /** The error a real statement raises, as Spark throws it. */
    private static Exception thrownBy(String sql) {
        return assertThrows(Exception.class, () -> SparkTestSession.get().sql(sql).collectAsList());
    }

    @Test
    void aUsersErrorIsFoundAlsoWhenATaskFailureWrapsIt() {
        Exception raised = thrownBy("SELECT raise_error('custom failure') FROM range(1)");
        String line = "[USER_RAISED_EXCEPTION] custom failure SQLSTATE: P0001";
        assertEquals(line, QueryError.causedBy(raised).getMessage());
        // As a job's failure on a cluster reaches the driver: the task's error as a cause.
        SparkException aborted = new SparkException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 4"
                + " times, most recent failure: Lost task 0.3\nstack lines", raised);
        assertEquals(line, QueryError.causedBy(new RuntimeException(aborted)).getMessage());

        Exception divided = thrownBy("SELECT id / 0 FROM range(3)");
        assertEquals("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL"
                + " instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."
                + " SQLSTATE: 22012", QueryError.causedBy(divided).getMessage());
        Exception cast = thrownBy("SELECT CAST(concat('x', id) AS INT) FROM range(1)");
        assertEquals("[CAST_INVALID_INPUT] The value 'x0' of the type \"STRING\" cannot be cast to \"INT\" because"
                + " it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast`"
                + " to tolerate malformed input and return NULL instead. SQLSTATE: 22018",
                QueryError.causedBy(cast).getMessage());
    }

    @Test
    void failuresOfTheProgramOrTheClusterAreNotTheUsers() {
        assertNull(QueryError.causedBy(new SparkException("Job aborted due to stage failure: executor lost")));
        assertNull(QueryError.causedBy(SparkException.internalError("a bug")));
        assertNull(QueryError.causedBy(new IOException("disk full")));
        IOException io = new IOException("disk full");
        assertSame(io, assertThrows(IOException.class, () -> QueryError.translating(() -> {
            throw io;
        })));
    }

    @Test
    void aStackOverflowIsAQueryTooDeep() {
        QueryError e = assertThrows(QueryError.class, () -> QueryError.translating(() -> {
            throw new StackOverflowError();
        }));
        assertEquals("query too deeply nested or too long: the stack overflowed; simplify it", e.getMessage());
    }
}
