package com.incidenttally.job;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Why the store could not be opened, said so that a person knows what to do: another run holds
 * it, its file is damaged, the URL is wrong, the server cannot be reached or refuses the login.
 * Plain Java; the URL is shown without its password.
 *
 * @param exitCode 2 when the --db option itself is wrong, else 1
 * @param message  the one line to print
 */
public record StoreProblem(int exitCode, String message) {

    public static StoreProblem of(Throwable failure, String url) {
        String shown = StoreUrl.masked(url);
        String root = StoreUrl.masked(rootMessage(failure));
        String state = sqlState(failure);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            // H2 locks its file while a process has it open: that process is another run.
            if (message.contains("Database may be already in use") || message.contains("The file is locked")) {
                return new StoreProblem(1, "another incident-tally run is using it; this run stops without changing anything");
            }
        }
        if (damaged(failure)) {
            String file = StoreUrl.h2File(url).map(Object::toString).orElse(shown);
            return new StoreProblem(1, "the store " + file + " is damaged (" + root + "): move it aside and run again;"
                    + " everything in it is read again from the input");
        }
        if (has(failure, UnknownHostException.class) || has(failure, ConnectException.class)
                || has(failure, NoRouteToHostException.class) || "08001".equals(state) || "08006".equals(state)) {
            return new StoreProblem(1, "cannot reach the database server of --db=" + shown + " (" + root + "):"
                    + " check that it is running and that the host and port are right, then run again");
        }
        if ("28P01".equals(state) || "28000".equals(state)) {
            return new StoreProblem(1, "the database refused the login for --db=" + shown + " (" + root + "):"
                    + " check --db-user and --db-password (or INCIDENT_TALLY_DB_USER and INCIDENT_TALLY_DB_PASSWORD)");
        }
        if ("3D000".equals(state)) {
            return new StoreProblem(1, "the database of --db=" + shown + " does not exist (" + root + "):"
                    + " create it, empty; the job creates its tables");
        }
        if (badUrl(failure)) {
            return new StoreProblem(2, "--db=" + shown + " is not a store URL this job can open: " + root);
        }
        return new StoreProblem(1, "cannot open the store " + shown + ": " + root);
    }

    private static boolean damaged(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof EOFException || cause.getClass().getSimpleName().equals("MVStoreException")
                    || message.contains("corrupt") || message.contains("90030")) {
                return true;
            }
        }
        return false;
    }

    private static boolean badUrl(Throwable failure) {
        // H2: 90046 URL format error, 90011 a relative path, 90113 an unknown setting.
        String root = rootMessage(failure);
        return root.contains("No suitable driver") || root.contains("[90046-") || root.contains("[90011-")
                || root.contains("[90113-");
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
