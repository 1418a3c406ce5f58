package com.incidenttally.tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

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
}
