package com.incidenttally.ingest;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives FastCSV's fields for one record at a time: every field while the header is read, then
 * only the fields of known columns, placed by {@link Column#ordinal()}. Also rebuilds the record's
 * text from its fields, since FastCSV does not keep it. Returns itself for a record, or null for
 * a record with nothing but blanks so that FastCSV skips it like an empty line; the caller must
 * copy what it needs before asking for the next record.
 */
final class RecordCollector extends CsvCallbackHandler<RecordCollector> {

    static final int RAW_LIMIT = 10_000;
    static final String CUT_MARKER = " …[cut: longer than 10,000 characters]";

    private static final int COLUMNS = Column.values().length;

    private final char delimiter;
    private final StringBuilder raw = new StringBuilder(256);

    private int[] columnOf;
    private List<String> headerFields;
    private String[] values;
    private RecordType recordType = RecordType.DATA;
    private long line;
    private int fieldCount;
    private boolean blank;

    RecordCollector(char delimiter) {
        this.delimiter = delimiter;
    }

    /** From now on keep only the fields of known columns: {@code columnOf[field]} is a column ordinal or -1. */
    void mapColumns(int[] columnOf) {
        this.columnOf = columnOf;
    }

    @Override
    protected RecordType getRecordType() {
        return recordType;
    }

    @Override
    protected int getFieldCount() {
        return fieldCount;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
        line = startingLineNumber;
        recordType = RecordType.DATA;
        fieldCount = 0;
        blank = true;
        raw.setLength(0);
        if (columnOf == null) {
            headerFields = new ArrayList<>();
        } else {
            values = new String[COLUMNS];
        }
    }

    @Override
    protected void addField(char[] buf, int offset, int length, boolean quoted) {
        if (blank && !isBlank(buf, offset, length)) {
            blank = false;
        }
        appendRaw(buf, offset, length, quoted);
        if (columnOf == null) {
            headerFields.add(new String(buf, offset, length));
        } else if (fieldCount < columnOf.length && columnOf[fieldCount] >= 0) {
            values[columnOf[fieldCount]] = new String(buf, offset, length);
        }
        fieldCount++;
    }

    @Override
    protected void setComment(char[] buf, int offset, int length) {
        // Comments are not enabled: a '#' line is data like any other.
        recordType = RecordType.COMMENT;
    }

    @Override
    protected void setEmpty() {
        recordType = RecordType.EMPTY;
    }

    @Override
    protected RecordCollector buildRecord() {
        return blank ? null : this;
    }

    long line() {
        return line;
    }

    int fieldCount() {
        return fieldCount;
    }

    String[] values() {
        return values;
    }

    List<String> headerFields() {
        return headerFields;
    }

    String raw() {
        return cap(raw);
    }

    static String cap(CharSequence text) {
        if (text.length() <= RAW_LIMIT) {
            return text.toString();
        }
        int end = RAW_LIMIT - CUT_MARKER.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(0, end) + CUT_MARKER;
    }

    private void appendRaw(char[] buf, int offset, int length, boolean quoted) {
        if (raw.length() > RAW_LIMIT) {
            return;
        }
        if (fieldCount > 0) {
            raw.append(delimiter);
        }
        if (!quoted) {
            raw.append(buf, offset, length);
            return;
        }
        raw.append('"');
        int from = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (buf[i] == '"') {
                raw.append(buf, from, i + 1 - from).append('"');
                from = i + 1;
            }
        }
        raw.append(buf, from, end - from).append('"');
    }

    private static boolean isBlank(char[] buf, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (!Character.isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }
}
