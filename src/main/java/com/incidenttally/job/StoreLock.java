package com.incidenttally.job;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One run at a time per store. An H2 file store is locked by H2 itself as long as a process has it
 * open; a PostgreSQL store takes a session advisory lock, which the server releases when the
 * holder's connection ends, even after a kill.
 */
final class StoreLock implements AutoCloseable {

    /** Any fixed number; it names this tool's lock among the database's advisory locks. */
    static final long LOCK_KEY = 0x1C1DE47L;

    private final Connection connection;

    private StoreLock(Connection connection) {
        this.connection = connection;
    }

    static StoreLock acquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                return new StoreLock(connection);
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
        connection.close();
    }

    /** Another run holds the store. */
    static final class AnotherRunException extends RuntimeException {
        AnotherRunException() {
            super("another incident-tally run is using this store; this run stops without changing anything");
        }
    }
}
