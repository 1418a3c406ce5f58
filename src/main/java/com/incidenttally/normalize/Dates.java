package com.incidenttally.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The date and date-time spellings the input allows, as people write them: ISO with {@code T} or a
 * space, seconds and an offset or not; {@code dd.MM.yyyy}; a day, a month name in Russian,
 * Ukrainian or English (any case, full or cut short) and a year ({@code 8 декабря 2025},
 * {@code 8 грудня 2025 р.}, {@code 8 дек 2025 23:40}, {@code December 8, 2025}); hours of one digit
 * ({@code 3:30}). Years have four digits: {@code 07.12.25} is rejected, never guessed.
 *
 * <p>One pass over the characters, no exceptions on the way: it runs for every row of files of
 * millions of rows, where trying formatters one after another would cost an exception per miss.
 */
final class Dates {

    private static final String DATE_TIME_EXPECTED = "not a date-time: expected e.g. 2025-12-07T23:40+03:00, "
            + "2025-12-07 23:40, 07.12.2025 23:40, 8 декабря 2025 23:40 or a date alone";
    private static final String DATE_EXPECTED = "not a date: expected yyyy-MM-dd or dd.MM.yyyy";

    /**
     * The start of each month's name, longest first where one is the start of another (март before
     * май): a word names the month when it starts with the stem, or is a start of it at least three
     * letters long ({@code сент}, {@code нояб}, {@code dec}).
     */
    private record MonthName(String stem, int month) {
    }

    private static final List<MonthName> MONTHS = List.of(
            new MonthName("январ", 1), new MonthName("феврал", 2), new MonthName("март", 3), new MonthName("апрел", 4),
            new MonthName("июн", 6), new MonthName("июл", 7), new MonthName("август", 8),
            new MonthName("сентябр", 9), new MonthName("октябр", 10), new MonthName("ноябр", 11), new MonthName("декабр", 12),
            new MonthName("ма", 5),
            new MonthName("січ", 1), new MonthName("лют", 2), new MonthName("берез", 3), new MonthName("квіт", 4),
            new MonthName("трав", 5), new MonthName("черв", 6), new MonthName("лип", 7), new MonthName("серп", 8),
            new MonthName("верес", 9), new MonthName("жовт", 10), new MonthName("листопад", 11), new MonthName("груд", 12),
            new MonthName("january", 1), new MonthName("february", 2), new MonthName("march", 3), new MonthName("april", 4),
            new MonthName("may", 5), new MonthName("june", 6), new MonthName("july", 7), new MonthName("august", 8),
            new MonthName("september", 9), new MonthName("october", 10), new MonthName("november", 11),
            new MonthName("december", 12));

    /** Words after a year that say it is one: {@code 2025 г.}, {@code 2025 року}, {@code 2025 р.}. */
    private static final List<String> YEAR_WORDS = List.of("г", "года", "год", "гг", "р", "року", "рік", "рр");

    private Dates() {
    }

    /** When an incident happened as written: a date, maybe a time, maybe an offset. */
    record Moment(LocalDate date, LocalTime time, ZoneOffset offset) {

        boolean hasTime() {
            return time != null;
        }

        LocalDateTime localDateTime() {
            return LocalDateTime.of(date, time);
        }
    }

    /** A date alone, as a night's label writes it: {@code yyyy-MM-dd} or {@code dd.MM.yyyy}. */
    static LocalDate parseDate(String text) {
        Moment moment = new Reader(text.strip()).moment(false);
        if (moment == null || moment.time() != null) {
            throw new IllegalArgumentException(DATE_EXPECTED);
        }
        return moment.date();
    }

    /**
     * Parses an {@code occurred_at} value.
     *
     * @throws IllegalArgumentException with a reason a person understands
     */
    static Moment parseMoment(String text) {
        Moment moment = new Reader(text.strip()).moment(true);
        if (moment == null) {
            throw new IllegalArgumentException(DATE_TIME_EXPECTED);
        }
        return moment;
    }

    static OffsetDateTime withOffset(Moment moment) {
        return OffsetDateTime.of(moment.localDateTime(), moment.offset());
    }

