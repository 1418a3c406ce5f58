package com.incidenttally.normalize;

import com.incidenttally.incident.Reason;

import com.incidenttally.ingest.RawRow;

/**
 * Control characters in the input are never data: NUL and the other C0 controls (U+0000–U+001F)
 * and DEL (U+007F) are removed from every value, keeping only tab, carriage return and line feed,
 * which free text may hold. PostgreSQL cannot store NUL at all; removing them all here, before any
 * store sees the text, makes H2 and PostgreSQL hold the same values.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text without control characters other than tab, CR and LF; the same instance when there were none. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** The row with control characters removed from its values and its raw text; the same row when it had none. */
    public static RawRow strip(RawRow row) {
        if (row.controlFree()) {
            // The reader saw every byte of it: nothing to remove.
            return row;
        }
        String[] values = row.values();
        String[] cleaned = null;
        for (int i = 0; i < values.length; i++) {
            String value = strip(values[i]);
            if (value != values[i]) {
                if (cleaned == null) {
                    cleaned = values.clone();
                }
                cleaned[i] = value;
            }
        }
        String raw = strip(row.raw());
        Reason malformed = row.malformed() == null ? null
                : new Reason(row.malformed().kind(), row.malformed().params().stream().map(ControlCharacters::strip).toList());
        if (cleaned == null && raw == row.raw() && (malformed == null || malformed.equals(row.malformed()))) {
            return row;
        }
        return new RawRow(row.file(), row.line(), cleaned == null ? values : cleaned, raw, malformed);
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F;
    }
}
