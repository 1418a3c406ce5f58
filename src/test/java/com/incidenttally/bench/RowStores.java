package com.incidenttally.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The row stores the store benchmark compares, each in its own database under a folder: today's
 * {@code it_row} on H2, the same without its unique constraint, DuckDB through its appender, and
 * row groups as compressed BLOBs in H2. Each writes one transaction per chunk.
 */
final class RowStores {

    private RowStores() {
    }

    /** One store alternative, opened on a fresh or an existing database. */
    interface RowStore extends AutoCloseable {

        /** One chunk of one file's rows, in one transaction. */
        void write(int seq, List<BenchRow> rows) throws SQLException;

        /** Hands on every row whose night lies in [first, last]; returns how many rows it decoded. */
        long read(LocalDate first, LocalDate last, Consumer<BenchRow> sink) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    static RowStore open(String kind, Path folder, boolean create) throws SQLException {
        return switch (kind) {
            case "a" -> new H2Rows(folder, create, true);
            case "b" -> new H2Rows(folder, create, false);
            case "c" -> new DuckDbRows(folder, create);
            case "d" -> new H2Groups(folder, create);
            default -> throw new IllegalArgumentException("stores are a, b, c and d, got " + kind);
        };
    }

    /** The columns of it_row after rid, in the order every store writes and reads them. */
    static final String COLUMNS = "file_id, sheet, line, incident_id, night, night_inferred, local_time, night_time,"
            + " region_iso, district, district_key, location, event_type, uav_count, killed, injured, damage,"
            + " measures, source, source_key, source_url, notes, content_hash";

    /** it_row as in store/schema.sql; the unique (file_id, sheet, line) constraint only when asked. */
    private static String rowTable(boolean unique) {
        return """
                CREATE TABLE it_row (
                    rid             BIGINT        NOT NULL PRIMARY KEY,
                    file_id         BIGINT        NOT NULL,
                    sheet           VARCHAR(100)  NOT NULL DEFAULT '',
                    line            BIGINT        NOT NULL,
                    incident_id     VARCHAR(32767),
                    night           DATE          NOT NULL,
                    night_inferred  BOOLEAN       NOT NULL,
                    local_time      TIMESTAMP,
                    night_time      BOOLEAN,
                    region_iso      VARCHAR(40)   NOT NULL,
                    district        VARCHAR(32767),
                    district_key    VARCHAR(32767) NOT NULL,
                    location        VARCHAR(32767),
                    event_type      VARCHAR(16)   NOT NULL,
                    uav_count       INT,
                    killed          INT,
                    injured         INT,
                    damage          VARCHAR(32767),
                    measures        VARCHAR(32767),
                    source          VARCHAR(1000) NOT NULL,
                    source_key      VARCHAR(1000) NOT NULL,
                    source_url      VARCHAR(32767),
                    notes           VARCHAR(32767),
                    content_hash    VARCHAR(32)   NOT NULL""" + (unique
                ? ",\n    CONSTRAINT it_row_file_line UNIQUE (file_id, sheet, line)\n)" : "\n)");
    }

    /** Keys in night order, as the store's NightKeys makes them: the night's day number times 2^40 plus a number. */
    static long key(LocalDate night, long number) {
        return night.toEpochDay() * (1L << 40) + number;
    }

