package com.incidenttally.tally;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionReasonsTests {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "region      | unknown region: not a federal subject or region in the gazetteer | unknown region",
            "occurred_at | unparseable date/time: Text '31.02.2025' could not be parsed   | unparseable date/time",
            "source      | missing value: source is required                               | missing value in source",
            "uav_count   | not a whole number                                              | not a whole number in uav_count",
            "killed      | a count cannot be negative                                      | a count cannot be negative in killed",
            "(row)       | expected 5 fields, found 9                                      | wrong number of fields",
            "night       | night 2025-12-07/08 disagrees with occurred_at 2025-12-09T01:00 local time, which belongs to the night 2025-12-08/09 | night disagrees with occurred_at",
            "occurred_at | occurred_at 2025-12-10 is not in the night 2025-12-07/08 given in column night | occurred_at outside the given night",
            "(row)       | unbalanced quotes: the quoted field opened on line 4 is never closed | unbalanced quotes",
            "(file)      | file rejected: no header row                                    | no header row",
    })
    void aReasonsKindLeavesOutWhatIsParticularToOneRow(String column, String reason, String kind) {
        assertThat(RejectionReasons.kind(new Rejection("f.csv", 3, column, "v", reason, "raw"))).isEqualTo(kind);
    }
}
