package com.incidenttally.incident;

import com.incidenttally.incident.Reason;

import java.time.LocalDate;

/**
 * A row (or a whole file, with line 0) that was not accepted, and why.
 *
 * @param column the input column at fault, "(row)" when the row as a whole is, "(file)" for a file rejected whole
 * @param reason why, as a kind with parameters: each report says it in its language
 * @param raw    the row as it stood in the file
 * @param night  the night the row names when its date reads although another cell rejected it; null when
 *               it has no usable date (the date was at fault, or the row or file could not be read): undated
 * @param source the source the row names, as sources are named; null when it names none
 */
public record Rejection(String file, long line, String column, String value, Reason reason, String raw,
                        LocalDate night, String source) {

    /** A rejection with no night and no source known. */
    public Rejection(String file, long line, String column, String value, Reason reason, String raw) {
        this(file, line, column, value, reason, raw, null, null);
    }

    /** Whether the row has no usable date: such a row belongs to no period and is shown in every report. */
    public boolean undated() {
        return night == null;
    }
}
