package com.incidenttally.job;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The line a failed run ends with: why, and what to do. Only a failure that a rerun can get past
 * says "run it again": a file or folder problem once it is fixed, a lost connection, a file that
 * kept changing. A failure that would come back on every rerun says so instead.
 */
public final class FailureAdvice {

    static final String RESUME = "run it again with the same options to resume";

    private FailureAdvice() {
    }

    public static String of(Throwable failure) {
        String reason = StoreUrl.masked(StoreProblem.rootMessage(failure));
        if (has(failure, IncidentFileItemReader.InputChangedException.class)) {
            return "FAILED: " + reason + "; once nothing writes to it any more, " + RESUME;
        }
        if (databaseWentAway(failure)) {
            return "FAILED: the database went away during " + during(StepLog.current()) + " (" + reason + "); "
                    + RESUME;
        }
        if (storeReadOnly(failure)) {
            return "FAILED: the store cannot be written (" + reason.replaceAll("(?s);\\s*SQL statement:.*", "")
                    + "): give the user the job runs as write access"
                    + " to the store's file and folder (--db), or use a store it can write, then " + RESUME;
        }
        if (has(failure, OutOfMemoryError.class)) {
            return "FAILED: out of memory (" + reason + "); give Java more (for example -Xmx2g), then " + RESUME;
        }
        if (has(failure, IOException.class) || has(failure, UncheckedIOException.class)) {
            return "FAILED: " + reason + " (a file or folder problem: once it is fixed, " + RESUME + ")";
        }
        if (has(failure, TransientDataAccessException.class) || has(failure, RecoverableDataAccessException.class)
                || has(failure, DataAccessResourceFailureException.class) || has(failure, SQLTransientException.class)
                || has(failure, SQLRecoverableException.class)) {
            return "FAILED: " + reason + " (the store could not be reached: " + RESUME + ")";
        }
        if (has(failure, DuplicateKeyException.class)) {
            return "FAILED: " + reason + ". The store contradicts itself, and a rerun will fail the same way:"
                    + " move the H2 file aside (or empty the PostgreSQL database) and run again;"
                    + " everything in it is read again from the input";
        }
        return "FAILED: " + reason + ". This is a fault in incident-tally, and running it again will fail"
                + " the same way: please report it with this line";
    }

    /**
     * A connection to the database server lost or refused mid-run (SQLState class 08, or 57P01-57P03:
     * the server shut down), or no connection to be had from the pool: the server is gone, not the data wrong.
     */
    static boolean databaseWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** H2's "The database is read only" (90097: its file or folder is read-only) or PostgreSQL's (25006). */
    static boolean storeReadOnly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("90097".equals(sql.getSQLState())
                    || "25006".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String during(String step) {
        if (step == null) {
            return "the start";
        }
        return switch (step) {
            case "syncStep" -> "the sync with the input folder";
            case "ingestStep" -> "the reading of the input files";
            case "mergeStep" -> "the merge";
            case "reportStep" -> "the writing of the report";
            default -> step;
        };
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return StoreProblem.has(failure, type);
    }
}
