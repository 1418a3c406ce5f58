package com.incidenttally.store;

import com.incidenttally.incident.Incident;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.normalize.FreeText;
import com.incidenttally.tally.Report;

import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Files and their rows. A file's rows count only once the file is marked LOADED, in the same
 * transaction as its last rows, so a crash mid-file leaves nothing half-counted.
 */
public class IncidentStore {

    private static final RowMapper<StoredFile> FILE = (rs, n) -> new StoredFile(rs.getLong("id"),
            rs.getString("path"), rs.getString("sha256"), rs.getString("status"), rs.getString("encoding"),
            rs.getString("delimiter"),
            rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_rejected"), rs.getString("message"));

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public IncidentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(jdbc);
    }

    private static boolean isPostgres(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equals(product);
    }

    /**
     * Opens the store, creating its tables. A store whose rows an earlier layout wrote is emptied
     * first: everything in it came from the input files, so the next sync reads them again.
     */
    public static IncidentStore open(JdbcTemplate jdbc) {
        // Every earlier layout kept one it_row per report (row groups replaced it), rejections as
        // sentences or without their nights, resolutions one row per name and night (a block per chunk
        // now), or it_file without path_key or with a file's dialect as one described text (encoding and
        // delimiter are two columns now).
        StoreSchema schema = StoreSchema.read(jdbc.getDataSource());
        if (schema.hasTable("it_row") || schema.hasTable("it_incident")
                || schema.hasTable("it_rejection") && !schema.hasColumns("it_rejection", "night", "source", "kind", "params")
                || schema.hasTable("it_resolution") && !schema.hasColumns("it_resolution", "night_from", "night_to", "body")
                || schema.hasTable("it_file") && !schema.hasColumns("it_file", "path_key", "delimiter")) {
            LoggerFactory.getLogger("incident-tally")
                    .warn("The store has an earlier layout: it is emptied and every input file is read again");
            for (String table : List.of("it_row", "it_group", "it_rejection", "it_warning", "it_incident", "it_incident_source",
                    "it_merge", "it_row_id", "it_resolution", "it_night", "it_touched", "it_file", "it_file_stamp", "it_state")) {
                jdbc.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        new ResourceDatabasePopulator(new ClassPathResource("store/schema.sql")).execute(jdbc.getDataSource());
        return new IncidentStore(jdbc);
    }

    /** The width of it_rejection.params; a longer text is cut, and its last parameter with it. */
    private static final int PARAMS_WIDTH = 4000;

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public List<StoredFile> files() {
        // Sorted here, never by the database's collation: the same order on every store.
        List<StoredFile> files = new ArrayList<>(jdbc.query("SELECT * FROM it_file", FILE));
        files.sort(java.util.Comparator.comparing(StoredFile::path));
        return files;
    }

    /** Rows read, accepted and rejected over every input file. */
    public record RowTotals(long read, long accepted, long rejected) {
    }

    public RowTotals rowTotals() {
        return jdbc.query("SELECT COALESCE(SUM(rows_read), 0), COALESCE(SUM(rows_accepted), 0),"
                + " COALESCE(SUM(rows_rejected), 0) FROM it_file", rs -> {
            rs.next();
            return new RowTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        });
    }

    /**
     * Files with rows rejected for a date after the clock of the run that read them, each with
     * that clock: a run with a later clock may find those rows in the past.
     */
    public Map<String, Instant> filesWithFutureRejections() {
        Map<String, Instant> files = new HashMap<>();
        jdbc.query("SELECT DISTINCT f.path, f.loaded_at FROM it_rejection r JOIN it_file f ON f.id = r.file_id"
                + " WHERE r.kind IN ('" + RejectionKind.DATE_IN_FUTURE.code() + "', '" + RejectionKind.NIGHT_IN_FUTURE.code()
                + "', '" + RejectionKind.TIME_IN_FUTURE.code() + "')",
                rs -> {
                    Timestamp readAt = rs.getTimestamp(2);
                    files.put(rs.getString(1), readAt == null ? Instant.MIN : readAt.toInstant());
                });
        return files;
    }

    /**
     * Files read by a run whose clock was after {@code clock}: rows they hold may lie in the future
     * of this run, which must leave them out as a fresh store would.
     */
    public java.util.Set<String> filesReadAfter(Instant clock) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT path FROM it_file WHERE loaded_at > ?", String.class,
                Timestamp.from(clock)));
    }

    /**
     * How full an H2 store's file is, from H2's own figures; empty for PostgreSQL, which reclaims
     * space itself, and for a store H2 keeps in memory.
     */
    public Optional<StoreSpace> space() {
        if (postgres) {
            return Optional.empty();
        }
        Map<String, String> info = new HashMap<>();
        jdbc.query("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> info.put(rs.getString(1), rs.getString(2)));
        try {
            long size = Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0").trim());
            int fill = Integer.parseInt(info.getOrDefault("info.FILL_RATE", "100").trim());
            int chunksFill = Integer.parseInt(info.getOrDefault("info.CHUNKS_FILL_RATE", "100").trim());
            return size > 0 ? Optional.of(new StoreSpace(size, fill, chunksFill)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Rewrites an H2 store's live data into a new file in place of the old one (compressed, as H2's
     * {@code SHUTDOWN COMPACT} does), and closes the store: the last thing a run does with it. On one
     * plain statement, as nothing may ask the closed database anything afterwards (Spring's
     * {@code JdbcTemplate.execute} reads the statement's warnings when its log is at DEBUG).
     */
    public void compactAndClose() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean closed = false;
            try (java.sql.Statement statement = connection.createStatement()) {
                // The pool resets the connection afterwards, on a database closed by then: its error is
                // the pool's to handle, not one for H2's log beside the store.
                statement.execute("SET TRACE_LEVEL_FILE 0");
                statement.execute("SHUTDOWN COMPACT");
                closed = true;
            } catch (java.sql.SQLException e) {
                if (!closed || e.getErrorCode() != org.h2.api.ErrorCode.DATABASE_IS_CLOSED) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** Rejections of every kind: rows, and files rejected whole. */
    public long rejectionCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM it_rejection", Long.class);
        return count == null ? 0 : count;
    }

    public Map<String, StoredFile> filesByPath() {
        return files().stream().collect(Collectors.toMap(StoredFile::path, Function.identity()));
    }

    public Optional<StoredFile> file(String path) {
        return jdbc.query("SELECT * FROM it_file WHERE path_key = ?", FILE, pathKey(path)).stream().findFirst();
    }

    /** Forgets a file's rows and marks it LOADING with its new checksum; returns its id. */
    public long beginFile(String path, String sha256) {
        Optional<StoredFile> existing = file(path);
        if (existing.isPresent()) {
            long id = existing.get().id();
            deleteRows(id);
            jdbc.update("UPDATE it_file SET sha256 = ?, status = ?, encoding = NULL, delimiter = NULL, rows_read = 0, rows_accepted = 0,"
                    + " rows_rejected = 0, message = NULL, loaded_at = NULL WHERE id = ?", sha256, StoredFile.LOADING, id);
            return id;
        }
        jdbc.update("INSERT INTO it_file (path, path_key, sha256, status) VALUES (?, ?, ?, ?)", path, pathKey(path),
                sha256, StoredFile.LOADING);
        return jdbc.queryForObject("SELECT id FROM it_file WHERE path_key = ?", Long.class, pathKey(path));
    }

    /** The unique key of a file's path: its SHA-256 in hex, whatever the path's length. */
    static String pathKey(String path) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Removes a file that is no longer in the input, with everything that came from it and its stamp. */
    public void removeFile(long id) {
        deleteRows(id);
        jdbc.update("DELETE FROM it_file_stamp WHERE path_key = (SELECT path_key FROM it_file WHERE id = ?)", id);
        jdbc.update("DELETE FROM it_file WHERE id = ?", id);
    }

    private void deleteRows(long id) {
        touch(nights("SELECT night_from, night_to FROM it_group WHERE file_id = ?", id));
        jdbc.update("DELETE FROM it_group WHERE file_id = ?", id);
        jdbc.update("DELETE FROM it_row_id WHERE file_id = ?", id);
        jdbc.update("DELETE FROM it_resolution WHERE file_id = ?", id);
        jdbc.update("DELETE FROM it_rejection WHERE file_id = ?", id);
        jdbc.update("DELETE FROM it_warning WHERE file_id = ?", id);
    }

    /**
     * Forgets what an interrupted load stored of a file that has changed since, so it is read again
     * from the top; a file that can no longer be read keeps its old checksum and is rejected.
     */
    public void restartFile(String path, String sha256) {
        Optional<StoredFile> known = file(path);
        if (known.isPresent()) {
            beginFile(path, sha256 == null ? known.get().sha256() : sha256);
        }
    }

    /**
     * Makes a half-read file ready to be read on from row {@code rows}: keeps its rows up to
     * {@code lastLine} and forgets anything stored past it (what a kill may leave of a chunk that
     * never committed). Returns false, changing nothing, when the store does not hold exactly
     * {@code rows} rows of it up to that line (the file was reset or completed since): it must
     * then be read from the top.
     */
    public boolean resumeFile(String path, long rows, long lastLine) {
        Optional<StoredFile> known = file(path);
        if (known.isEmpty() || known.get().complete()) {
            return false;
        }
        long id = known.get().id();
        // A chunk commits its groups together, and its lines all lie past the chunks before it.
        long stored = count("SELECT COALESCE(SUM(row_count), 0) FROM it_group WHERE file_id = ? AND max_line <= ?", id,
                lastLine) + count("SELECT COUNT(*) FROM it_rejection WHERE file_id = ? AND line <= ?", id, lastLine);
        if (stored != rows) {
            return false;
        }
        touch(nights("SELECT night_from, night_to FROM it_group WHERE file_id = ? AND max_line > ?", id, lastLine));
        jdbc.update("DELETE FROM it_group WHERE file_id = ? AND max_line > ?", id, lastLine);
        jdbc.update("DELETE FROM it_row_id WHERE file_id = ? AND line > ?", id, lastLine);
        jdbc.update("DELETE FROM it_resolution WHERE file_id = ? AND line > ?", id, lastLine);
        jdbc.update("DELETE FROM it_rejection WHERE file_id = ? AND line > ?", id, lastLine);
        jdbc.update("DELETE FROM it_warning WHERE file_id = ?", id);
        return true;
    }

    /** Marks a file complete; its counts are taken from what was stored, so they always add up. */
    public void finishFile(long id, String encoding, List<String> warnings, Instant now) {
        finishFile(id, encoding, null, warnings, now);
    }

    /** As above, with the file's field delimiter (null for a workbook). */
    public void finishFile(long id, String encoding, String delimiter, List<String> warnings, Instant now) {
        addWarnings(id, warnings);
        long accepted = count("SELECT COALESCE(SUM(row_count), 0) FROM it_group WHERE file_id = ?", id);
        long rejected = count("SELECT COUNT(*) FROM it_rejection WHERE file_id = ?", id);
        jdbc.update("UPDATE it_file SET status = ?, encoding = ?, delimiter = ?, rows_read = ?, rows_accepted = ?,"
                        + " rows_rejected = ?,"
                        + " loaded_at = ? WHERE id = ?",
                StoredFile.LOADED, encoding, delimiter, accepted + rejected, accepted, rejected, Timestamp.from(now), id);
        bumpGeneration();
    }

    /** A file that could not be read at all: one rejection at line 0 with the reason. */
    public void rejectFile(long id, String path, String reason, List<String> warnings, Instant now) {
        deleteRows(id);
        addWarnings(id, warnings);
        jdbc.update("INSERT INTO it_rejection (file_id, line, col, val, kind, params, raw)"
                + " VALUES (?, 0, '(file)', NULL, ?, ?, NULL)", id, RejectionKind.FILE_REJECTED.code(),
                Reason.of(RejectionKind.FILE_REJECTED, FreeText.cut(reason, 2000)).encodedParams());
        jdbc.update("UPDATE it_file SET status = ?, rows_read = 0, rows_accepted = 0, rows_rejected = 0, message = ?,"
                + " loaded_at = ? WHERE id = ?", StoredFile.REJECTED, FreeText.cut(reason, 2000), Timestamp.from(now), id);
        bumpGeneration();
    }

    private void addWarnings(long id, List<String> warnings) {
        int seq = (int) count("SELECT COUNT(*) FROM it_warning WHERE file_id = ?", id);
        for (String warning : warnings) {
            jdbc.update("INSERT INTO it_warning (file_id, seq, message) VALUES (?, ?, ?)", id, seq++,
                    FreeText.cut(warning, 2000));
        }
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    /** An accepted row with an incident id as stored: its file and the row. */
    private record StoredRow(long fileId, String sheet, Incident in) {
    }

    /** A rejection as stored, with its file. */
    private record StoredRejection(long fileId, String sheet, Rejection r) {
    }

    /** The night of a row with an incident id, for finding ids whose rows lie on several nights. */
    private static final Columns<StoredRow> ROW_ID = Columns.<StoredRow>of("it_row_id")
            .bigint("file_id", StoredRow::fileId)
            .text("sheet", StoredRow::sheet)
            .bigint("line", r -> r.in().line())
            .text("incident_id", r -> r.in().incidentId())
            .date("night", r -> r.in().night())
            .build();

    /** A night whose rows changed, for the night index to count again. */
    private static final Columns<LocalDate> TOUCHED = Columns.<LocalDate>of("it_touched")
            .date("night", night -> night)
            .build();

    private static final Columns<StoredRejection> REJECTION = Columns.<StoredRejection>of("it_rejection")
            .bigint("file_id", StoredRejection::fileId)
            .text("sheet", StoredRejection::sheet)
            .bigint("line", r -> r.r().line())
            .text("col", r -> r.r().column())
            .text("val", r -> r.r().value())
            .text("kind", r -> r.r().reason().kind().code())
            .text("params", r -> FreeText.cut(r.r().reason().encodedParams(), PARAMS_WIDTH))
            .text("raw", r -> r.r().raw() == null ? null : FreeText.cut(r.r().raw(), FreeText.MAX_LENGTH))
            .date("night", r -> r.r().night())
            .text("source", r -> r.r().source() == null ? null : FreeText.cut(r.r().source(), 1000))
            .build();

    public void insertIncidents(long fileId, List<Incident> incidents) {
        insertIncidents(fileId, null, incidents);
    }

    /** A chunk's accepted rows of one file, or of one sheet (null for a CSV file) of a workbook. */
    public void insertIncidents(long fileId, String sheet, List<Incident> incidents) {
        insertIncidents(prepareIncidents(fileId, sheet, incidents));
    }

    /**
     * A chunk's accepted rows of one file or sheet, ready to be stored: its row groups encoded, its
     * resolutions counted, its nights listed. Making them asks nothing of the database, so a
     * partition makes them before it takes its turn at the store's writes.
     */
    public static final class PreparedIncidents {
        private final long fileId;
        private final List<EncodedGroup> groups;
        private final List<StoredRow> withId;
        private final List<EncodedResolutions> resolutions;
        private final List<LocalDate> nights;

        private PreparedIncidents(long fileId, List<EncodedGroup> groups, List<StoredRow> withId,
                                  List<EncodedResolutions> resolutions, List<LocalDate> nights) {
            this.fileId = fileId;
            this.groups = groups;
            this.withId = withId;
            this.resolutions = resolutions;
            this.nights = nights;
        }
    }

    /** Prepares a chunk's accepted rows of one file or sheet for {@link #insertIncidents(PreparedIncidents)}. */
    public static PreparedIncidents prepareIncidents(long fileId, String sheet, List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return new PreparedIncidents(fileId, List.of(), List.of(), List.of(), List.of());
        }
        List<StoredRow> withId = new ArrayList<>();
        for (Incident incident : incidents) {
            if (incident.incidentId() != null) {
                withId.add(new StoredRow(fileId, sheetKey(sheet), incident));
            }
        }
        return new PreparedIncidents(fileId, encodeGroups(sheetKey(sheet), incidents), withId,
                encodeResolutions(incidents), incidents.stream().map(Incident::night).distinct().toList());
    }

    /** Stores a chunk's accepted rows of one file or sheet, prepared before, listing each of its nights. */
    public void insertIncidents(PreparedIncidents rows) {
        insertIncidents(rows, new ListedNights());
    }

    /**
     * Stores a chunk's accepted rows of one file or sheet, prepared before, listing in it_touched only
     * those of its nights that {@code listed} does not hold.
     */
    public void insertIncidents(PreparedIncidents rows, ListedNights listed) {
        if (rows.groups.isEmpty()) {
            return;
        }
        insertGroups(rows.fileId, rows.groups);
        insert(ROW_ID, rows.withId);
        insertResolutions(rows.fileId, rows.resolutions);
        List<LocalDate> unlisted = listed.unlisted(rows.nights);
        touch(unlisted);
        listed.onceCommitted(unlisted);
    }

    /**
     * The nights one writer's committed chunks have listed in it_touched: a night needs listing once
     * until the night index counts it again, so a later chunk of the same writer need not list it.
     * A night counts as listed only once the transaction that listed it has committed: a chunk rolled
     * back lists nothing, and the next chunk with rows of that night lists it. The index clears
     * it_touched only in the steps after ingest, so a writer made for one ingest step never outlives
     * a clearing; two writers at once each list a night once, which only repeats it.
     */
    public static final class ListedNights {
        private final java.util.Set<LocalDate> committed = new java.util.HashSet<>();

        private List<LocalDate> unlisted(List<LocalDate> nights) {
            List<LocalDate> unlisted = new ArrayList<>(nights.size());
            for (LocalDate night : nights) {
                if (!committed.contains(night)) {
                    unlisted.add(night);
                }
            }
            return unlisted;
        }

        private void onceCommitted(List<LocalDate> nights) {
            if (nights.isEmpty()) {
                return;
            }
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                // No transaction: each statement committed by itself.
                committed.addAll(nights);
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.addAll(nights);
                }
            });
        }
    }

    public void insertRejections(long fileId, List<Rejection> rejections) {
        insertRejections(fileId, null, rejections);
    }

    /** A chunk's rejected rows of one file, or of one sheet (null for a CSV file) of a workbook. */
    public void insertRejections(long fileId, String sheet, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        insert(REJECTION, rejections.stream().map(r -> new StoredRejection(fileId, sheetKey(sheet), r)).toList());
    }

    /** The sheet column's value: '' for a CSV file, so that it can be part of a key on every database. */
    private static String sheetKey(String sheet) {
        return sheet == null ? "" : sheet;
    }

    /**
     * Where a stored row came from, as messages name it: {@code file.csv}, or
     * {@code file.xlsx#Sheet} for a row of a workbook.
     */
    public static String location(String path, String sheet) {
        return sheet == null || sheet.isEmpty() ? path : path + "#" + sheet;
    }

    /** PostgreSQL loads a chunk's rows with COPY; other stores take them as one JDBC batch. */
    private <T> void insert(Columns<T> columns, List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        if (postgres) {
            PostgresCopy.copy(jdbc.getDataSource(), columns, items);
        } else {
            jdbc.batchUpdate(columns.insert(), items, items.size(), columns::bind);
        }
    }

    /**
     * A chunk's names that did not match exactly, counted per kind, region, name, method and night
     * (so that a report counts its own period's) and encoded as one block, or as halves of it when it
     * is too large; each with the chunk's last line, so that a resumed file forgets what lies past it.
     */
    private record EncodedResolutions(long line, LocalDate nightFrom, LocalDate nightTo, byte[] body) {
    }

    private static List<EncodedResolutions> encodeResolutions(List<Incident> incidents) {
        long line = incidents.stream().mapToLong(Incident::line).max().orElse(0);
        Map<List<Object>, ResolutionBlock.Entry> counted = new LinkedHashMap<>();
        for (Incident in : incidents) {
            if (in.regionInput() != null) {
                count(counted, new ResolutionBlock.Entry("region", in.regionIso(), in.regionInput(), in.regionMethod(),
                        null, in.regionScore(), 1, in.night()));
            }
            if (in.districtInput() != null) {
                count(counted, new ResolutionBlock.Entry("district", in.regionIso(), in.districtInput(),
                        in.districtMethod(), in.district(), in.districtScore(), 1, in.night()));
            }
        }
        List<EncodedResolutions> blocks = new ArrayList<>();
        if (!counted.isEmpty()) {
            encodeResolutions(line, List.copyOf(counted.values()), blocks);
        }
        return blocks;
    }

    private static void encodeResolutions(long line, List<ResolutionBlock.Entry> entries,
                                          List<EncodedResolutions> blocks) {
        byte[] body = ResolutionBlock.encode(entries);
        if (body.length > GROUP_BYTES && entries.size() > 1) {
            int half = entries.size() / 2;
            encodeResolutions(line, entries.subList(0, half), blocks);
            encodeResolutions(line, entries.subList(half, entries.size()), blocks);
            return;
        }
        LocalDate from = entries.get(0).night();
        LocalDate to = from;
        for (ResolutionBlock.Entry entry : entries) {
            from = entry.night().isBefore(from) ? entry.night() : from;
            to = entry.night().isAfter(to) ? entry.night() : to;
        }
        blocks.add(new EncodedResolutions(line, from, to, body));
    }

    private static void count(Map<List<Object>, ResolutionBlock.Entry> counted, ResolutionBlock.Entry one) {
        // Arrays.asList, not List.of: a name's method may be null.
        counted.merge(Arrays.asList(one.kind(), one.regionIso(), one.input(), one.method(), one.night()), one,
                (seen, again) -> seen.plus(again.canonical(), again.score(), again.rows()));
    }

    /**
     * A chunk's resolution blocks, as one JDBC batch on every store: a chunk writes one or two, too few
     * for PostgreSQL's COPY to gain anything.
     */
    private void insertResolutions(long fileId, List<EncodedResolutions> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(blocks.size());
        for (EncodedResolutions block : blocks) {
            values.add(new Object[] {fileId, block.line(), block.nightFrom(), block.nightTo(), block.body()});
        }
        jdbc.batchUpdate("INSERT INTO it_resolution (file_id, line, night_from, night_to, body) VALUES (?, ?, ?, ?, ?)",
                values);
    }

    /** Stores names counted apart from any row group, as a chunk's block: what a test of the report's reading sets up. */
    void insertResolutions(long fileId, long line, List<ResolutionBlock.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<EncodedResolutions> blocks = new ArrayList<>();
        encodeResolutions(line, entries, blocks);
        insertResolutions(fileId, blocks);
    }

    /** The largest group the store writes; H2 holds up to 1,048,576 bytes in a BYTEA value. */
    static final int GROUP_BYTES = 1_000_000;

    /** A row group encoded, before the store numbers it. */
    private record EncodedGroup(int rowCount, LocalDate nightFrom, LocalDate nightTo, long minLine, long maxLine,
                                byte[] body) {
    }

    /**
     * A chunk's accepted rows as row groups: one per ISO week of their nights, each sorted by night
     * (rows of one night keep their file order).
     */
    private static List<EncodedGroup> encodeGroups(String sheet, List<Incident> incidents) {
        java.util.TreeMap<LocalDate, List<Report>> weeks = new java.util.TreeMap<>();
        for (Incident in : incidents) {
            weeks.computeIfAbsent(in.night().with(java.time.temporal.TemporalAdjusters.previousOrSame(
                    java.time.DayOfWeek.MONDAY)), k -> new ArrayList<>()).add(report(sheet, in));
        }
        List<EncodedGroup> groups = new ArrayList<>();
        for (List<Report> week : weeks.values()) {
            week.sort(java.util.Comparator.comparing(Report::night));
            encodeGroup(week, groups);
        }
        return groups;
    }

    /** Encodes one group, or halves of it when it is too large. */
    private static void encodeGroup(List<Report> rows, List<EncodedGroup> groups) {
        byte[] body = RowGroupCodec.encode(rows);
        if (body.length > GROUP_BYTES && rows.size() > 1) {
            int half = rows.size() / 2;
            encodeGroup(rows.subList(0, half), groups);
            encodeGroup(rows.subList(half, rows.size()), groups);
            return;
        }
        long minLine = rows.stream().mapToLong(Report::line).min().orElseThrow();
        long maxLine = rows.stream().mapToLong(Report::line).max().orElseThrow();
        groups.add(new EncodedGroup(rows.size(), rows.get(0).night(), rows.get(rows.size() - 1).night(), minLine,
                maxLine, body));
    }

    /** Writes a chunk's groups in their order, numbered on from the file's last group. */
    private void insertGroups(long fileId, List<EncodedGroup> groups) {
        int seq = (int) count("SELECT COALESCE(MAX(seq), -1) + 1 FROM it_group WHERE file_id = ?", fileId);
        List<Object[]> values = new ArrayList<>(groups.size());
        for (EncodedGroup group : groups) {
            values.add(new Object[] {fileId, seq++, group.rowCount(), group.nightFrom(), group.nightTo(),
                    group.minLine(), group.maxLine(), group.body()});
        }
        jdbc.batchUpdate("INSERT INTO it_group (file_id, seq, row_count, night_from, night_to, min_line, max_line, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
    }

    /** A row as a group keeps it: its sheet stands for its file ({@code ""} for a CSV file). */
    private static Report report(String sheet, Incident in) {
        return new Report(in.incidentId(), in.night(), in.nightInferred(), in.localTime(), in.nightTime(),
                in.regionIso(), in.district(), in.districtKey(), in.eventType().code(), in.uavCount(), in.killed(),
                in.injured(), in.location(), in.damage(), in.measures(), in.source(), in.sourceKey(), in.sourceUrl(),
                in.notes(), in.contentHash(), sheet, in.line());
    }

    /** Every night from each range the query returns (night_from, night_to), each once. */
    private java.util.SortedSet<LocalDate> nights(String sql, Object... args) {
        java.util.SortedSet<LocalDate> nights = new java.util.TreeSet<>();
        jdbc.query(sql, rs -> {
            LocalDate to = rs.getObject(2, LocalDate.class);
            for (LocalDate night = rs.getObject(1, LocalDate.class); !night.isAfter(to); night = night.plusDays(1)) {
                nights.add(night);
            }
        }, args);
        return nights;
    }

    /** Every night the store holds a row group of, in any file. */
    java.util.SortedSet<LocalDate> storedNights() {
        return nights("SELECT night_from, night_to FROM it_group");
    }

    /** Lists nights whose rows change, for the night index to count again. */
    void touch(java.util.Collection<LocalDate> nights) {
        insert(TOUCHED, List.copyOf(nights));
    }

    /**
     * Every accepted report the store holds, of every file whatever its state, in file and group
     * order: what a test reads back.
     */
    public List<Report> storedReports() {
        Map<Long, String> paths = new HashMap<>();
        jdbc.query("SELECT id, path FROM it_file", rs -> {
            paths.put(rs.getLong(1), rs.getString(2));
        });
        List<Report> reports = new ArrayList<>();
        jdbc.query("SELECT file_id, body FROM it_group ORDER BY file_id, seq", rs -> {
            String path = paths.get(rs.getLong(1));
            reports.addAll(RowGroupCodec.decode(rs.getBytes(2), sheet -> location(path, sheet)));
        });
        return reports;
    }

    /**
     * This store's identity, made once when it is first asked for: two stores start their
     * generations from the same number, so a generation alone does not say whose rows a report shows.
     */
    public String identity() {
        Optional<String> known = state("store.id");
        if (known.isPresent()) {
            return known.get();
        }
        String made = java.util.UUID.randomUUID().toString();
        setState("store.id", made);
        return made;
    }

    /**
     * Changes whenever the set of loaded rows changes; lets the merge be skipped when nothing did. A new value is
     * random, not the next number: a store restored from a backup and changed otherwise than the one it was copied
     * from would count to the same number, and a report of the other change would pass for this one's.
     */
    public String generation() {
        return state("rows.generation").orElse("0");
    }

    private void bumpGeneration() {
        setState("rows.generation", java.util.UUID.randomUUID().toString());
    }

    public void markRemoved() {
        bumpGeneration();
    }

    public Optional<String> state(String name) {
        return jdbc.query("SELECT val FROM it_state WHERE name = ?", (rs, n) -> rs.getString(1), name).stream().findFirst();
    }

    public void setState(String name, String value) {
        if (jdbc.update("UPDATE it_state SET val = ? WHERE name = ?", value, name) == 0) {
            jdbc.update("INSERT INTO it_state (name, val) VALUES (?, ?)", name, value);
        }
    }
}
