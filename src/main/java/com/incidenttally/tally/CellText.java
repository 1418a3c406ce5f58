package com.incidenttally.tally;

/** Text as a spreadsheet cell holds it. */
public final class CellText {

    /** The most characters an Excel cell holds. */
    public static final int MAX_LENGTH = 32_767;

    private CellText() {
    }

    /** Cuts text to at most {@code max} characters, ending with a marker that says how long it was. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String marker = " … [cut: " + text.length() + " characters]";
        return text.substring(0, max - marker.length()) + marker;
    }

    /** Cuts text to what one cell holds. */
    public static String cut(String text) {
        return cut(text, MAX_LENGTH);
    }
}
