package com.incidenttally.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns a record is stored in, each named beside the value it takes: the one place that
 * says which value goes in which column. The INSERT, its binds and the lines of a PostgreSQL
 * {@code COPY} all follow from it, so a column moved or added cannot shift the others.
 */
final class Columns<T> {

    /** One column: its name, its SQL type and the value of a record (null for SQL NULL). */
    record Column<T>(String name, int sqlType, Function<T, ?> value) {
    }

    private final String table;
    private final List<Column<T>> columns;

    private Columns(String table, List<Column<T>> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    static <T> Builder<T> of(String table) {
        return new Builder<>(table);
    }

    static final class Builder<T> {
        private final String table;
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(String table) {
            this.table = table;
        }

        Builder<T> text(String name, Function<T, String> value) {
            return add(name, Types.VARCHAR, value);
        }

        Builder<T> bigint(String name, Function<T, Long> value) {
            return add(name, Types.BIGINT, value);
        }

        Builder<T> integer(String name, Function<T, Integer> value) {
            return add(name, Types.INTEGER, value);
        }

        Builder<T> bool(String name, Function<T, Boolean> value) {
            return add(name, Types.BOOLEAN, value);
        }

        Builder<T> real(String name, Function<T, Double> value) {
            return add(name, Types.DOUBLE, value);
        }

        Builder<T> date(String name, Function<T, LocalDate> value) {
            return add(name, Types.DATE, value);
        }

        Builder<T> timestamp(String name, Function<T, LocalDateTime> value) {
            return add(name, Types.TIMESTAMP, value);
        }

        private Builder<T> add(String name, int sqlType, Function<T, ?> value) {
            columns.add(new Column<>(name, sqlType, value));
            return this;
        }

        Columns<T> build() {
            return new Columns<>(table, columns);
        }
    }

    String table() {
        return table;
    }

    List<Column<T>> columns() {
        return columns;
    }

    /** {@code INSERT INTO table (a, b, …) VALUES (?, ?, …)} in the order of the columns. */
    String insert() {
        return "INSERT INTO " + table + " (" + names() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** The column names, comma-separated, in order. */
    String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** Binds every column of one record, each with its own type, nulls as typed NULLs. */
    void bind(PreparedStatement ps, T item) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Column<T> column = columns.get(i);
            Object value = column.value().apply(item);
            int index = i + 1;
            if (value == null) {
                ps.setNull(index, column.sqlType());
                continue;
            }
            switch (column.sqlType()) {
                case Types.VARCHAR -> ps.setString(index, (String) value);
                case Types.BIGINT -> ps.setLong(index, (Long) value);
                case Types.INTEGER -> ps.setInt(index, (Integer) value);
                case Types.BOOLEAN -> ps.setBoolean(index, (Boolean) value);
                case Types.DOUBLE -> ps.setDouble(index, (Double) value);
                default -> ps.setObject(index, value, column.sqlType());
            }
        }
    }
}
