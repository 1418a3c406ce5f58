package com.incidenttally.tally;

import com.incidenttally.incident.Rejection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.incidenttally.incident.RejectionKind;

/**
 * Rejections counted by kind, commonest first, so a person sees at a glance what to fix:
 * "3 unknown region, 2 unparseable date/time". A kind is its {@link RejectionKind#group()}, with
 * the column named where the kind alone would not say which ({@code missing value in source}).
 */
public final class RejectionReasons implements Consumer<Rejection> {

    /**
     * A kind of reason and how many rows (or files) were rejected for it.
     *
     * @param column the column the kind is about, or null when the kind says all; for a file
     *               rejected whole, the reader's reason without its details
     */
    public record Count(RejectionKind kind, String column, long count) {
    }

    /** What rejections are counted under: a kind, with the column it names where the kind alone would not say which. */
    public record Key(RejectionKind kind, String column) {
    }

    private final Map<Key, Long> rows = new LinkedHashMap<>();
    private final Map<Key, Long> files = new LinkedHashMap<>();
    private final List<Rejection> firstFiles = new ArrayList<>();

    @Override
    public void accept(Rejection rejection) {
        boolean wholeFile = wholeFile(rejection);
        (wholeFile ? files : rows).merge(key(rejection), 1L, Long::sum);
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

    /** Rows rejected, by kind, commonest first (ties in the order of the kinds). */
    public List<Count> rows() {
        return sorted(rows);
    }

    /** Files rejected whole, by kind, commonest first. */
    public List<Count> files() {
        return sorted(files);
    }

    public long rowCount() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long fileCount() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The kind and column {@code rejection} is counted under. */
    public static Key key(Rejection rejection) {
        RejectionKind kind = rejection.reason().kind().group();
        if (kind == RejectionKind.FILE_REJECTED) {
            // A file's reason is the reader's own text, not yet a kind: what it lacks, before the details.
            String detail = rejection.reason().param("detail");
            int colon = detail.indexOf(':');
            return new Key(kind, colon > 0 ? detail.substring(0, colon).strip() : detail);
        }
        String column = rejection.column();
        boolean named = kind.perColumn() && column != null && !column.startsWith("(");
        return new Key(kind, named ? column : null);
    }

    private static List<Count> sorted(Map<Key, Long> counts) {
        List<Count> list = new ArrayList<>();
        counts.forEach((key, count) -> list.add(new Count(key.kind(), key.column(), count)));
        list.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::kind)
                .thenComparing(c -> c.column() == null ? "" : c.column()));
        return list;
    }
}
