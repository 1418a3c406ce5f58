package com.incidenttally.store;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.places.MatchMethod;
import com.incidenttally.tally.Report;
import com.incidenttally.tally.ReportSource;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import org.junit.jupiter.api.BeforeEach;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import org.junit.jupiter.api.Test;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import org.springframework.jdbc.core.JdbcTemplate;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import org.springframework.transaction.support.TransactionTemplate;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import javax.sql.DataSource;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.Instant;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.LocalDate;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.LocalDateTime;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.List;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.Map;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the store is given is what it holds, on every store: each value of a row and a rejection
 * read back by column name equals the value written, awkward text included (quotes, backslashes,
 * tabs, line breaks, Cyrillic, a text as long as a cell holds), and an empty text stays apart
 * from a missing one. Accepted rows go into row groups; PostgreSQL loads the small tables with COPY,
 * so this is also the test of its escaping.
 */
abstract class IncidentStoreRoundTripContract {

    static final List<String> AWKWARD = List.of(
            "plain",
            "",
            "\"quoted\", with a comma",
            "\"",
            "back\\slash \\N \\. \\\\",
            "tab\there",
            "CR\rLF\nCRLF\r\nend",
            "\n",
            "\\.",
            "Белгородская область, \"Шебекино\" — ёлка",
            "NULL",
            ",,,",
            " leading and trailing ",
            "x".repeat(32_000),
            "ж".repeat(32_000));

    private JdbcTemplate jdbc;
    private IncidentStore store;
    private TransactionTemplate transaction;

    abstract DataSource dataSource();

