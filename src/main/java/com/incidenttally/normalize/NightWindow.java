package com.incidenttally.normalize;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The hours that make an incident a night-time one, {@code 18:00-06:00} by default. The window may
 * cross midnight (start after end) or not.
 */
public record NightWindow(LocalTime start, LocalTime end) {

    public static final NightWindow DEFAULT = new NightWindow(LocalTime.of(18, 0), LocalTime.of(6, 0));

    public NightWindow {
        if (start.equals(end)) {
            throw new IllegalArgumentException("the night window must not be empty: " + start + "-" + end);
        }
    }

    /** Parses {@code HH:mm-HH:mm}. */
    public static NightWindow parse(String text) {
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:mm-HH:mm, e.g. 18:00-06:00, got '" + text + "'");
        }
        try {
            return new NightWindow(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected HH:mm-HH:mm, e.g. 18:00-06:00, got '" + text + "'");
        }
    }

    public boolean contains(LocalTime time) {
        if (start.isAfter(end)) {
            return !time.isBefore(start) || time.isBefore(end);
        }
        return !time.isBefore(start) && time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