    /** A cursor over one value; every method returns -1 or null when the text is not what it wants. */
    private static final class Reader {

        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        /** @param words whether month names are allowed (a night label has none) */
        Moment moment(boolean words) {
            int year;
            int month;
            int day;
            if (digitsAhead() == 4 && at(4) == '-') {
                year = number(4, 4);
                i++;
                month = number(1, 2);
                if (month < 0 || !take('-')) {
                    return null;
                }
                day = number(1, 2);
            } else if (digitsAhead() >= 1 && digitsAhead() <= 2 && at(digitsAhead()) == '.') {
                day = number(1, 2);
                i++;
                month = number(1, 2);
                if (month < 0 || !take('.')) {
                    return null;
                }
                year = number(4, 4);
            } else if (words && digitsAhead() >= 1 && digitsAhead() <= 2) {
                day = number(1, 2);
                spaces();
                month = monthName();
                take('.');
                take(',');
                if (month < 0 || spaces() == 0) {
                    return null;
                }
                year = number(4, 4);
                yearWord();
            } else if (words && Character.isLetter(at(0))) {
                month = monthName();
                take('.');
                if (month < 0 || spaces() == 0) {
                    return null;
                }
                day = number(1, 2);
                take(',');
                spaces();
                year = number(4, 4);
                yearWord();
            } else {
                return null;
            }
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null;
            }
            if (i == s.length()) {
                return new Moment(date, null, null);
            }
            if (!timeSeparator()) {
                return null;
            }
            int hour = number(1, 2);
            if (hour < 0 || hour > 23 || !take(':')) {
                return null;
            }
            int minute = number(2, 2);
            int second = 0;
            int nanos = 0;
            if (minute < 0 || minute > 59) {
                return null;
            }
            if (take(':')) {
                second = number(2, 2);
                if (second < 0 || second > 59) {
                    return null;
                }
                if (take('.') || take(',')) {
                    int start = i;
                    int fraction = number(1, 9);
                    if (fraction < 0) {
                        return null;
                    }
                    nanos = fraction;
                    for (int k = i - start; k < 9; k++) {
                        nanos *= 10;
                    }
                }
            }
            LocalTime time = LocalTime.of(hour, minute, second, nanos);
            if (i == s.length()) {
                return new Moment(date, time, null);
            }
            ZoneOffset offset = offset();
            return offset == null || i != s.length() ? null : new Moment(date, time, offset);
        }

        /** The words that may stand between a date and its time, each with the space that must follow it. */
        private static final String[] TIME_WORDS = {"в ", "о ", "at ", "г. ", "р. "};

        /** {@code T}, spaces, a comma, or a word such as {@code в}, {@code о}, {@code at} between date and time. */
        private boolean timeSeparator() {
            if (take('T') || take('t')) {
                return true;
            }
            boolean comma = take(',');
            int spaced = spaces();
            if (spaced > 0) {
                for (String word : TIME_WORDS) {
                    if (s.startsWith(word, i)) {
                        i += word.length() - 1;
                        spaces();
                        break;
                    }
                }
            }
            return comma || spaced > 0;
        }

        /** {@code Z}, {@code +03:00}, {@code +0300}, {@code +03}, maybe after a space or {@code UTC}. */
        private ZoneOffset offset() {
            spaces();
            if (s.startsWith("UTC", i) || s.startsWith("GMT", i)) {
                i += 3;
                if (i == s.length()) {
                    return ZoneOffset.UTC;
                }
            }
            if (take('Z') || take('z')) {
                return ZoneOffset.UTC;
            }
            char sign = at(0);
            if (sign != '+' && sign != '-' && sign != '\u2212') {
                return null;
            }
            i++;
            int hours;
            int minutes = 0;
            if (digitsAhead() == 4) {
                int both = number(4, 4);
                hours = both / 100;
                minutes = both % 100;
            } else {
                hours = number(2, 2);
                if (hours < 0) {
                    return null;
                }
                if (take(':')) {
                    minutes = number(2, 2);
                    if (minutes < 0) {
                        return null;
                    }
                }
            }
            try {
                return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private int monthName() {
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i - start < 2) {
                return -1;
            }
            String word = s.substring(start, i).toLowerCase(Locale.ROOT).replace('ё', 'е');
            for (MonthName name : MONTHS) {
                if (word.startsWith(name.stem()) || word.length() >= 3 && name.stem().startsWith(word)) {
                    return name.month();
                }
            }
            return -1;
        }

        private void yearWord() {
            int mark = i;
            if (spaces() == 0 && !Character.isLetter(at(0))) {
                i = mark;
                return;
            }
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            String word = s.substring(start, i).toLowerCase(Locale.ROOT);
            if (YEAR_WORDS.contains(word)) {
                take('.');
                take(',');
            } else {
                i = mark;
            }
        }

        private int spaces() {
            int start = i;
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u00A0' || s.charAt(i) == '\t')) {
                i++;
            }
            return i - start;
        }

        private boolean take(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private char at(int offset) {
            return i + offset < s.length() ? s.charAt(i + offset) : '\0';
        }

        private int digitsAhead() {
            int k = i;
            while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
                k++;
            }
            return k - i;
        }

        /** A number of {@code min} to {@code max} digits, exactly: more digits than {@code max} is no number. */
        private int number(int min, int max) {
            int digits = digitsAhead();
            if (digits < min || digits > max) {
                return -1;
            }
            int value = 0;
            for (int k = 0; k < digits; k++) {
                value = value * 10 + (s.charAt(i++) - '0');
            }
            return value;
        }
    }
}
