package com.incidenttally.incident;

import java.util.Locale;

/**
 * Text as a spreadsheet cell or a store column holds it: the one cutter for every value. A limit
 * is in UTF-16 units, which is how Excel, POI and H2 count a text's length (PostgreSQL counts
 * characters, never more), so a cut text fits all of them. The cut is made between characters,
 * never inside one, and the marker counts characters as a person does: an emoji is one.
 */
public final class CellText {

    /** The most characters an Excel cell holds. */
    public static final int MAX_LENGTH = 32_767;

    private CellText() {
    }

    /**
     * Cuts text to at most {@code max} UTF-16 units, ending with a marker that says how many
     * characters it had; shorter text is returned as it is.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String marker = " … [cut: " + String.format(Locale.ROOT, "%,d", text.codePointCount(0, text.length()))
                + " characters]";
        int keep = Math.max(0, max - marker.length());
        // Never half a character: a pair of surrogates is kept whole or not at all.
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1)) && Character.isLowSurrogate(text.charAt(keep))) {
            keep--;
        }
        String cut = text.substring(0, keep) + marker;
        return cut.length() <= max ? cut : text.substring(0, boundary(text, max));
    }

    /** Cuts text to what one cell holds. */
    public static String cut(String text) {
        return cut(text, MAX_LENGTH);
    }

    /** The largest length up to {@code max} that does not end inside a character. */
    private static int boundary(String text, int max) {
        return max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) && Character.isLowSurrogate(text.charAt(max))
                ? max - 1 : max;
    }
}
