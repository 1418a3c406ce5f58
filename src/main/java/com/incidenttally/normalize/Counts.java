package com.incidenttally.normalize;

import com.incidenttally.incident.RejectionKind;

import java.util.Locale;
import java.util.Set;

/** Whole-number counts as analysts write them, vague words included. */
final class Counts {

    /** The largest count a row may give: more is a typo, never a report (and would overflow totals). */
    static final int MAX = 100_000;

    /** Words that mean "some, number not known" in a UAV count. */
    private static final Set<String> UNKNOWN = Set.of("unknown", "multiple", "several", "many", "unconfirmed",
            "n/a", "?", "несколько", "неизвестно", "много", "группа");

    private Counts() {
    }

    /** The count, or null when the value is blank or a vague word. */
    static Integer uavCount(String value) {
        String text = value == null ? "" : FreeText.strip(value);
        if (text.isEmpty() || UNKNOWN.contains(text.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return wholeNumber(text);
    }

    /** The count, or null when blank (not reported). */
    static Integer casualties(String value) {
        String text = value == null ? "" : FreeText.strip(value);
        return text.isEmpty() ? null : wholeNumber(text);
    }

    private static Integer wholeNumber(String text) {
        if (text.startsWith("-") && isDigits(text, 1)) {
            throw new InvalidCount(RejectionKind.NEGATIVE_COUNT, "a count cannot be negative");
        }
        if (!isDigits(text, 0)) {
            throw new InvalidCount(RejectionKind.NOT_A_WHOLE_NUMBER, "not a whole number");
        }
        int first = 0;
        while (first < text.length() - 1 && text.charAt(first) == '0') {
            first++;
        }
        String digits = text.substring(first);
        if (digits.length() > 6 || Integer.parseInt(digits) > MAX) {
            throw new InvalidCount(RejectionKind.COUNT_TOO_LARGE, "too large: a count may be at most 100,000");
        }
        return Integer.valueOf(digits);
    }

    private static boolean isDigits(String text, int from) {
        if (text.length() <= from) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A count that cannot be taken, and the kind of rejection it makes. */
    static final class InvalidCount extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        final transient RejectionKind kind;

        InvalidCount(RejectionKind kind, String message) {
            super(message, null);
            this.kind = kind;
        }
    }
}
