package com.incidenttally.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * What a column of someone else's file can feed: one of our {@link Column}s, or one half of
 * {@code occurred_at} when a file keeps the date and the time of day in columns of their own.
 */
public enum Field {
    INCIDENT_ID(Column.INCIDENT_ID),
    OCCURRED_AT(Column.OCCURRED_AT),
    /** The date of {@code occurred_at}; with a {@link #TIME} column the two are read as one. */
    DATE(Column.OCCURRED_AT),
    /** The time of day of {@code occurred_at}; alone it is read as {@code occurred_at} itself. */
    TIME(Column.OCCURRED_AT),
    NIGHT(Column.NIGHT),
    REGION(Column.REGION),
    DISTRICT(Column.DISTRICT),
    LOCATION(Column.LOCATION),
    EVENT_TYPE(Column.EVENT_TYPE),
    UAV_COUNT(Column.UAV_COUNT),
    KILLED(Column.KILLED),
    INJURED(Column.INJURED),
    DAMAGE(Column.DAMAGE),
    MEASURES(Column.MEASURES),
    SOURCE(Column.SOURCE),
    SOURCE_URL(Column.SOURCE_URL),
    NOTES(Column.NOTES);

    private final Column column;
    private final String key = name().toLowerCase(Locale.ROOT);

    Field(Column column) {
        this.column = column;
    }

    /** The column this field feeds. */
    public Column column() {
        return column;
    }

    /** The name a mapping file and the synonym list give it: {@code event_type}, {@code date}. */
    public String key() {
        return key;
    }

    public static Optional<Field> of(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Field field : values()) {
            if (field.key.equals(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
