package com.incidenttally.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the nights of a big query into ranges of at most a given number of rows, so that each
 * range can be read into memory and sorted here. A database sorts a million wide rows on disk
 * (H2 spent most of the merge doing so); a range read through the night index and sorted in
 * Java is many times faster and holds only one range at a time.
 */
final class NightRanges {

    /** Rows read into memory at once: a few tens of megabytes of wide rows. */
    static final int DEFAULT_ROWS = 100_000;

    /** Nights {@code from} to {@code to}, both included. */
    record Range(LocalDate from, LocalDate to) {
    }

    private NightRanges() {
    }

    /**
     * The ranges of consecutive nights in night order, from a query that returns each night and
     * its row count in night order. A night with more rows than {@code maxRows} is a range of
     * its own: a night is never split.
     */
    static List<Range> of(JdbcTemplate jdbc, int maxRows, String nightCountsSql, Object... args) {
        List<Range> ranges = new ArrayList<>();
        LocalDate[] start = {null};
        LocalDate[] end = {null};
        long[] rows = {0};
        jdbc.query(nightCountsSql, rs -> {
            LocalDate night = rs.getObject(1, LocalDate.class);
            long count = rs.getLong(2);
            if (start[0] != null && rows[0] + count > maxRows) {
                ranges.add(new Range(start[0], end[0]));
                start[0] = null;
                rows[0] = 0;
            }
            if (start[0] == null) {
                start[0] = night;
            }
            end[0] = night;
            rows[0] += count;
        }, args);
        if (start[0] != null) {
            ranges.add(new Range(start[0], end[0]));
        }
        return ranges;
    }
}
