package com.incidenttally;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database this test JVM works in. The server is given by INCIDENT_TALLY_TEST_POSTGRES_URL (and
 * _USER, _PASSWORD). Run by surefire with several test JVMs side by side, each JVM gets a database of its own,
 * made afresh beside the given one on first use ({@code incident_tally_test_fork1}, …, from the fork number
 * surefire hands the JVM): one JVM's runs then never meet another's lock on the store, nor lose their tables
 * to a test that empties the database, and no JVM waits for the other to be done with PostgreSQL. Alone (no
 * fork number), a JVM works in the given database itself.
 */
public final class PostgresTestDatabase {

    /** The environment variable that names the server and its database; without it the PostgreSQL tests skip. */
    public static final String URL = "INCIDENT_TALLY_TEST_POSTGRES_URL";

    /** The surefire fork number, set by the build's surefire configuration. */
    private static final String FORK = "incident-tally.test-fork";

    private static String url;

    private PostgresTestDatabase() {
    }

    /** The JDBC URL of this JVM's database, made (empty) at the first call when this JVM is one of several. */
    public static synchronized String url() {
        if (url == null) {
            String given = System.getenv(URL);
            String fork = System.getProperty(FORK, "");
            url = given != null && fork.matches("\\d+") ? fresh(given, "_fork" + fork) : given;
        }
        return url;
    }

    public static String user() {
        return System.getenv("INCIDENT_TALLY_TEST_POSTGRES_USER");
    }

    public static String password() {
        return System.getenv("INCIDENT_TALLY_TEST_POSTGRES_PASSWORD");
    }

    /** The URL of the database {@code name} on the server of the given URL, with its parameters. */
    private static String beside(String given, String name) {
        int query = given.indexOf('?');
        String path = query < 0 ? given : given.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + name + (query < 0 ? "" : given.substring(query));
    }

    private static String fresh(String given, String suffix) {
        int query = given.indexOf('?');
        String path = query < 0 ? given : given.substring(0, query);
        String name = path.substring(path.lastIndexOf('/') + 1) + suffix;
        try (Connection admin = DriverManager.getConnection(given, user(), password());
             Statement statement = admin.createStatement()) {
            // Left by an earlier build, or by a JVM of this one that was killed: nothing in it is kept.
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the test database " + name + " beside " + given
                    + " (the user needs CREATEDB, as .ci/run grants it)", e);
        }
        return beside(given, name);
    }
}
