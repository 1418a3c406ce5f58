package com.incidenttally.report;

import java.time.LocalDate;

import com.incidenttally.tally.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NightLabelsTests {

    @ParameterizedTest
    @CsvSource({
            "2025-12-07, 2025-12-07/08",
            "2025-11-30, 2025-11-30/2025-12-01",
            "2025-12-31, 2025-12-31/2026-01-01",
            "2024-02-28, 2024-02-28/29",
            "2024-02-29, 2024-02-29/2024-03-01"})
    void labelsANightByItsEveningAndMorning(LocalDate evening, String label) {
        assertThat(NightLabels.nightLabel(evening)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({
            "2025-12-08, 2025-W50",
            "2025-12-14, 2025-W50",
            "2025-12-29, 2026-W01",
            "2027-01-01, 2026-W53"})
    void weekIsTheIsoWeekOfTheEveningDate(LocalDate evening, String week) {
        assertThat(NightLabels.isoWeek(evening)).isEqualTo(week);
    }

    @Test
    void periodTextNamesTheFirstAndLastNight() {
        Period week = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));

        assertThat(NightLabels.periodText(week)).isEqualTo("2025-W50 (nights 2025-12-08/09 to 2025-12-14/15)");
    }
}
