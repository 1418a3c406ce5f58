package com.incidenttally;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * H2 databases for tests: a private in-memory one for a store under test, and the file store a
 * run of the job left in a folder (as {@code --db=jdbc:h2:file:FOLDER/incidents} names it), to
 * look into or damage between runs.
 */
public final class H2Stores {

    private H2Stores() {
    }

    /** A new in-memory database no other test sees, kept until the JVM ends. */
    public static JdbcDataSource memory() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** The same, as a template. */
    public static JdbcTemplate memoryTemplate() {
        return new JdbcTemplate(memory());
    }

    /** The URL of the store in {@code folder}, as the tests' runs give it to {@code --db}. */
    public static String fileUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("incidents");
    }

    /**
     * The store in {@code folder}, with the user the job creates it with. Each statement opens it;
     * end with {@code execute("SHUTDOWN")} before a run of the job opens it again.
     */
    public static JdbcTemplate file(Path folder) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(fileUrl(folder));
        dataSource.setUser("sa");
        return new JdbcTemplate(dataSource);
    }

    /** One connection to the store in {@code folder}; the store stays open until it is closed. */
    public static Connection connect(Path folder) throws SQLException {
        return DriverManager.getConnection(fileUrl(folder), "sa", "");
    }
}
