package com.incidenttally.tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FarNightsTests {

    private static List<LocalDate> nights(String... dates) {
        List<LocalDate> nights = new ArrayList<>();
        for (String date : dates) {
            nights.add(LocalDate.parse(date));
        }
        return nights;
    }

    @Test
    void aNightThirtyDaysOrMoreFromEveryOtherIsFar() {
        assertThat(FarNights.of(nights("2025-12-30", "2025-12-31", "2026-01-30", "2026-03-14")))
                .containsExactly(new FarNights.Far(LocalDate.parse("2026-01-30"), 30),
                        new FarNights.Far(LocalDate.parse("2026-03-14"), 43));
    }

    @Test
    void aNightTwentyNineDaysAwayIsNot() {
        assertThat(FarNights.of(nights("2025-12-01", "2025-12-30"))).isEmpty();
    }

    @Test
    void twoNightsFarApartAreBothFarAndASingleNightIsNot() {
        assertThat(FarNights.of(nights("2025-01-01", "2025-06-01"))).hasSize(2);
        assertThat(FarNights.of(nights("2025-01-01"))).isEmpty();
        assertThat(FarNights.of(nights())).isEmpty();
    }
}
