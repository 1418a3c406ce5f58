package com.incidenttally.store;

import com.incidenttally.H2Stores;
import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store a killed run left inconsistent — rows of a chunk that never committed — is repaired when
 * the file is resumed, never counted twice.
 */
class IncidentStoreRepairTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");

    private JdbcTemplate jdbc;
    private IncidentStore store;

    @BeforeEach
    void emptyStore() {
        jdbc = H2Stores.memoryTemplate();
        store = IncidentStore.open(jdbc);
    }

    private static Incident row(String file, long line) {
        return new Incident(file, line, null, NIGHT, false, LocalDateTime.parse("2025-12-08T01:00"), true, "RU-ROS",
                null, null, 1.0, null, DistrictKey.REGION, null, null, 1.0, null, EventType.SHOT_DOWN, 1, null, null, null, null,
                "Source A", "source a", null, null, "hash" + line);
    }

    private static List<Incident> rows(String file, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(line -> row(file, line)).toList();
    }

    /**
     * What a torn write leaves: the row group of a chunk that never committed (row groups have no
     * row numbers of their own, so nothing else can be left inconsistent).
     */
    private void strayRow(long fileId, long line) {
        store.insertIncidents(fileId, List.of(new Incident("a.csv", line, null, NIGHT, false, null, null, "RU-ROS",
                null, null, 1.0, null, DistrictKey.REGION, null, null, 1.0, null, EventType.SHOT_DOWN, 1, null, null, null, null,
                "Source A", "source a", null, null, "stray")));
    }

    @Test
    void aResumedFileForgetsWhatWasStoredPastItsLastCommittedLine() {
        long id = store.beginFile("a.csv", "sha-a");
        store.insertIncidents(id, rows("a.csv", 2, 11));
        store.insertRejections(id, List.of(new Rejection("a.csv", 12, "region", "Atlantis", Reason.of(RejectionKind.UNKNOWN_REGION), "raw")));
        // The chunk after line 12 never committed, but a row and a rejection of it were left.
        strayRow(id, 14);
        store.insertRejections(id, List.of(new Rejection("a.csv", 13, "region", "Atlantis", Reason.of(RejectionKind.UNKNOWN_REGION), "raw")));

        assertThat(store.resumeFile("a.csv", 11, 12)).isTrue();
        store.insertIncidents(id, rows("a.csv", 14, 20));
        store.insertRejections(id, List.of(new Rejection("a.csv", 13, "region", "Atlantis", Reason.of(RejectionKind.UNKNOWN_REGION), "raw")));
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);

        StoredFile file = store.file("a.csv").orElseThrow();
        assertThat(file.rowsAccepted()).isEqualTo(10 + 7);
        assertThat(file.rowsRejected()).isEqualTo(2);
        assertThat(store.storedReports()).extracting(com.incidenttally.tally.Report::contentHash).doesNotContain("stray")
                .hasSize(10 + 7);
    }

    @Test
    void aFileWhoseStoredRowsDoNotMatchTheSavedPlaceIsNotResumed() {
        long id = store.beginFile("a.csv", "sha-a");
        store.insertIncidents(id, rows("a.csv", 2, 11));

        // Reset since the place was saved (changed, or read under other settings): nothing to resume.
        store.beginFile("a.csv", "sha-a2");

        assertThat(store.resumeFile("a.csv", 10, 11)).isFalse();
        assertThat(store.resumeFile("missing.csv", 10, 11)).isFalse();
    }
}
