package com.incidenttally.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * Loads records into a PostgreSQL table with {@code COPY … FROM STDIN} in CSV format, on the
 * connection of the current transaction, so the rows commit or roll back with their chunk.
 *
 * <p>In COPY's CSV format an unquoted empty field is NULL and a quoted one ({@code ""}) the empty
 * string, so every text value is quoted, a quote inside doubled; backslashes, tabs, CR and LF are
 * plain characters inside quotes. NUL cannot be stored at all: the normalizer removes it from
 * every value, and one that got here anyway fails the chunk rather than being changed silently.
 */
final class PostgresCopy {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private PostgresCopy() {
    }

    static <T> void copy(DataSource dataSource, Columns<T> columns, List<T> items) {
        String sql = "COPY " + columns.table() + " (" + columns.names() + ") FROM STDIN (FORMAT csv)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16)) {
                for (T item : items) {
                    line(out, columns, item);
                }
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY into " + columns.table(), sql, e);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw new UncategorizedSQLException("COPY into " + columns.table(), sql, cause);
            }
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** One record as one CSV line, in the order of the columns. */
    static <T> void line(Writer out, Columns<T> columns, T item) throws IOException {
        List<Columns.Column<T>> all = columns.columns();
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Columns.Column<T> column = all.get(i);
            Object value = column.value().apply(item);
            if (value == null) {
                continue;
            }
            switch (column.sqlType()) {
                case Types.VARCHAR -> quoted(out, (String) value);
                case Types.TIMESTAMP -> out.write(TIMESTAMP.format((LocalDateTime) value));
                default -> out.write(value.toString());
            }
        }
        out.write('\n');
    }

    private static void quoted(Writer out, String text) throws IOException {
        out.write('"');
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.write(text, from, i + 1 - from);
                out.write('"');
                from = i + 1;
            } else if (c == 0) {
                throw new IllegalArgumentException("a NUL character reached the store; PostgreSQL cannot hold it");
            }
        }
        out.write(text, from, text.length() - from);
        out.write('"');
    }
}
