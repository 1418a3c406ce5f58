package com.incidenttally.normalize;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Which night an incident belongs to. A night is named by its evening date D and spans local
 * time [D 12:00, D+1 12:00).
 */
public final class NightCalendar {

    private static final LocalTime NOON = LocalTime.NOON;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd");

    private final NightWindow window;

    public NightCalendar(NightWindow window) {
        this.window = window;
    }

    public NightWindow window() {
        return window;
    }

    /** The evening date of the night that holds this local time. */
    public LocalDate nightOf(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(NOON) ? date.minusDays(1) : date;
    }

    /** When the night of {@code evening} ends where the clocks show {@code zone}'s time: noon the next day. */
    public static java.time.Instant nightEnds(LocalDate evening, java.time.ZoneId zone) {
        return evening.plusDays(1).atTime(NOON).atZone(zone).toInstant();
    }

    /** A date alone means the night that ended that morning. */
    public LocalDate nightEndingOn(LocalDate morning) {
        return morning.minusDays(1);
    }

    public boolean isNightTime(LocalTime time) {
        return window.contains(time);
    }

    /** {@code 2025-12-07/08}, or {@code 2025-12-31/2026-01-01} when the night crosses a month. */
    public static String label(LocalDate evening) {
        LocalDate morning = evening.plusDays(1);
        if (morning.getMonth() == evening.getMonth()) {
            return evening + "/" + DAY.format(morning);
        }
        return evening + "/" + morning;
    }

    /** The ISO week a night belongs to, by its evening date: {@code 2025-W50}. */
    public static String isoWeek(LocalDate evening) {
        return String.format(java.util.Locale.ROOT, "%d-W%02d", evening.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                evening.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * Parses a {@code night} value: {@code 2025-12-07/08}, {@code 2025-12-31/2026-01-01},
     * {@code 2025-12-07/2025-12-08} or the evening date alone.
     *
     * @throws IllegalArgumentException with a reason a person understands
     */
    public static LocalDate parseLabel(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        LocalDate evening = Dates.parseDate(slash < 0 ? value : value.substring(0, slash));
        if (slash < 0) {
            return evening;
        }
        String tail = value.substring(slash + 1).strip();
        LocalDate morning = evening.plusDays(1);
        boolean matches;
        if (tail.length() <= 2) {
            matches = isDigits(tail) && Integer.parseInt(tail) == morning.getDayOfMonth();
        } else {
            matches = Dates.parseDate(tail).equals(morning);
        }
        if (!matches) {
            throw new IllegalArgumentException("a night runs from one evening to the next morning: expected "
                    + label(evening) + " for the night starting " + evening);
        }
        return evening;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
