package com.incidenttally.tally;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionReasonsTests {

    private static Rejection rejection(String column, Reason reason) {
        return new Rejection("f.csv", 3, column, "v", reason, "raw");
    }

    @Test
    void rowsAreCountedByKindWhateverTheirParticulars() {
        RejectionReasons reasons = new RejectionReasons();
        reasons.accept(rejection("occurred_at", Reason.of(RejectionKind.UNPARSEABLE_DATE, "Text '31.02.2025'")));
        reasons.accept(rejection("occurred_at", Reason.of(RejectionKind.UNPARSEABLE_DATE, "yesterday")));
        reasons.accept(rejection("occurred_at", Reason.of(RejectionKind.DATE_IN_FUTURE, "2025-12-10")));
        reasons.accept(rejection("occurred_at", Reason.of(RejectionKind.TIME_IN_FUTURE, "2025-12-10T09:00")));
        reasons.accept(rejection("night", Reason.of(RejectionKind.NIGHT_IN_FUTURE, "2025-12-10")));
        reasons.accept(rejection("(row)", Reason.of(RejectionKind.WRONG_FIELD_COUNT, 5, 9)));
        reasons.accept(rejection("(row)", Reason.of(RejectionKind.WRONG_FIELD_COUNT_OVER_LINES, 5, 4, 2, 3)));

        assertThat(reasons.rows()).containsExactly(
                new RejectionReasons.Count(RejectionKind.DATE_IN_FUTURE, null, 3),
                new RejectionReasons.Count(RejectionKind.UNPARSEABLE_DATE, null, 2),
                new RejectionReasons.Count(RejectionKind.WRONG_FIELD_COUNT, null, 2));
        assertThat(reasons.rowCount()).isEqualTo(7);
        assertThat(reasons.fileCount()).isZero();
    }

    @Test
    void kindsAboutAColumnAreCountedPerColumn() {
        RejectionReasons reasons = new RejectionReasons();
        reasons.accept(rejection("source", Reason.of(RejectionKind.MISSING_VALUE, "source")));
        reasons.accept(rejection("region", Reason.of(RejectionKind.MISSING_VALUE, "region")));
        reasons.accept(rejection("source", Reason.of(RejectionKind.MISSING_VALUE, "source")));

        assertThat(reasons.rows()).containsExactly(
                new RejectionReasons.Count(RejectionKind.MISSING_VALUE, "source", 2),
                new RejectionReasons.Count(RejectionKind.MISSING_VALUE, "region", 1));
    }

    @Test
    void filesRejectedWholeAreCountedApartByWhatTheyLack() {
        RejectionReasons reasons = new RejectionReasons();
        for (String name : new String[] {"a.csv", "b.csv", "c.csv", "d.csv"}) {
            reasons.accept(new Rejection(name, 0, "(file)", null,
                    Reason.of(RejectionKind.FILE_REJECTED, "missing required column: source; found a, b"), null));
        }

        assertThat(reasons.files()).containsExactly(
                new RejectionReasons.Count(RejectionKind.FILE_REJECTED, "missing required column", 4));
        assertThat(reasons.namedFiles()).extracting(Rejection::file).containsExactly("a.csv", "b.csv", "c.csv");
        assertThat(reasons.rowCount()).isZero();
    }
}
