package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.places.AreaKind;
import com.incidenttally.sources.SourceNames;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Conflicts counted per source however its name is spelled, on the first note and on every later one. */
class SourceTallyTests {

    private static MergeNote conflict(String sources) {
        return new MergeNote("ID-1", LocalDate.parse("2025-12-08"), "Rostov Oblast", null, "shot_down",
                Merge.RULE_ID, 2, sources, "a.csv:1, b.csv:2", "uav_count");
    }

    @Test
    void everySpellingOfASourceCountsItsConflictsUnderOneSource() {
        SourceTally tally = new SourceTally();
        tally.row("russian mod", "Russian MoD");
        tally.row("governor", "Governor");
        for (int i = 0; i < 3; i++) {
            tally.merge(conflict("Russian MoD; Governor"));
            tally.merge(conflict("russian  mod.; Russian-MoD"));
        }
        tally.merge(new MergeNote("ID-2", LocalDate.parse("2025-12-08"), "Rostov Oblast", null, "shot_down",
                Merge.RULE_ID, 2, "Governor; News", "a.csv:3, b.csv:4", null));

        assertThat(tally.rows()).extracting(SourceTally.SourceRow::source, SourceTally.SourceRow::conflicts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Governor", 3L),
                        org.assertj.core.groups.Tuple.tuple("Russian MoD", 6L));
    }

    @Test
    void aSourceWithAnIncidentButNoRowInThePeriodIsNamedAsTheIncidentWritesIt() {
        // Incident X-1's reports lie on two nights of two weeks; it lands on the first, with Source B's row in the next.
        SourceTally tally = new SourceTally();
        tally.row(SourceNames.fold("Source A"), "Source A");
        tally.incident(new MergedIncident("X-1", LocalDate.parse("2026-01-11"), null, false, false, "Tula Oblast",
                "RU-TUL", null, DistrictKey.REGION, null, "shot_down", 5, null, null, null, null, "Source A; Source B",
                List.of(SourceNames.fold("Source A"), SourceNames.fold("Source B")), null, null, "a.csv:2, a.csv:3", 2,
                AreaKind.REGION));

        assertThat(tally.rows()).extracting(SourceTally.SourceRow::source, SourceTally.SourceRow::rows,
                        SourceTally.SourceRow::incidents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Source A", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("Source B", 0L, 1L));
    }
}
