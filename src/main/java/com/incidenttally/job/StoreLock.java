package com.incidenttally.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One run at a time per store. An H2 file store is locked by H2 itself as long as a process has it
 * open; a PostgreSQL store takes a session advisory lock, which the server releases when the
 * holder's connection ends, even after a kill.
 */
public final class StoreLock implements AutoCloseable {

    /** Any fixed number; it names this tool's lock among the database's advisory locks. */
    static final long LOCK_KEY = 0x1C1DE47L;

    private final Connection connection;

    private StoreLock(Connection connection) {
        this.connection = connection;
    }

    /** Holds the store for this run until closed; throws when another run holds it. */
    public static StoreLock acquire(RunOptions options) throws SQLException {
        if (!options.db().startsWith("jdbc:postgresql:")) {
            return new StoreLock(null);
        }
        Connection connection = DriverManager.getConnection(StoreUrl.withDriverDefaults(options.db()), options.dbUser(),
                options.dbPassword());
        try {
            // Before any work: a database that is not UTF-8 takes the tables and fails on the first Cyrillic note.
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_encoding_to_char(encoding), current_database()"
                         + " FROM pg_database WHERE datname = current_database()")) {
                if (rs.next() && !"UTF8".equals(rs.getString(1))) {
                    throw new WrongEncodingException(rs.getString(2), rs.getString(1));
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new AnotherRunException();
                }
            }
            return new StoreLock(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    /** The database cannot hold the text of the reports: it is not in UTF-8. */
    public static final class WrongEncodingException extends RuntimeException {
        WrongEncodingException(String database, String encoding) {
            super("the database " + database + " is in " + encoding + ", not UTF-8, and cannot hold Cyrillic text;"
                    + " nothing was changed. Create one in UTF-8 (psql: CREATE DATABASE " + database + "_utf8"
                    + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;) and give it in --db");
        }
    }

    /** Another run holds the store. */
    public static final class AnotherRunException extends RuntimeException {
        AnotherRunException() {
            super("another incident-tally run is using this store; this run stops without changing anything");
        }
    }
}