    @BeforeEach
    void openStore() {
        DataSource dataSource = dataSource();
        jdbc = new JdbcTemplate(dataSource);
        store = IncidentStore.open(jdbc);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void theStoresSchemaIsReadAsOpenMadeIt() {
        StoreSchema schema = StoreSchema.read(jdbc.getDataSource());

        assertThat(schema.hasColumns("it_file", "path_key", "encoding", "delimiter")).isTrue();
        assertThat(schema.hasColumns("it_rejection", "night", "source", "kind", "params")).isTrue();
        assertThat(schema.hasTable("it_row")).isFalse();
        assertThat(schema.hasColumns("it_file", "no_such_column")).isFalse();
    }

    private static Incident incident(long line, String text, String nullable) {
        return new Incident("a.csv", line, nullable, LocalDate.parse("2025-12-07").plusDays(line % 3), line % 2 == 0,
                line % 5 == 0 ? null : LocalDateTime.parse("2025-12-08T01:02:03").plusSeconds(line),
                line % 5 == 0 ? null : line % 2 == 1, "RU-BEL", nullable, line % 2 == 0 ? null : MatchMethod.FUZZY,
                0.1 + line / 7.0, nullable,
                new DistrictKey(DistrictKey.Kind.UNRESOLVED, "key " + text), nullable,
                line % 2 == 0 ? MatchMethod.TRANSLITERATED : null, 1.0 / 3, text,
                EventType.values()[(int) (line % EventType.values().length)],
                line % 4 == 0 ? null : (int) line * 1000, line % 3 == 0 ? null : 0, line % 4 == 1 ? null : 100_000,
                text, nullable, cut(text, 1000), cut("key " + text, 1000), nullable, text, "hash-" + line);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static List<Incident> awkwardRows() {
        List<Incident> rows = new java.util.ArrayList<>();
        long line = 2;
        for (String text : AWKWARD) {
            rows.add(incident(line++, text, null));
            rows.add(incident(line++, text, text));
        }
        return rows;
    }

    @Test
    void everyValueOfARowReadsBackAsWritten() {
        List<Incident> rows = awkwardRows();
        long id = store.beginFile("a.csv", "sha-a");

        transaction.executeWithoutResult(status -> store.insertIncidents(id, rows));

        List<Report> stored = new java.util.ArrayList<>(store.storedReports());
        stored.sort(java.util.Comparator.comparingLong(Report::line));
        assertThat(stored).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Incident in = rows.get(i);
            Report out = stored.get(i);
            assertThat(out.file()).as("file").isEqualTo("a.csv");
            assertThat(out.line()).isEqualTo(in.line());
            assertThat(out.incidentId()).isEqualTo(in.incidentId());
            assertThat(out.night()).isEqualTo(in.night());
            assertThat(out.nightInferred()).isEqualTo(in.nightInferred());
            assertThat(out.localTime()).isEqualTo(in.localTime());
            assertThat(out.nightTime()).isEqualTo(in.nightTime());
            assertThat(out.regionIso()).isEqualTo(in.regionIso());
            assertThat(out.district()).isEqualTo(in.district());
            assertThat(out.districtKey()).isEqualTo(in.districtKey());
            assertThat(out.location()).as("location of line %d", in.line()).isEqualTo(in.location());
            assertThat(out.eventType()).isEqualTo(in.eventType().code());
            assertThat(out.uavCount()).isEqualTo(in.uavCount());
            assertThat(out.killed()).isEqualTo(in.killed());
            assertThat(out.injured()).isEqualTo(in.injured());
            assertThat(out.damage()).isEqualTo(in.damage());
            assertThat(out.measures()).isEqualTo(in.measures());
            assertThat(out.source()).isEqualTo(in.source());
            assertThat(out.sourceKey()).isEqualTo(in.sourceKey());
            assertThat(out.sourceUrl()).isEqualTo(in.sourceUrl());
            assertThat(out.notes()).isEqualTo(in.notes());
            assertThat(out.contentHash()).isEqualTo(in.contentHash());
        }
        // Names that did not match exactly are counted apart, per name and method, read back as written.
        Map<List<Object>, Double> resolutions = new java.util.HashMap<>();
        long[] regionRows = new long[1];
        for (Map<String, Object> out : jdbc.queryForList("SELECT * FROM it_resolution")) {
            Map<String, Object> r = lowerCase(out);
            assertThat(r.get("file_id")).isEqualTo(id);
            ResolutionBlock.decode((byte[]) r.get("body"), LocalDate.MIN, LocalDate.MAX, e -> {
                resolutions.put(java.util.Arrays.asList(e.kind(), e.input(), label(e.method()), e.canonical()), e.score());
                regionRows[0] += "region".equals(e.kind()) ? e.rows() : 0;
            });
        }
        for (Incident in : rows) {
            if (in.regionInput() != null) {
                assertThat(resolutions).containsKey(java.util.Arrays.asList("region", in.regionInput(),
                        label(in.regionMethod()), null));
            }
            if (in.districtInput() != null) {
                assertThat(resolutions.get(java.util.Arrays.asList("district", in.districtInput(),
                        label(in.districtMethod()), in.district()))).isEqualTo(in.districtScore());
            }
        }
        assertThat(regionRows[0])
                .isEqualTo(rows.stream().filter(in -> in.regionInput() != null).count());
        // One group per ISO week of the chunk's nights (Sunday 2025-12-07 ends a week), each
        // with its nights' range and row count, none larger than the store allows.
        List<Map<String, Object>> groups = jdbc.queryForList("SELECT night_from, night_to, row_count, body"
                + " FROM it_group ORDER BY seq");
        assertThat(groups).hasSize(2);
        assertThat(groups).extracting(g -> ((Number) lowerCase(g).get("row_count")).longValue())
                .containsExactly(rows.stream().filter(in -> in.night().equals(LocalDate.parse("2025-12-07"))).count(),
                        rows.stream().filter(in -> in.night().isAfter(LocalDate.parse("2025-12-07"))).count());
        assertThat(jdbc.queryForList("SELECT night_from || '/' || night_to FROM it_group ORDER BY seq", String.class))
                .containsExactly("2025-12-07/2025-12-07", "2025-12-08/2025-12-09");
        assertThat(groups).allSatisfy(g -> assertThat(((byte[]) lowerCase(g).get("body")).length)
                .isLessThanOrEqualTo(IncidentStore.GROUP_BYTES));
    }

    @Test
    void emptyTextAndMissingTextStayApart() {
        long id = store.beginFile("a.csv", "sha-a");

        transaction.executeWithoutResult(status -> store.insertIncidents(id, List.of(incident(2, "", null),
                incident(3, "", ""))));

        List<Report> stored = store.storedReports().stream()
                .sorted(java.util.Comparator.comparingLong(Report::line)).toList();
        assertThat(stored).extracting(Report::incidentId).containsExactly(null, "");
        assertThat(stored).extracting(Report::location).containsExactly("", "");
    }

    @Test
    void everyValueOfARejectionReadsBackAsWritten() {
        long id = store.beginFile("a.csv", "sha-a");
        List<Rejection> rejections = new java.util.ArrayList<>();
        long line = 2;
        for (String text : AWKWARD) {
            rejections.add(new Rejection("a.csv", line++, "region", cut(text, 1000), Reason.of(RejectionKind.UNKNOWN_REGION_NOTED, cut(text, 2000)),
                    text));
            rejections.add(new Rejection("a.csv", line++, "(row)", null, Reason.of(RejectionKind.WRONG_FIELD_COUNT, 5, 4), null));
        }
        rejections.add(new Rejection("a.csv", line++, "night", "x", Reason.of(RejectionKind.NIGHT_DISAGREES,
                "a|b", "back\\|slash\\", "|"), null));

        transaction.executeWithoutResult(status -> store.insertRejections(id, rejections));

        List<Map<String, Object>> stored = jdbc.queryForList("SELECT * FROM it_rejection ORDER BY line");
        assertThat(stored).hasSize(rejections.size());
        for (int i = 0; i < rejections.size(); i++) {
            Rejection in = rejections.get(i);
            Map<String, Object> out = lowerCase(stored.get(i));
            assertThat(out.get("file_id")).isEqualTo(id);
            assertThat(out.get("line")).isEqualTo(in.line());
            assertThat(out.get("col")).isEqualTo(in.column());
            assertThat(out.get("val")).isEqualTo(in.value());
            // Kind and parameters come back as they went in, whatever bars and backslashes the text holds.
            assertThat(out.get("kind")).isEqualTo(in.reason().kind().code());
            assertThat(Reason.decode((String) out.get("kind"), (String) out.get("params"))).isEqualTo(in.reason());
            assertThat(out.get("raw")).isEqualTo(in.raw());
        }
    }

    @Test
    void rowsOfAChunkThatRollsBackAreNotStored() {
        long id = store.beginFile("a.csv", "sha-a");

        transaction.executeWithoutResult(status -> {
            store.insertIncidents(id, awkwardRows());
            store.insertRejections(id, List.of(new Rejection("a.csv", 99, "region", "x", Reason.of(RejectionKind.UNKNOWN_REGION), "raw")));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> store.insertIncidents(id, List.of(incident(2, "kept", null))));
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);

        StoredFile file = store.file("a.csv").orElseThrow();
        assertThat(file.rowsAccepted()).isEqualTo(1);
        assertThat(file.rowsRejected()).isZero();
        assertThat(store.storedReports()).extracting(Report::location).containsExactly("kept");
    }

    private void chunk(long id, IncidentStore.ListedNights listed, boolean rollBack, long... lines) {
        List<Incident> rows = java.util.Arrays.stream(lines).mapToObj(line -> incident(line, "t", "as written")).toList();
        IncidentStore.PreparedIncidents prepared = IncidentStore.prepareIncidents(id, null, rows);
        transaction.executeWithoutResult(status -> {
            store.insertIncidents(prepared, listed);
            if (rollBack) {
                status.setRollbackOnly();
            }
        });
    }

    @Test
    void aWriterListsANightOnceItsChunkCommittedAndAgainWhenTheChunkThatListedItRolledBack() {
        long id = store.beginFile("a.csv", "sha-a");
        IncidentStore.ListedNights listed = new IncidentStore.ListedNights();

        // A row's night is 2025-12-07 plus its line modulo 3.
        chunk(id, listed, false, 3, 4);
        chunk(id, listed, true, 5, 6);
        chunk(id, listed, false, 8, 9, 10);
        // Another writer (another partition, or the next ingest step) lists what it writes itself.
        chunk(id, new IncidentStore.ListedNights(), false, 12);

        assertThat(jdbc.queryForList("SELECT night FROM it_touched", LocalDate.class)).containsExactlyInAnyOrder(
                LocalDate.parse("2025-12-07"), LocalDate.parse("2025-12-08"), LocalDate.parse("2025-12-09"),
                LocalDate.parse("2025-12-07"));
        assertThat(store.storedReports()).extracting(Report::line).containsExactlyInAnyOrder(3L, 4L, 8L, 9L, 10L, 12L);
    }

    @Test
    void aChunksResolutionsAreOneRowThatAResumedFileForgetsPastItsLastChunkAndAReportReadsForItsNights() {
        long id = store.beginFile("a.csv", "sha-a");
        IncidentStore.ListedNights listed = new IncidentStore.ListedNights();
        chunk(id, listed, false, 2, 3, 4, 5, 6, 7);
        chunk(id, listed, false, 8, 9, 10, 11, 12, 13);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM it_resolution", Long.class)).isEqualTo(2);

        assertThat(store.resumeFile("a.csv", 6, 7)).isTrue();
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM it_resolution", Long.class)).isEqualTo(1);
        // Lines 2 to 7: 2 and 5 are on 2025-12-09, 3 and 6 on 2025-12-07; odd lines name a fuzzy region.
        List<ReportSource.ResolutionRow> rows = new StoreReportSource(store, null)
                .resolutions(LocalDate.parse("2025-12-09"), LocalDate.parse("2025-12-09"));
        assertThat(rows).extracting(ReportSource.ResolutionRow::kind, ReportSource.ResolutionRow::method,
                ReportSource.ResolutionRow::rows).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("region", null, 1L),
                org.assertj.core.groups.Tuple.tuple("region", MatchMethod.FUZZY, 1L),
                org.assertj.core.groups.Tuple.tuple("district", null, 1L),
                org.assertj.core.groups.Tuple.tuple("district", MatchMethod.TRANSLITERATED, 1L));
        assertThat(rows).filteredOn(r -> r.method() == MatchMethod.FUZZY).singleElement()
                .satisfies(r -> assertThat(r.score()).isEqualTo(0.1 + 5 / 7.0));
    }

