package com.incidenttally.normalize;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NightCalendarTests {

    private final NightCalendar calendar = new NightCalendar(NightWindow.DEFAULT);

    @Nested
    class WhichNight {

        @ParameterizedTest(name = "{0} belongs to the night of {1}, night-time: {2}")
        @CsvSource({
                "2025-12-08T11:59, 2025-12-07, false",
                "2025-12-08T12:00, 2025-12-08, false",
                "2025-12-08T17:59, 2025-12-08, false",
                "2025-12-08T18:00, 2025-12-08, true",
                "2025-12-08T23:59, 2025-12-08, true",
                "2025-12-09T00:00, 2025-12-08, true",
                "2025-12-09T05:59, 2025-12-08, true",
                "2025-12-09T06:00, 2025-12-08, false",
        })
        void nightEdges(LocalDateTime local, LocalDate night, boolean nightTime) {
            assertThat(calendar.nightOf(local)).isEqualTo(night);
            assertThat(calendar.isNightTime(local.toLocalTime())).isEqualTo(nightTime);
        }

        @Test
        void earlyMorningBelongsToPreviousNight() {
            assertThat(calendar.nightOf(LocalDateTime.parse("2026-01-01T03:10"))).isEqualTo(LocalDate.parse("2025-12-31"));
        }

        @Test
        void dateAloneMeansTheNightThatEndedThatMorning() {
            assertThat(calendar.nightEndingOn(LocalDate.parse("2025-12-08"))).isEqualTo(LocalDate.parse("2025-12-07"));
        }

        @Test
        void configurableWindowThatDoesNotCrossMidnight() {
            NightCalendar evening = new NightCalendar(NightWindow.parse("20:00-23:30"));
            assertThat(evening.isNightTime(LocalTime.of(19, 59))).isFalse();
            assertThat(evening.isNightTime(LocalTime.of(20, 0))).isTrue();
            assertThat(evening.isNightTime(LocalTime.of(23, 30))).isFalse();
            assertThat(evening.isNightTime(LocalTime.of(2, 0))).isFalse();
        }
    }

    @Nested
    class Labels {

        @ParameterizedTest
        @CsvSource({
                "2025-12-07, 2025-12-07/08",
                "2025-12-31, 2025-12-31/2026-01-01",
                "2025-11-30, 2025-11-30/2025-12-01",
        })
        void labelsByEveningDate(LocalDate evening, String label) {
            assertThat(NightCalendar.label(evening)).isEqualTo(label);
            assertThat(NightCalendar.parseLabel(label)).isEqualTo(evening);
        }

        @ParameterizedTest
        @CsvSource({"2025-12-07", "2025-12-07/08", "2025-12-07/2025-12-08", "07.12.2025", " 2025-12-07/08 "})
        void acceptsEverySpellingOfOneNight(String text) {
            assertThat(NightCalendar.parseLabel(text)).isEqualTo(LocalDate.parse("2025-12-07"));
        }

        @ParameterizedTest
        @CsvSource({"2025-12-07/09", "2025-12-07/2025-12-09", "2025-13-01", "last night", "2025-12-07/xx"})
        void rejectsWhatIsNotOneNight(String text) {
            assertThatThrownBy(() -> NightCalendar.parseLabel(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void windowParsesAndRejectsNonsense() {
        assertThat(NightWindow.parse("22:00-05:30")).isEqualTo(new NightWindow(LocalTime.of(22, 0), LocalTime.of(5, 30)));
        assertThatThrownBy(() -> NightWindow.parse("late")).hasMessageContaining("HH:mm-HH:mm");
        assertThatThrownBy(() -> NightWindow.parse("18:00-18:00")).hasMessageContaining("empty");
    }
}
