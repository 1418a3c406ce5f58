package com.incidenttally.store;

import com.incidenttally.H2Stores;
import com.incidenttally.ingest.CsvDialect;
import com.incidenttally.tally.ReportSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.incidenttally.places.MatchMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The store's file state as the report reads it: typed records, a file's dialect as two fields. */
class StoreReportSourceTests {

    private final IncidentStore store = IncidentStore.open(memoryStore());

    private static JdbcTemplate memoryStore() {
        return H2Stores.memoryTemplate();
    }

    private void read(String path, CsvDialect dialect) {
        long id = store.beginFile(path, "sha-" + path);
        store.finishFile(id, dialect.encoding(), String.valueOf(dialect.delimiter()), List.of(), Instant.EPOCH);
    }

    @Test
    void keepsAFilesEncodingAndDelimiterAsTwoFields() {
        read("a.csv", new CsvDialect(StandardCharsets.UTF_8, false, ','));
        read("b.csv", new CsvDialect(StandardCharsets.UTF_8, true, ';'));
        read("c.csv", new CsvDialect(Charset.forName("windows-1251"), false, '\t'));
        long workbook = store.beginFile("d.xlsx", "sha-d");
        store.finishFile(workbook, "xlsx (2 sheets read)", null, List.of(), Instant.EPOCH);
        store.beginFile("e.csv", "sha-e");

        assertThat(new StoreReportSource(store, null).inputFiles()).extracting(ReportSource.StoredInput::path,
                ReportSource.StoredInput::status, ReportSource.StoredInput::encoding,
                ReportSource.StoredInput::delimiter).containsExactly(
                tuple("a.csv", StoredFile.LOADED, "UTF-8", ","),
                tuple("b.csv", StoredFile.LOADED, "UTF-8 (BOM)", ";"),
                tuple("c.csv", StoredFile.LOADED, "windows-1251", "\t"),
                tuple("d.xlsx", StoredFile.LOADED, "xlsx (2 sheets read)", null),
                tuple("e.csv", StoredFile.LOADING, null, null));
    }

    @Test
    void aFileReadAgainForgetsHowItWasReadUntilItIsDone() {
        read("a.csv", new CsvDialect(StandardCharsets.UTF_8, true, ';'));

        store.beginFile("a.csv", "sha-new");

        assertThat(store.files()).singleElement().satisfies(f -> {
            assertThat(f.encoding()).isNull();
            assertThat(f.delimiter()).isNull();
        });
    }

    @Test
    void sumsANamesResolutionsOverChunksAndFilesOfThePeriodsNightsOnly() {
        long a = store.beginFile("a.csv", "sha-a");
        store.finishFile(a, "UTF-8", ",", List.of(), Instant.EPOCH);
        long b = store.beginFile("b.csv", "sha-b");
        store.finishFile(b, "UTF-8", ",", List.of(), Instant.EPOCH);
        long loading = store.beginFile("c.csv", "sha-c");
        resolution(a, 100, "fuzzy", "Chertkovsky District", 0.93, 2, "2025-12-07");
        resolution(a, 200, "fuzzy", "Chertkovsky District", 0.91, 3, "2025-12-08");
        resolution(b, 100, "fuzzy", null, 0.95, 1, "2025-12-07");
        resolution(b, 100, "unresolved", null, 0, 4, "2025-12-08");
        // Another night, and a file not read to its end: neither counts.
        resolution(a, 300, "fuzzy", "Another District", 0.50, 7, "2025-12-20");
        resolution(loading, 100, "fuzzy", "Another District", 0.50, 11, "2025-12-07");

        List<ReportSource.ResolutionRow> rows = new StoreReportSource(store, null)
                .resolutions(LocalDate.parse("2025-12-07"), LocalDate.parse("2025-12-08"));

        assertThat(rows).containsExactlyInAnyOrder(
                new ReportSource.ResolutionRow("district", "RU-ROS", "Чертков", MatchMethod.FUZZY,
                        "Chertkovsky District", 0.91, 6),
                new ReportSource.ResolutionRow("district", "RU-ROS", "Чертков", MatchMethod.UNRESOLVED, null, 0, 4));
    }

    private void resolution(long file, long line, String method, String canonical, double score, long rows, String night) {
        store.insertResolutions(file, line, List.of(new ResolutionBlock.Entry("district", "RU-ROS", "Чертков",
                MatchMethod.ofLabel(method), canonical, score, rows, LocalDate.parse(night))));
    }
}
