package com.incidenttally.normalize;

import com.incidenttally.incident.CellText;

/**
 * Free text from the input: trimmed, blank as null, never longer than an Excel cell holds.
 * Trimming takes away invisible characters too — no-break and other spaces, zero-width spaces and
 * joiners, byte order marks, soft hyphens — so a value made only of them is blank.
 */
public final class FreeText {

    /** The most characters an Excel cell holds. */
    public static final int MAX_LENGTH = CellText.MAX_LENGTH;

    private FreeText() {
    }

    public static String clean(String value) {
        String text = strip(value);
        return text == null || text.isEmpty() ? null : cut(text, MAX_LENGTH);
    }

    /** The value without white space or invisible characters at either end; null stays null. */
    public static String strip(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && invisible(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && invisible(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    private static boolean invisible(int codePoint) {
        if (codePoint > 0x20 && codePoint < 0x7F || codePoint >= 0x410 && codePoint <= 0x44F) {
            // Printable ASCII and the basic Cyrillic letters, most ends of most values: none is invisible.
            return false;
        }
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || Character.getType(codePoint) == Character.CONTROL
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    /** Cuts text to at most {@code max} characters, ending with a marker that says how long it was. */
    public static String cut(String text, int max) {
        return CellText.cut(text, max);
    }
}
