package com.incidenttally.normalize;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** The date and date-time spellings the input allows, ISO and Russian style. */
final class Dates {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
            .append(ISO_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter RU_DATE_TIME = new DateTimeFormatterBuilder()
            .append(RU_DATE)
            .appendLiteral(' ')
            .appendPattern("H:mm")
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

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

    static LocalDate parseDate(String text) {
        String value = text.strip();
        try {
            return isIsoShaped(value) ? LocalDate.parse(value, ISO_DATE) : LocalDate.parse(value, RU_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: expected yyyy-MM-dd or dd.MM.yyyy");
        }
    }

    /**
     * Parses an {@code occurred_at} value.
     *
     * @throws IllegalArgumentException with a reason a person understands
     */
    static Moment parseMoment(String text) {
        String value = text.strip();
        boolean iso = isIsoShaped(value);
        boolean hasTime = value.length() > 10 || value.indexOf(':') >= 0;
        try {
            if (!hasTime) {
                return new Moment(parseDate(value), null, null);
            }
            TemporalAccessor parsed = (iso ? ISO_DATE_TIME : RU_DATE_TIME).parse(value);
            LocalDate date = LocalDate.from(parsed);
            LocalTime time = LocalTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : null;
            return new Moment(date, time, offset);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a date-time: expected e.g. 2025-12-07T23:40+03:00, "
                    + "2025-12-07 23:40, 07.12.2025 23:40 or a date alone");
        }
    }

    static OffsetDateTime withOffset(Moment moment) {
        return OffsetDateTime.of(moment.localDateTime(), moment.offset());
    }

    private static boolean isIsoShaped(String value) {
        return value.length() >= 5 && value.charAt(4) == '-';
    }
}
