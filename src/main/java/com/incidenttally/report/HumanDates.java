package com.incidenttally.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.incidenttally.tally.Period;

/**
 * Dates as a person writes them, in the report's language: a night {@code 23–24 Nov}, a period
 * from its first evening to its last morning {@code 23–30 Nov 2026}, across months
 * {@code 30 Nov – 7 Dec 2026}, across years {@code 29 Dec 2025 – 5 Jan 2026}; Russian
 * {@code 23–30 нояб. 2026}. The dash between two days never has a line break beside it, and the
 * day and its month are held together, so a chart's axis never breaks a date in two.
 */
public final class HumanDates {

    /** No line break here: a chart axis or a narrow cell keeps "23 Nov" on one line. */
    private static final String SPACE = "\u00a0";
    private static final String DASH = "\u2013";

    private final DateTimeFormatter month;

    public HumanDates(Locale locale) {
        this.month = DateTimeFormatter.ofPattern("MMM", locale);
    }

    /** A night by its evening date: {@code 23–24 Nov}, {@code 30 Nov – 1 Dec}, {@code 31 Dec – 1 Jan}. */
    public String night(LocalDate evening) {
        return span(evening, evening.plusDays(1), false);
    }

    /** A night with its year: {@code 29–30 Nov 2026}; {@code 31 Dec 2025 – 1 Jan 2026}. */
    public String nightWithYear(LocalDate evening) {
        return span(evening, evening.plusDays(1), true);
    }

    /** A night by its evening date alone, for an axis of many nights: {@code 23 Nov}. */
    public String evening(LocalDate evening) {
        return evening.getDayOfMonth() + SPACE + month.format(evening);
    }

    /** The nights of a period, first evening to last morning, with the year: {@code 23–30 Nov 2026}. */
    public String period(Period period) {
        return span(period.from(), period.to().plusDays(1), true);
    }

    /** The evenings of an ISO week, Monday to Sunday: {@code 23–29 Nov}. */
    public String week(LocalDate monday) {
        return span(monday, monday.plusDays(6), false);
    }

    private String span(LocalDate from, LocalDate to, boolean withYear) {
        String year = withYear ? SPACE + to.getYear() : "";
        if (from.getYear() != to.getYear()) {
            return evening(from) + SPACE + from.getYear() + " " + DASH + " " + evening(to) + SPACE + to.getYear();
        }
        if (from.getMonth() != to.getMonth()) {
            return evening(from) + " " + DASH + " " + evening(to) + year;
        }
        return from.getDayOfMonth() + DASH + to.getDayOfMonth() + SPACE + month.format(to) + year;
    }
}
