package com.incidenttally.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The differences {@link ReportDiff} finds, printed as they are found: each with its file, where in the file,
 * and the value before and after; at most {@value #SHOWN_PER_FILE} per file, the rest counted.
 */
final class Differences {

    static final int SHOWN_PER_FILE = 50;
    /** Values longer than this are cut when printed (a rejected raw line may hold megabytes). */
    private static final int SHOWN_CHARACTERS = 200;
    static final String NONE = "(none)";

    private final PrintStream out;
    private final Map<String, Long> byFile = new LinkedHashMap<>();

    Differences(PrintStream out) {
        this.out = out;
    }

    /** One difference: {@code before} and {@code after} as they are to be printed ({@link #NONE} when absent). */
    void add(String file, String where, String before, String after) {
        long count = byFile.merge(file, 1L, Long::sum);
        if (count <= SHOWN_PER_FILE) {
            out.println(file + "  " + where + ": before " + before + ", after " + after);
        }
    }

    long total() {
        return byFile.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line per file with more differences than were printed. */
    void printCounts() {
        byFile.forEach((file, count) -> {
            if (count > SHOWN_PER_FILE) {
                out.println(file + "  " + (count - SHOWN_PER_FILE) + " more differences not shown, " + count
                        + " in all");
            }
        });
    }

    /**
     * Text as printed: quoted, line breaks and other control characters escaped so a value cannot start a
     * line of its own, cut after {@value #SHOWN_CHARACTERS} characters.
     */
    static String quoted(String text) {
        StringBuilder shown = new StringBuilder("\"");
        int length = Math.min(text.length(), SHOWN_CHARACTERS);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '"' -> shown.append("\\\"");
                case '\\' -> shown.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        shown.append(String.format("\\u%04X", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        shown.append('"');
        if (text.length() > SHOWN_CHARACTERS) {
            shown.append(" … (").append(text.length()).append(" characters)");
        }
        return shown.toString();
    }
}