    @Test
    void resolutionsTooLargeForOneValueAreSplitAndReadBackWhole() {
        long id = store.beginFile("a.csv", "sha-a");
        List<Incident> rows = new java.util.ArrayList<>();
        for (long line = 2; line < 22; line++) {
            rows.add(incident(line, "t", line + "ж".repeat(32_000)));
        }
        transaction.executeWithoutResult(status -> store.insertIncidents(id, rows));
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);

        List<byte[]> blocks = jdbc.queryForList("SELECT body FROM it_resolution", byte[].class);
        assertThat(blocks).hasSizeGreaterThan(1)
                .allSatisfy(body -> assertThat(body.length).isLessThanOrEqualTo(IncidentStore.GROUP_BYTES));
        List<ReportSource.ResolutionRow> read = new StoreReportSource(store, null)
                .resolutions(LocalDate.parse("2025-12-07"), LocalDate.parse("2025-12-09"));
        assertThat(read).hasSize(40).allSatisfy(r -> assertThat(r.rows()).isOne());
        assertThat(read).extracting(ReportSource.ResolutionRow::input).containsAll(rows.stream()
                .map(Incident::regionInput).toList());
    }

    /** A method as the store writes it. */
    private static String label(MatchMethod method) {
        return method == null ? null : method.label();
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }
}
