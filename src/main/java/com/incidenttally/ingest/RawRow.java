package com.incidenttally.ingest;

import com.incidenttally.incident.Reason;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record of an incident file, strings exactly as read.
 *
 * @param file      the file's name relative to the input directory
 * @param line      the physical line the record starts on; the header is line 1, and blank
 *                  lines and the lines of multi-line quoted fields all count
 * @param values    indexed by {@link Column#ordinal()}; an element is null when the file has no
 *                  such column (or, in a malformed row, no such field). Shared, not copied: do
 *                  not modify it
 * @param raw       the record's text as it stood in the file, for people: rebuilt from its
 *                  fields (quoted again where they were quoted), or for a quote never closed the
 *                  file's text from the record on; at most 10,000 characters, longer text cut with
 *                  a visible marker
 * @param malformed null for a well-formed row, otherwise why the row could not be read
 * @param controlFree known to hold no control character other than tab, CR and LF in its values
 *                  and raw text (the reader saw the row's bytes), so the control-character pass
 *                  can leave it as it is; false when not known. Not part of the row's equality
 */
public record RawRow(String file, long line, String[] values, String raw, Reason malformed, boolean controlFree) {

    /** A row not known to be free of control characters. */
    public RawRow(String file, long line, String[] values, String raw, Reason malformed) {
        this(file, line, values, raw, malformed, false);
    }

    public String get(Column column) {
        return values[column.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawRow row
                && line == row.line
                && file.equals(row.file)
                && Arrays.equals(values, row.values)
                && raw.equals(row.raw)
                && Objects.equals(malformed, row.malformed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, Arrays.hashCode(values), raw, malformed);
    }

    @Override
    public String toString() {
        return file + ":" + line + (malformed == null ? "" : " (" + malformed + ")") + " " + raw;
    }
}
