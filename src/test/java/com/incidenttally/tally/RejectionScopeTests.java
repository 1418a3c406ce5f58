package com.incidenttally.tally;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionScopeTests {

    private static final Period W49 = new Period("2025-W49", LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-07"));

    private static Rejection on(String file, String night) {
        return new Rejection(file, 3, "region", "Atlantis", Reason.of(RejectionKind.UNKNOWN_REGION), "raw",
                night == null ? null : LocalDate.parse(night), "governor");
    }

    @Test
    void aWeekShowsItsOwnNightsAndTheUndatedRowsOnly() {
        RejectionScope scope = new RejectionScope(W49, Set.of());

        assertThat(scope.shows(on("a.csv", "2025-12-01"))).isTrue();
        assertThat(scope.shows(on("a.csv", "2025-12-07"))).isTrue();
        assertThat(scope.shows(on("a.csv", null))).isTrue();
        assertThat(scope.shows(on("a.csv", "2025-11-30"))).isFalse();
        assertThat(scope.shows(on("a.csv", "2025-12-08"))).isFalse();
    }

    @Test
    void theReportOfAllNightsShowsEveryRejection() {
        RejectionScope scope = new RejectionScope(new Period("all", W49.from(), W49.to()), Set.of());

        assertThat(scope.shows(on("a.csv", "2020-01-01"))).isTrue();
        assertThat(scope.everyNight()).isTrue();
    }

    @Test
    void theRowsOfFilesThisRunReadAreNewSheetsOfAWorkbookIncluded() {
        RejectionScope scope = new RejectionScope(W49, Set.of("in/a.csv", "book#1.xlsx"));

        assertThat(scope.isNew(on("in/a.csv", null))).isTrue();
        assertThat(scope.isNew(on("book#1.xlsx#Sheet#2", null))).isTrue();
        assertThat(scope.isNew(on("in/b.csv", null))).isFalse();
        assertThat(scope.isNew(on("in/a.csv.bak", null))).isFalse();
        assertThat(RejectionScope.everything().isNew(on("in/a.csv", null))).isFalse();
    }
}
