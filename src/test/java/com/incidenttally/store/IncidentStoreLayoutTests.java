package com.incidenttally.store;

import com.incidenttally.H2Stores;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening a store: its tables are made once, and a store of an earlier layout is rebuilt. */
class IncidentStoreLayoutTests {

    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc = H2Stores.memoryTemplate();
    }

    @Test
    void aStoreOfTheCurrentLayoutKeepsItsFiles() {
        IncidentStore store = IncidentStore.open(jdbc);
        long id = store.beginFile("a.csv", "sha-a");
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);

        IncidentStore reopened = IncidentStore.open(jdbc);

        assertThat(reopened.files()).extracting(StoredFile::path).containsExactly("a.csv");
    }

    @Test
    void aStoreWhoseRowsHaveNoNightKeyIsEmptiedSoEveryFileIsReadAgain() {
        // The layout before rows were keyed by night: it_row keyed by (file_id, line).
        jdbc.execute("CREATE TABLE it_file (id BIGINT PRIMARY KEY, path VARCHAR(1000), sha256 VARCHAR(64),"
                + " status VARCHAR(16))");
        jdbc.execute("CREATE TABLE it_row (file_id BIGINT NOT NULL, line BIGINT NOT NULL, PRIMARY KEY (file_id, line))");
        jdbc.update("INSERT INTO it_file VALUES (1, 'a.csv', 'sha-a', 'LOADED')");
        jdbc.update("INSERT INTO it_row VALUES (1, 2)");

        IncidentStore store = IncidentStore.open(jdbc);

        assertThat(store.files()).isEmpty();
        assertThat(tables("it_row")).isZero();
        assertThat(tables("it_group")).isOne();
    }

    @Test
    void aStoreWithAFilesDialectInOneColumnIsEmptiedSoEveryFileIsReadAgain() {
        // The layout before the dialect's two fields: it_file.encoding held "UTF-8 (BOM), ';'".
        jdbc.execute("CREATE TABLE it_file (id BIGINT PRIMARY KEY, path VARCHAR(1000), path_key VARCHAR(64),"
                + " sha256 VARCHAR(64), status VARCHAR(16), encoding VARCHAR(60))");
        jdbc.update("INSERT INTO it_file VALUES (1, 'a.csv', 'k', 'sha-a', 'LOADED', ?)", "UTF-8 (BOM), ';'");

        IncidentStore store = IncidentStore.open(jdbc);

        assertThat(store.files()).isEmpty();
        long id = store.beginFile("a.csv", "sha-a");
        store.finishFile(id, "UTF-8 (BOM)", ";", List.of(), Instant.EPOCH);
        assertThat(store.files()).extracting(StoredFile::encoding, StoredFile::delimiter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UTF-8 (BOM)", ";"));
    }

    private long tables(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?",
                Long.class, name);
    }

    @Test
    void aStoreOfOneRowPerReportIsEmptiedAndItsFilesAreReadAgainIntoRowGroups() {
        // The layout before row groups: it_row held one row per report, keyed by night.
        jdbc.execute("CREATE TABLE it_file (id BIGINT PRIMARY KEY, path VARCHAR(1000), path_key VARCHAR(64),"
                + " sha256 VARCHAR(64), status VARCHAR(16))");
        jdbc.execute("CREATE TABLE it_row (rid BIGINT PRIMARY KEY, file_id BIGINT NOT NULL, region_iso VARCHAR(40))");
        jdbc.update("INSERT INTO it_file VALUES (1, 'a.csv', 'k', 'sha-a', 'LOADED')");
        jdbc.update("INSERT INTO it_row VALUES (1, 1, 'SEA-CASPIAN')");

        IncidentStore store = IncidentStore.open(jdbc);

        assertThat(store.files()).isEmpty();
        assertThat(tables("it_row")).isZero();
        long id = store.beginFile("a.csv", "sha-a");
        store.insertIncidents(id, List.of(new com.incidenttally.incident.Incident("a.csv", 2, null,
                java.time.LocalDate.parse("2025-12-07"), false, null, null, "SEA-CASPIAN", null, null, 1.0, null,
                com.incidenttally.incident.DistrictKey.REGION,
                null, null, 1.0, null, com.incidenttally.incident.EventType.SHOT_DOWN, 1, null, null, null, null, "MoD",
                "mod", null, null, "h")));
        assertThat(store.storedReports()).extracting(com.incidenttally.tally.Report::regionIso)
                .containsExactly("SEA-CASPIAN");
    }

    @Test
    void aStoreThatKeptMergedIncidentsInATableIsEmptiedAndReadAgain() {
        // The layout before the one-pass report: merged incidents and merge notes had tables of their own.
        IncidentStore.open(jdbc);
        jdbc.update("INSERT INTO it_file (path, path_key, sha256, status) VALUES ('a.csv', 'k', 'sha-a', 'LOADED')");
        jdbc.execute("CREATE TABLE it_incident (seq BIGINT PRIMARY KEY)");

        IncidentStore store = IncidentStore.open(jdbc);

        assertThat(store.files()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE LOWER(table_name) = 'it_incident'", Long.class)).isZero();
    }

    @Test
    void aStoreThatKeyedFilesByAShortPathIsEmptiedAndReadAgain() {
        // The layout before paths of any length: it_file.path was VARCHAR(1000) and its own unique key.
        jdbc.execute("CREATE TABLE it_file (id BIGINT PRIMARY KEY, path VARCHAR(1000) NOT NULL UNIQUE, sha256 VARCHAR(64),"
                + " status VARCHAR(16))");
        jdbc.update("INSERT INTO it_file VALUES (1, 'a.csv', 'sha-a', 'LOADED')");

        IncidentStore store = IncidentStore.open(jdbc);

        assertThat(store.files()).isEmpty();
        String longPath = "п/".repeat(2_000) + "a.csv";
        long id = store.beginFile(longPath, "sha");
        assertThat(store.file(longPath)).hasValueSatisfying(file -> assertThat(file.id()).isEqualTo(id));
    }

    @Test
    void aStoreWhoseRejectionsHaveNoNightIsEmptiedSoEveryRejectionGetsItsPeriod() {
        IncidentStore.open(jdbc);
        long id = IncidentStore.open(jdbc).beginFile("a.csv", "sha-a");
        // The layout before rejections had a night and a source.
        jdbc.execute("ALTER TABLE it_rejection DROP COLUMN night");
        jdbc.execute("ALTER TABLE it_rejection DROP COLUMN source");

        IncidentStore store = IncidentStore.open(jdbc);

        assertThat(store.files()).isEmpty();
        assertThat(jdbc.queryForList("SELECT night, source FROM it_rejection")).isEmpty();
        assertThat(id).isPositive();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aStoreOfOneResolutionRowPerNameAndNightIsEmptiedOnceWithALineSayingSo(CapturedOutput console) {
        long id = IncidentStore.open(jdbc).beginFile("a.csv", "sha-a");
        // The layout before a chunk's resolutions were one block: a row per name, method and night.
        jdbc.execute("DROP TABLE it_resolution");
        jdbc.execute("CREATE TABLE it_resolution (file_id BIGINT NOT NULL, line BIGINT NOT NULL, kind VARCHAR(8) NOT NULL,"
                + " region_iso VARCHAR(40) NOT NULL, input VARCHAR(32767) NOT NULL, method VARCHAR(16),"
                + " canonical VARCHAR(32767), score DOUBLE PRECISION NOT NULL, rows_count BIGINT NOT NULL,"
                + " night DATE NOT NULL)");
        jdbc.update("INSERT INTO it_resolution VALUES (?, 7, 'district', 'RU-ROS', 'Чертков', 'fuzzy', NULL, 0.9, 2,"
                + " DATE '2025-12-07')", id);

        IncidentStore store = IncidentStore.open(jdbc);
        long reread = store.beginFile("a.csv", "sha-a");
        store.finishFile(reread, "UTF-8", List.of(), Instant.EPOCH);
        IncidentStore.open(jdbc);

        assertThat(jdbc.queryForList("SELECT night_from, night_to, body FROM it_resolution")).isEmpty();
        assertThat(IncidentStore.open(jdbc).files()).extracting(StoredFile::path).containsExactly("a.csv");
        assertThat(console.getOut().lines().filter(line -> line.contains(
                "The store has an earlier layout: it is emptied and every input file is read again"))).hasSize(1);
    }
}
