package com.incidenttally.report;

import com.incidenttally.tally.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HumanDatesTests {

    private static final HumanDates EN = new HumanDates(Locale.ENGLISH);
    private static final HumanDates RU = new HumanDates(Locale.forLanguageTag("ru"));

    /** Non-breaking spaces are what keep a date whole on an axis; read them as spaces here. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ');
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-23|2026-11-29|23–30 Nov 2026|23–30 нояб. 2026",
            "2026-10-05|2026-11-29|5 Oct – 30 Nov 2026|5 окт. – 30 нояб. 2026",
            "2025-12-29|2026-01-04|29 Dec 2025 – 5 Jan 2026|29 дек. 2025 – 5 янв. 2026",
            "2025-12-31|2025-12-31|31 Dec 2025 – 1 Jan 2026|31 дек. 2025 – 1 янв. 2026"})
    void aPeriodRunsFromItsFirstEveningToItsLastMorning(LocalDate from, LocalDate to, String english, String russian) {
        Period period = new Period("p", from, to);
        assertThat(plain(EN.period(period))).isEqualTo(english);
        assertThat(plain(RU.period(period))).isEqualTo(russian);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-03-15|15–16 Mar 2022|15–16 мар. 2022",
            "2025-12-31|31 Dec 2025 – 1 Jan 2026|31 дек. 2025 – 1 янв. 2026"})
    void aNightWithItsYearForAPeriodOfSeveralYears(LocalDate evening, String english, String russian) {
        assertThat(plain(EN.nightWithYear(evening))).isEqualTo(english);
        assertThat(plain(RU.nightWithYear(evening))).isEqualTo(russian);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-23|23–24 Nov|23–24 нояб.",
            "2026-11-30|30 Nov – 1 Dec|30 нояб. – 1 дек.",
            "2026-05-03|3–4 May|3–4 мая"})
    void aNightIsItsEveningAndMorning(LocalDate evening, String english, String russian) {
        assertThat(plain(EN.night(evening))).isEqualTo(english);
        assertThat(plain(RU.night(evening))).isEqualTo(russian);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-23", "2026-11-30", "2025-12-31"})
    void aDayIsNeverSplitFromItsMonth(LocalDate evening) {
        for (HumanDates dates : new HumanDates[] {EN, RU}) {
            assertThat(dates.evening(evening)).doesNotContain(" ");
            // A line may break only beside a dash between two whole dates.
            assertThat(dates.night(evening).replace(" \u2013 ", "")).doesNotContain(" ");
        }
    }
}
