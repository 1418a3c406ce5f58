package com.incidenttally.ingest;

import java.util.Locale;
import java.util.Optional;

/** The columns an incident CSV file may have, in the order the specification lists them. */
public enum Column {
    INCIDENT_ID,
    OCCURRED_AT,
    NIGHT,
    REGION,
    DISTRICT,
    LOCATION,
    EVENT_TYPE,
    UAV_COUNT,
    KILLED,
    INJURED,
    DAMAGE,
    MEASURES,
    SOURCE,
    SOURCE_URL,
    NOTES;

    private static final Column[] ALL = values();

    private final String header = name().toLowerCase(Locale.ROOT);

    /** The name as written in a header row: {@code event_type}. */
    public String header() {
        return header;
    }

    /**
     * The column a header cell names, if any. Matching is trimmed and case-insensitive, reads
     * spaces and hyphens as underscores and ignores a byte order mark, so {@code "Event Type"},
     * {@code "UAV-count"} and {@code " SOURCE "} all match.
     */
    public static Optional<Column> fromHeader(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = normalize(name);
        for (Column column : ALL) {
            if (column.header.equals(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String name) {
        String text = name.startsWith("\uFEFF") ? name.substring(1) : name;
        text = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(text.length());
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' || c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                separator = true;
            } else if (Character.getType(c) == Character.FORMAT) {
                // Zero-width spaces, joiners and byte order marks are invisible: a name is what shows.
                continue;
            } else {
                // Runs of separators read as one, so "UAV - count" still means uav_count.
                if (separator && !key.isEmpty()) {
                    key.append('_');
                }
                separator = false;
                key.append(c);
            }
        }
        return key.toString();
    }
}
