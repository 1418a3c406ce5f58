package com.incidenttally.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-12-07T23:40+03:00       | 2025-12-07T23:40    | +03:00",
            "2025-12-07T23:40:05Z         | 2025-12-07T23:40:05 | Z",
            "2025-12-07T23:40:05          | 2025-12-07T23:40:05 |",
            "2025-12-07T23:40:05.250+0300 | 2025-12-07T23:40:05.250 | +03:00",
            "2025-12-07 23:40             | 2025-12-07T23:40    |",
            "2023-05-16 3:30              | 2023-05-16T03:30    |",
            "2025-12-07 23:40 +03:00      | 2025-12-07T23:40    | +03:00",
            "07.12.2025 23:40             | 2025-12-07T23:40    |",
            "7.12.2025 3:05:09            | 2025-12-07T03:05:09 |",
            "16.05.2023 3:30:00           | 2023-05-16T03:30    |",
            "8 декабря 2025               | 2025-12-08T00:00    |",
            "8 декабря 2025 23:40         | 2025-12-08T23:40    |",
            "8 дек 2025 23:40             | 2025-12-08T23:40    |",
            "8 дек. 2025 г. 23:40         | 2025-12-08T23:40    |",
            "08 Декабря 2025 года в 23:40 | 2025-12-08T23:40    |",
            "1 мая 2025                   | 2025-05-01T00:00    |",
            "1 марта 2025                 | 2025-03-01T00:00    |",
            "3 сент. 2025                 | 2025-09-03T00:00    |",
            "8 грудня 2025 р.             | 2025-12-08T00:00    |",
            "8 грудня 2025 р. о 23:40     | 2025-12-08T23:40    |",
            "15 травня 2024               | 2024-05-15T00:00    |",
            "2 лютого 2024, 4:10          | 2024-02-02T04:10    |",
            "8 December 2025 23:40        | 2025-12-08T23:40    |",
            "8 December 2025 at  23:40    | 2025-12-08T23:40    |",
            "2025-12-07 в 23:40           | 2025-12-07T23:40    |",
            "December 8, 2025 23:40       | 2025-12-08T23:40    |",
            "Dec 8 2025                   | 2025-12-08T00:00    |",
    })
    void readsDatesAsPeopleWriteThem(String text, String expected, String offset) {
        Dates.Moment moment = Dates.parseMoment(text);

        LocalDateTime wanted = LocalDateTime.parse(expected);
        assertThat(moment.date()).isEqualTo(wanted.toLocalDate());
        if (expected.endsWith("T00:00") && !text.contains(":")) {
            assertThat(moment.hasTime()).isFalse();
        } else {
            assertThat(moment.time()).isEqualTo(wanted.toLocalTime());
        }
        assertThat(moment.offset()).isEqualTo(offset == null ? null : ZoneOffset.of(offset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"07.12.25 23:00", "25-12-07", "8 декабря 25", "2025-02-30 10:00", "2025-12-07 24:00",
            "2025-12-07 23:60", "yesterday night", "8 брюмера 2025", "2025-12-07T23:40+25:00", "2025-12-07 23:40 x",
            "12/07/2025", "2025-12-07T", "", "32.12.2025"})
    void rejectsWhatItCannotReadWithoutGuessing(String text) {
        assertThatThrownBy(() -> Dates.parseMoment(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a date-time: expected e.g.");
    }

    @Test
    void aNightLabelTakesADateAloneInEitherOrder() {
        assertThat(Dates.parseDate("2025-12-07")).isEqualTo(LocalDate.of(2025, 12, 7));
        assertThat(Dates.parseDate("07.12.2025")).isEqualTo(LocalDate.of(2025, 12, 7));
        assertThatThrownBy(() -> Dates.parseDate("2025-12-07 23:40")).hasMessage("not a date: expected yyyy-MM-dd or dd.MM.yyyy");
        assertThatThrownBy(() -> Dates.parseDate("8 декабря 2025")).hasMessage("not a date: expected yyyy-MM-dd or dd.MM.yyyy");
    }
}
