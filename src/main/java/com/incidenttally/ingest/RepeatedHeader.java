package com.incidenttally.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a file (or rows of a sheet) that repeat its header row, passed over as no incident: files joined
 * with {@code cat} or tables pasted one under another carry their header again. Read as a row, it was rejected
 * as an unknown region and, having no date, shown in every report until the file was fixed.
 */
final class RepeatedHeader {

    /** Line numbers named in the warning at most; the rest are counted. */
    private static final int NAMED = 5;

    private final List<String> cells;
    private final List<Long> lines = new ArrayList<>();
    private long count;

    RepeatedHeader(List<String> header) {
        this.cells = header.stream().map(HeaderBinding::label).toList();
    }

    /**
     * Whether a row's fields are the header's cells again (case and surrounding spaces aside; empty fields after
     * the last are allowed), at least two of them not blank; if so, its line is remembered.
     */
    boolean passesOver(long line, String[] fields) {
        if (fields.length == 0 || !HeaderBinding.label(fields[0]).equalsIgnoreCase(cells.get(0))) {
            return false;
        }
        int named = 0;
        for (int i = 0; i < cells.size(); i++) {
            String field = i < fields.length ? HeaderBinding.label(fields[i]) : "";
            if (!field.equalsIgnoreCase(cells.get(i))) {
                return false;
            }
            if (!field.isEmpty()) {
                named++;
            }
        }
        for (int i = cells.size(); i < fields.length; i++) {
            if (!HeaderBinding.label(fields[i]).isEmpty()) {
                return false;
            }
        }
        if (named < 2) {
            return false;
        }
        if (lines.size() < NAMED) {
            lines.add(line);
        }
        count++;
        return true;
    }

    /**
     * The warning for the lines passed over ({@code "the header row again on lines 12, 40: passed over, not read
     * as incidents"}), or null when none was.
     *
     * @param what "line" for a CSV file, "row" for a sheet
     */
    String warning(String what) {
        if (count == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder("the header row again on ").append(what).append(count == 1 ? " " : "s ");
        for (int i = 0; i < lines.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        if (count > lines.size()) {
            text.append(" and ").append(count - lines.size()).append(" more");
        }
        return text.append(": passed over, not read as incidents").toString();
    }
}
