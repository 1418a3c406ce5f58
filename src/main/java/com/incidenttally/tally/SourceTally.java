package com.incidenttally.tally;

import com.incidenttally.incident.Rejection;
import com.incidenttally.sources.SourceNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each source judged over a period, fed one item at a time in any order: its accepted rows, its
 * rejected rows (the period's, as Data quality lists them), the incidents it reported, how many of
 * those another source reported too, and the merges with conflicting values it was part of. Two
 * spellings of one source are one source (by {@link SourceNames#fold}); a rejected row that names no
 * source counts under {@link #NO_SOURCE}. Files rejected whole are not rows and are left out.
 */
public final class SourceTally {

    /** Where the rejected rows that name no source are counted. */
    public static final String NO_SOURCE = "";

    /** One source's figures; {@code topRejection} is null when none of its rows was rejected. */
    public record SourceRow(String source, long rows, long accepted, long rejected, RejectionReasons.Key topRejection,
                            long topRejectionRows, long incidents, long confirmed, long conflicts) {

        /** Accepted rows over rows, in [0, 1]. */
        public double acceptedShare() {
            return rows == 0 ? 0 : (double) accepted / rows;
        }

        /** Incidents another source reported too, over its incidents, in [0, 1]. */
        public double confirmedShare() {
            return incidents == 0 ? 0 : (double) confirmed / incidents;
        }
    }

    private static final class Counts {
        String name;
        long accepted;
        long rejected;
        long incidents;
        long confirmed;
        long conflicts;
        final Map<RejectionReasons.Key, Long> reasons = new HashMap<>();
    }

    /** Source names whose keys are remembered; past this, folded each time. */
    static final int KEYS_REMEMBERED = 10_000;

    private final Map<String, Counts> byKey = new LinkedHashMap<>();
    /** Keys of the names merge notes give, by name: folding one is a normalization and two regexes. */
    private final Map<String, String> keysByName = new HashMap<>();

    private Counts of(String key, String name) {
        Counts counts = byKey.computeIfAbsent(key, k -> new Counts());
        if (counts.name == null && name != null) {
            counts.name = name;
        }
        return counts;
    }

    private static String key(String name) {
        return name == null || name.isBlank() ? NO_SOURCE : SourceNames.fold(name);
    }

    /** {@link #key}, remembered for the first names seen: a report has few sources, merged time and again. */
    private String rememberedKey(String name) {
        String key = keysByName.get(name);
        if (key == null) {
            key = key(name);
            if (keysByName.size() < KEYS_REMEMBERED) {
                keysByName.put(name, key);
            }
        }
        return key;
    }

    /** An accepted row of the period, by its source's key and name. */
    public void row(String sourceKey, String source) {
        rows(sourceKey, source, 1);
    }

    /** {@code count} accepted rows of the period with one source's key, the first of them naming it {@code source}. */
    void rows(String sourceKey, String source, long count) {
        of(sourceKey, source).accepted += count;
    }

    /** A rejected row of the period; a file rejected whole is no row and changes nothing. */
    public void rejection(Rejection rejection) {
        if (RejectionReasons.wholeFile(rejection)) {
            return;
        }
        Counts counts = of(key(rejection.source()), rejection.source());
        counts.rejected++;
        counts.reasons.merge(RejectionReasons.key(rejection), 1L, Long::sum);
    }

    /** An incident of the period: each of its sources reported it, confirmed when there are several. */
    public void incident(MergedIncident incident) {
        boolean confirmed = incident.sourceKeys().size() > 1;
        for (String key : incident.sourceKeys()) {
            Counts counts = of(key, null);
            if (counts.name == null) {
                // A source none of whose rows lies in the period (an id whose reports span two periods lands in one):
                // named as the incident writes it, not by its folded key.
                counts.name = nameOf(key, incident.sources());
            }
            counts.incidents++;
            counts.confirmed += confirmed ? 1 : 0;
        }
    }

    /** The name in an incident's sources ({@code "Source A; Source B"}) whose key is {@code key}; null if none. */
    private String nameOf(String key, String sources) {
        if (sources == null) {
            return null;
        }
        for (String name : sources.split("; ")) {
            if (rememberedKey(name).equals(key)) {
                return name;
            }
        }
        return null;
    }

    /** A merge of the period: each source of a merge with conflicting values was part of a conflict. */
    public void merge(MergeNote note) {
        if (note.conflicts() == null || note.conflicts().isBlank() || note.sources() == null) {
            return;
        }
        java.util.Arrays.stream(note.sources().split("; ")).map(this::rememberedKey)
                .distinct().forEach(key -> of(key, null).conflicts++);
    }

    /** Every source, most rows first, then by name; the rows that name no source last. */
    public List<SourceRow> rows() {
        List<SourceRow> rows = new ArrayList<>();
        byKey.forEach((key, c) -> {
            // The commonest; of equals, the first kind, then the first column.
            Map.Entry<RejectionReasons.Key, Long> top = c.reasons.entrySet().stream()
                    .max(Map.Entry.<RejectionReasons.Key, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.comparing(RejectionReasons.Key::kind).thenComparing(
                                    (RejectionReasons.Key k) -> k.column() == null ? "" : k.column()).reversed())))
                    .orElse(null);
            rows.add(new SourceRow(key.equals(NO_SOURCE) ? NO_SOURCE : c.name == null ? key : c.name,
                    c.accepted + c.rejected, c.accepted, c.rejected, top == null ? null : top.getKey(),
                    top == null ? 0 : top.getValue(), c.incidents, c.confirmed, c.conflicts));
        });
        rows.sort(Comparator.comparing((SourceRow r) -> r.source().equals(NO_SOURCE))
                .thenComparing(Comparator.comparingLong(SourceRow::rows).reversed())
                .thenComparing(SourceRow::source));
        return rows;
    }
}
