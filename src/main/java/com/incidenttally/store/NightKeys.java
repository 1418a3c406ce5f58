package com.incidenttally.store;

import java.time.LocalDate;

/**
 * Primary keys that store rows in night order: the night's day number times 2^40, plus a running
 * number. H2 keeps a table in the order of its BIGINT primary key, so a range of nights is one
 * sequential read instead of a lookup per row.
 */
final class NightKeys {

    /** Keys per night: room for a trillion rows. */
    static final long SPAN = 1L << 40;

    private NightKeys() {
    }

    static long of(LocalDate night, long number) {
        if (number < 0 || number >= SPAN) {
            throw new IllegalStateException("row number " + number + " is out of range");
        }
        return first(night) + number;
    }

    /** The smallest key of a night. */
    static long first(LocalDate night) {
        return night.toEpochDay() * SPAN;
    }

    /** The night of a key. */
    static LocalDate night(long key) {
        return LocalDate.ofEpochDay(Math.floorDiv(key, SPAN));
    }

    /** The largest key of a night. */
    static long last(LocalDate night) {
        return first(night.plusDays(1)) - 1;
    }
}
