package com.incidenttally.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables, their columns and the sequences of the store's schema, read once from the standard
 * information schema (H2 and PostgreSQL both have it). Asking by a statement that fails when a
 * table is missing would leave an error, stack trace and all, in the database's log at every start.
 * Names are compared in lower case: H2 folds unquoted names up, PostgreSQL down.
 */
public final class StoreSchema {

    /** A {@code CREATE TABLE} or {@code CREATE SEQUENCE}, its name perhaps quoted or after its schema's. */
    private static final Pattern CREATED = Pattern.compile(
            "\\bCREATE\\s+(TABLE|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(?:\"?[A-Za-z_][A-Za-z0-9_$]*\"?\\.)?\"?([A-Za-z_][A-Za-z0-9_$]*)\"?",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Set<String>> columns;
    private final Set<String> sequences;

    private StoreSchema(Map<String, Set<String>> columns, Set<String> sequences) {
        this.columns = columns;
        this.sequences = sequences;
    }

    public static StoreSchema read(DataSource dataSource) {
        return new JdbcTemplate(dataSource).execute((ConnectionCallback<StoreSchema>) StoreSchema::read);
    }

    static StoreSchema read(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        Map<String, Set<String>> columns = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT table_name, column_name"
                + " FROM information_schema.columns WHERE LOWER(table_schema) = LOWER(?)")) {
            select.setString(1, schema);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(lower(rs.getString(1)), table -> new HashSet<>()).add(lower(rs.getString(2)));
                }
            }
        }
        Set<String> sequences = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT sequence_name"
                + " FROM information_schema.sequences WHERE LOWER(sequence_schema) = LOWER(?)")) {
            select.setString(1, schema);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sequences.add(lower(rs.getString(1)));
                }
            }
        }
        return new StoreSchema(columns, sequences);
    }

    public boolean hasTable(String table) {
        return columns.containsKey(lower(table));
    }

    /** Whether the table is there with every one of these columns. */
    public boolean hasColumns(String table, String... names) {
        Set<String> present = columns.get(lower(table));
        if (present == null) {
            return false;
        }
        for (String name : names) {
            if (!present.contains(lower(name))) {
                return false;
            }
        }
        return true;
    }

    public boolean hasSequence(String sequence) {
        return sequences.contains(lower(sequence));
    }

    /**
     * Whether every table and sequence a DDL script creates ({@code CREATE TABLE} or
     * {@code CREATE SEQUENCE}, with or without {@code IF NOT EXISTS}) is here; a script that creates
     * neither is never held.
     */
    public boolean holdsAllCreatedBy(String script) {
        Matcher created = CREATED.matcher(script);
        boolean any = false;
        while (created.find()) {
            any = true;
            String name = created.group(2);
            boolean held = created.group(1).equalsIgnoreCase("TABLE") ? hasTable(name) : hasSequence(name);
            if (!held) {
                return false;
            }
        }
        return any;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
