package com.incidenttally.normalize;

/** Free text from the input: trimmed, blank as null, never longer than an Excel cell holds. */
public final class FreeText {

    /** The most characters an Excel cell holds. */
    public static final int MAX_LENGTH = 32_767;

    private FreeText() {
    }

    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.isEmpty() ? null : cut(text, MAX_LENGTH);
    }

    /** Cuts text to at most {@code max} characters, ending with a marker that says how long it was. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String marker = " … [cut: " + text.length() + " characters]";
        return text.substring(0, max - marker.length()) + marker;
    }
}