    private static Connection h2(Path folder) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.toAbsolutePath().resolve("incidents"),
                "sa", "");
        connection.setAutoCommit(false);
        return connection;
    }

    /** Reads one result row of the it_row columns, starting at column {@code at}. */
    private static BenchRow row(ResultSet rs, int at) throws SQLException {
        int i = at;
        return new BenchRow(rs.getLong(i++), rs.getString(i++), rs.getLong(i++), rs.getString(i++),
                rs.getObject(i++, LocalDate.class), rs.getBoolean(i++), rs.getObject(i++, LocalDateTime.class),
                bool(rs, i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                rs.getString(i++), integer(rs, i++), integer(rs, i++), integer(rs, i++), rs.getString(i++),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                rs.getString(i));
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** (a) and (b): one H2 row per report, JDBC batches, keys in night order. */
    private static final class H2Rows implements RowStore {
        private final Connection connection;
        private final PreparedStatement insert;
        private long next;

        H2Rows(Path folder, boolean create, boolean unique) throws SQLException {
            connection = h2(folder);
            if (create) {
                try (Statement s = connection.createStatement()) {
                    s.execute(rowTable(unique));
                }
                connection.commit();
            }
            insert = connection.prepareStatement("INSERT INTO it_row (rid, " + COLUMNS + ") VALUES ("
                    + "?, ".repeat(23) + "?)");
        }

        @Override
        public void write(int seq, List<BenchRow> rows) throws SQLException {
            for (BenchRow r : rows) {
                int i = 1;
                insert.setLong(i++, key(r.night(), next++));
                insert.setLong(i++, r.fileId());
                insert.setString(i++, r.sheet());
                insert.setLong(i++, r.line());
                text(insert, i++, r.incidentId());
                insert.setObject(i++, r.night(), Types.DATE);
                insert.setBoolean(i++, r.nightInferred());
                if (r.localTime() == null) {
                    insert.setNull(i++, Types.TIMESTAMP);
                } else {
                    insert.setObject(i++, r.localTime(), Types.TIMESTAMP);
                }
                if (r.nightTime() == null) {
                    insert.setNull(i++, Types.BOOLEAN);
                } else {
                    insert.setBoolean(i++, r.nightTime());
                }
                text(insert, i++, r.regionIso());
                text(insert, i++, r.district());
                text(insert, i++, r.districtKey());
                text(insert, i++, r.location());
                text(insert, i++, r.eventType());
                integer(insert, i++, r.uavCount());
                integer(insert, i++, r.killed());
                integer(insert, i++, r.injured());
                text(insert, i++, r.damage());
                text(insert, i++, r.measures());
                text(insert, i++, r.source());
                text(insert, i++, r.sourceKey());
                text(insert, i++, r.sourceUrl());
                text(insert, i++, r.notes());
                text(insert, i, r.contentHash());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }

        private static void text(PreparedStatement ps, int column, String value) throws SQLException {
            if (value == null) {
                ps.setNull(column, Types.VARCHAR);
            } else {
                ps.setString(column, value);
            }
        }

        private static void integer(PreparedStatement ps, int column, Integer value) throws SQLException {
            if (value == null) {
                ps.setNull(column, Types.INTEGER);
            } else {
                ps.setInt(column, value);
            }
        }

        @Override
        public long read(LocalDate first, LocalDate last, Consumer<BenchRow> sink) throws SQLException {
            long count = 0;
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM it_row WHERE rid BETWEEN ? AND ? ORDER BY rid")) {
                ps.setLong(1, key(first, 0));
                ps.setLong(2, key(last.plusDays(1), 0) - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs, 1));
                        count++;
                    }
                }
            }
            connection.commit();
            return count;
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    /** (d): each chunk as one compressed column-wise BLOB row in H2, with its night range. */
    private static final class H2Groups implements RowStore {
        private final Connection connection;
        private final PreparedStatement insert;

        H2Groups(Path folder, boolean create) throws SQLException {
            connection = h2(folder);
            if (create) {
                try (Statement s = connection.createStatement()) {
                    s.execute("""
                            CREATE TABLE it_group (
                                file_id    BIGINT NOT NULL,
                                seq        INT    NOT NULL,
                                night_min  DATE   NOT NULL,
                                night_max  DATE   NOT NULL,
                                row_count  INT    NOT NULL,
                                data       BLOB   NOT NULL,
                                PRIMARY KEY (file_id, seq)
                            )""");
                }
                connection.commit();
            }
            insert = connection.prepareStatement(
                    "INSERT INTO it_group (file_id, seq, night_min, night_max, row_count, data) VALUES (?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void write(int seq, List<BenchRow> rows) throws SQLException {
            LocalDate min = rows.get(0).night();
            LocalDate max = min;
            for (BenchRow r : rows) {
                min = r.night().isBefore(min) ? r.night() : min;
                max = r.night().isAfter(max) ? r.night() : max;
            }
            insert.setLong(1, rows.get(0).fileId());
            insert.setInt(2, seq);
            insert.setObject(3, min, Types.DATE);
            insert.setObject(4, max, Types.DATE);
            insert.setInt(5, rows.size());
            insert.setBytes(6, RowGroupCodec.encode(rows));
            insert.executeUpdate();
            connection.commit();
        }

        @Override
        public long read(LocalDate first, LocalDate last, Consumer<BenchRow> sink) throws SQLException {
            long decoded = 0;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT data FROM it_group WHERE night_max >= ? AND night_min <= ? ORDER BY night_min, file_id, seq")) {
                ps.setObject(1, first, Types.DATE);
                ps.setObject(2, last, Types.DATE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        decoded += RowGroupCodec.decode(rs.getBytes(1), first, last, sink);
                    }
                }
            }
            connection.commit();
            return decoded;
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    /**
     * (c): DuckDB as the row store, through its appender, one appender and one transaction per chunk.
     * DuckDB is reached through method handles so that this class compiles without it (it is on the
     * class path only under the Maven profile store-alternatives).
     */
    private static final class DuckDbRows implements RowStore {
        private static final MethodHandle CREATE;
        private static final MethodHandle BEGIN;
        private static final MethodHandle END;
        private static final MethodHandle CLOSE;
        private static final MethodHandle NULL;
        private static final MethodHandle LONG;
        private static final MethodHandle INT;
        private static final MethodHandle BOOLEAN;
        private static final MethodHandle STRING;
        private static final MethodHandle DATE;
        private static final MethodHandle TIMESTAMP;
        private static final Class<?> CONNECTION;

        static {
            try {
                CONNECTION = Class.forName("org.duckdb.DuckDBConnection");
                Class<?> appender = Class.forName("org.duckdb.DuckDBAppender");
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                CREATE = lookup.findVirtual(CONNECTION, "createAppender",
                                MethodType.methodType(appender, String.class, String.class))
                        .asType(MethodType.methodType(Object.class, Object.class, String.class, String.class));
                BEGIN = call(lookup, appender, "beginRow");
                END = call(lookup, appender, "endRow");
                NULL = call(lookup, appender, "appendNull");
                CLOSE = lookup.findVirtual(appender, "close", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                LONG = append(lookup, appender, long.class);
                INT = append(lookup, appender, int.class);
                BOOLEAN = append(lookup, appender, boolean.class);
                STRING = append(lookup, appender, String.class);
                DATE = append(lookup, appender, LocalDate.class);
                TIMESTAMP = append(lookup, appender, LocalDateTime.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("DuckDB's JDBC driver is not on the class path:"
                        + " build the class path with -Pstore-alternatives", e);
            }
        }

        private static MethodHandle call(MethodHandles.Lookup lookup, Class<?> appender, String name)
                throws ReflectiveOperationException {
            return lookup.findVirtual(appender, name, MethodType.methodType(appender))
                    .asType(MethodType.methodType(Object.class, Object.class));
        }

        private static MethodHandle append(MethodHandles.Lookup lookup, Class<?> appender, Class<?> type)
                throws ReflectiveOperationException {
            return lookup.findVirtual(appender, "append", MethodType.methodType(appender, type))
                    .asType(MethodType.methodType(Object.class, Object.class, type));
        }

        private final Connection connection;
        private final Object duck;
        private long next;

        DuckDbRows(Path folder, boolean create) throws SQLException {
            connection = DriverManager.getConnection("jdbc:duckdb:" + folder.toAbsolutePath().resolve("incidents.duckdb"));
            duck = connection.unwrap(CONNECTION);
            if (create) {
                try (Statement s = connection.createStatement()) {
                    // No key and no index: DuckDB's zone maps are its only index; rid keeps the night order.
                    s.execute(rowTable(false).replace(" PRIMARY KEY", ""));
                }
            }
            connection.setAutoCommit(false);
        }

        @Override
        public void write(int seq, List<BenchRow> rows) throws SQLException {
            try {
                Object a = (Object) CREATE.invokeExact(duck, "main", "it_row");
                for (BenchRow r : rows) {
                    a = (Object) BEGIN.invokeExact(a);
                    a = (Object) LONG.invokeExact(a, key(r.night(), next++));
                    a = (Object) LONG.invokeExact(a, r.fileId());
                    a = text(a, r.sheet());
                    a = (Object) LONG.invokeExact(a, r.line());
                    a = text(a, r.incidentId());
                    a = (Object) DATE.invokeExact(a, r.night());
                    a = (Object) BOOLEAN.invokeExact(a, r.nightInferred());
                    a = r.localTime() == null ? (Object) NULL.invokeExact(a)
                            : (Object) TIMESTAMP.invokeExact(a, r.localTime());
                    a = r.nightTime() == null ? (Object) NULL.invokeExact(a)
                            : (Object) BOOLEAN.invokeExact(a, (boolean) r.nightTime());
                    a = text(a, r.regionIso());
                    a = text(a, r.district());
                    a = text(a, r.districtKey());
                    a = text(a, r.location());
                    a = text(a, r.eventType());
                    a = integer(a, r.uavCount());
                    a = integer(a, r.killed());
                    a = integer(a, r.injured());
                    a = text(a, r.damage());
                    a = text(a, r.measures());
                    a = text(a, r.source());
                    a = text(a, r.sourceKey());
                    a = text(a, r.sourceUrl());
                    a = text(a, r.notes());
                    a = text(a, r.contentHash());
                    a = (Object) END.invokeExact(a);
                }
                CLOSE.invokeExact(a);
            } catch (SQLException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            connection.commit();
        }

        private static Object text(Object a, String value) throws Throwable {
            return value == null ? (Object) NULL.invokeExact(a) : (Object) STRING.invokeExact(a, value);
        }

        private static Object integer(Object a, Integer value) throws Throwable {
            return value == null ? (Object) NULL.invokeExact(a) : (Object) INT.invokeExact(a, (int) value);
        }

        @Override
        public long read(LocalDate first, LocalDate last, Consumer<BenchRow> sink) throws SQLException {
            long count = 0;
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM it_row WHERE night BETWEEN ? AND ?")) {
                ps.setObject(1, first);
                ps.setObject(2, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs, 1));
                        count++;
                    }
                }
            }
            connection.commit();
            return count;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
