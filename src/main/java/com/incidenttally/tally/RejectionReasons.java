package com.incidenttally.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Rejections counted by kind of reason, commonest first, so a person sees at a glance what to fix:
 * "3 unknown region, 2 unparseable date/time". A reason's kind is what it says without the details
 * of one row (the value, the date it was compared with): the text before its first colon, with the
 * column named where the reason alone would not say which ({@code missing value in source}).
 */
public final class RejectionReasons implements Consumer<Rejection> {

    /** A kind of reason and how many rows (or files) were rejected for it. */
    public record Count(String reason, long count) {
    }

    static final String FILE_PREFIX = "file rejected: ";

    private static final Pattern FIELD_COUNT = Pattern.compile("expected \\d+ fields, found \\d+");

    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Long> files = new LinkedHashMap<>();
    private final List<Rejection> firstFiles = new ArrayList<>();

    @Override
    public void accept(Rejection rejection) {
        boolean wholeFile = wholeFile(rejection);
        (wholeFile ? files : rows).merge(kind(rejection), 1L, Long::sum);
        if (wholeFile && firstFiles.size() < FILES_NAMED) {
            firstFiles.add(rejection);
        }
    }

    /** Whether the rejection is of a file rejected whole rather than of one of its rows. */
    public static boolean wholeFile(Rejection rejection) {
        return rejection.line() == 0 && "(file)".equals(rejection.column());
    }

    /** Files rejected whole are few and each needs its own fix: this many are named one by one. */
    public static final int FILES_NAMED = 3;

    /** The first {@value #FILES_NAMED} files rejected whole, each with its full reason. */
    public List<Rejection> namedFiles() {
        return List.copyOf(firstFiles);
    }

    /** A file's reason without the prefix the store gives it. */
    public static String fileReason(Rejection rejection) {
        String reason = rejection.reason() == null ? "" : rejection.reason().strip();
        return reason.startsWith(FILE_PREFIX) ? reason.substring(FILE_PREFIX.length()) : reason;
    }

    /** Rows rejected, by kind of reason, commonest first (ties in the order of the kinds' names). */
    public List<Count> rows() {
        return sorted(rows);
    }

    /** Files rejected whole, by kind of reason, commonest first. */
    public List<Count> files() {
        return sorted(files);
    }

    public long rowCount() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long fileCount() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The kind of a rejection's reason, without what is particular to its row. */
    public static String kind(Rejection rejection) {
        String reason = fileReason(rejection);
        if (FIELD_COUNT.matcher(reason).matches()) {
            return "wrong number of fields";
        }
        if (reason.startsWith("night ") && reason.contains(" disagrees with occurred_at")) {
            return "night disagrees with occurred_at";
        }
        if (reason.startsWith("occurred_at ") && reason.contains(" is not in the night ")) {
            return "occurred_at outside the given night";
        }
        if (reason.startsWith("no column for ")) {
            // What a layout lacks is the kind; the columns it has are that file's own.
            return reason.substring(0, reason.indexOf(';') > 0 ? reason.indexOf(';') : reason.length());
        }
        if (reason.startsWith("a field is too long")) {
            return "a field too long to read";
        }
        int colon = reason.indexOf(':');
        String kind = colon > 0 ? reason.substring(0, colon).strip() : reason;
        String column = rejection.column();
        boolean perColumn = kind.equals("missing value") || kind.equals("not a whole number")
                || kind.equals("a count cannot be negative");
        if (perColumn && column != null && !column.startsWith("(")) {
            return kind + " in " + column;
        }
        return kind.isEmpty() ? "no reason given" : kind;
    }

    private static List<Count> sorted(Map<String, Long> counts) {
        List<Count> list = new ArrayList<>();
        counts.forEach((reason, count) -> list.add(new Count(reason, count)));
        list.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::reason));
        return list;
    }
}
