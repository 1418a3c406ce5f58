package com.incidenttally.ingest;

import com.incidenttally.incident.Reason;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of an incident file, strings exactly as read.
 *
 * <p>Components, as a record's would be:
 * <ul>
 *   <li>{@code file}: the file's name relative to the input directory;</li>
 *   <li>{@code line}: the physical line the record starts on; the header is line 1, and blank lines and
 *       the lines of multi-line quoted fields all count;</li>
 *   <li>{@code values}: indexed by {@link Column#ordinal()}; an element is null when the file has no such
 *       column (or, in a malformed row, no such field). Shared, not copied: do not modify it;</li>
 *   <li>{@code raw}: the record's text as it stood in the file, for people: rebuilt from its fields (quoted
 *       again where they were quoted), or for a quote never closed the file's text from the record on; at
 *       most 10,000 characters, longer text cut with a visible marker;</li>
 *   <li>{@code malformed}: null for a well-formed row, otherwise why the row could not be read;</li>
 *   <li>{@code controlFree}: known to hold no control character other than tab, CR and LF in its values
 *       and raw text (the reader saw the row's bytes), so the control-character pass can leave it as it
 *       is; false when not known. Not part of the row's equality.</li>
 * </ul>
 *
 * <p>A row of a CSV file keeps its raw text as the file's bytes and decodes them only when asked: only
 * a rejected row's raw text is ever read, and most rows are accepted.
 */
public final class RawRow {

    private final String file;
    private final long line;
    private final String[] values;
    private final Reason malformed;
    private final boolean controlFree;
    /** The raw text once decoded; null until then for a row that keeps its bytes. */
    private String raw;
    /** The raw text's bytes (trailing line breaks left out), or null when given as text. */
    private final byte[] rawBytes;
    private final Charset charset;

    public RawRow(String file, long line, String[] values, String raw, Reason malformed, boolean controlFree) {
        this.file = file;
        this.line = line;
        this.values = values;
        this.raw = Objects.requireNonNull(raw, "raw");
        this.rawBytes = null;
        this.malformed = malformed;
        this.controlFree = controlFree;
        this.charset = null;
    }

    /** A row not known to be free of control characters. */
    public RawRow(String file, long line, String[] values, String raw, Reason malformed) {
        this(file, line, values, raw, malformed, false);
    }

    /** A row whose raw text is {@code rawBytes} in {@code charset}, decoded as {@link RecordParser#rawText} does. */
    RawRow(String file, long line, String[] values, byte[] rawBytes, Charset charset, Reason malformed,
            boolean controlFree) {
        this.file = file;
        this.line = line;
        this.values = values;
        this.rawBytes = rawBytes;
        this.charset = charset;
        this.malformed = malformed;
        this.controlFree = controlFree;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String[] values() {
        return values;
    }

    public String raw() {
        String text = raw;
        if (text == null) {
            // The bytes stay: were two threads to ask at once, each would decode the same text.
            text = RecordParser.rawText(rawBytes, rawBytes.length, charset);
            raw = text;
        }
        return text;
    }

    public Reason malformed() {
        return malformed;
    }

    public boolean controlFree() {
        return controlFree;
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
                && raw().equals(row.raw())
                && Objects.equals(malformed, row.malformed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, Arrays.hashCode(values), raw(), malformed);
    }

    @Override
    public String toString() {
        return file + ":" + line + (malformed == null ? "" : " (" + malformed + ")") + " " + raw();
    }
}
