package com.incidenttally.tally;

import java.time.LocalDate;

/**
 * An accepted row whose night lies far from every other night with reports ({@link FarNights}):
 * counted, and named so that a person checks its date.
 *
 * @param file  where the row came from, as messages name it ({@code file.csv}, {@code book.xlsx#Sheet})
 * @param days  days between its night and the nearest other night with reports
 */
public record FarDate(String file, long line, LocalDate night, long days) {
}
