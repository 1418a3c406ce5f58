package com.incidenttally.tally;

import com.incidenttally.incident.CellText;
import com.incidenttally.incident.DistrictKey;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The SPEC "Same incident" rule as a pure function over the reports of one key or one id: reports
 * with one incident_id are one incident; reports without an id and with the same night, region,
 * district and event type are one incident per rank within each source (so two reports from one
 * source stay two incidents); exact duplicate rows count once. No database: the store streams the
 * groups in key order, this decides what they are.
 */
public final class Merge {

    /** How reports came to be one incident, as Data quality names it. */
    public static final String RULE_ID = "same incident_id";
    public static final String RULE_KEY = "same night, region, district, event type; different sources";
    public static final String RULE_DUPLICATE = "exact duplicate rows";

    /** Origins listed for one incident before "… and N more". */
    static final int MAX_ORIGINS = 50;

    private Merge() {
    }

    /**
     * One incident made of one or more reports.
     *
     * @param id         the analyst's id; null for a keyed incident until it is numbered ({@link #numbered})
     * @param localTime  the earliest reported time; {@code nightTime} is that report's
     * @param sources    the sources' names, first spelling of each, joined with "; "
     * @param sourceKeys the distinct sources, as the tallies count them
     * @param origins    {@code file.csv:12, other.csv:4}
     * @param conflicts  the fields on which its reports disagree, null when they agree or it is one report
     */
    public record Merged(String id, boolean keyed, LocalDate night, boolean nightInferred, LocalDateTime localTime,
                         Boolean nightTime, String regionIso, String district, DistrictKey districtKey, String location,
                         String eventType, Integer uavCount, Integer killed, Integer injured, String damage,
                         String measures, String sources, List<String> sourceKeys, String sourceUrls, String notes,
                         String origins, int reports, String conflicts) {

        /** The same incident under a generated id. */
        public Merged numbered(String generatedId) {
            return new Merged(generatedId, keyed, night, nightInferred, localTime, nightTime, regionIso, district,
                    districtKey, location, eventType, uavCount, killed, injured, damage, measures, sources, sourceKeys,
                    sourceUrls, notes, origins, reports, conflicts);
        }

        /** Made of several reports, so Data quality lists it. */
        public boolean merged() {
            return reports > 1;
        }

        public String rule() {
            return keyed ? RULE_KEY : RULE_ID;
        }
    }

    /** Exact duplicate rows counted once: the first in file order is kept. */
    public record Duplicate(String incidentId, LocalDate night, String regionIso, String district, String eventType,
                            int rows, String source, String origins) {
    }

    /** What one group of reports is: its incidents, in the order they are numbered, and its duplicates. */
    public record Group(List<Merged> incidents, List<Duplicate> duplicates) {
    }

    /** Reports sharing one incident_id: one incident, after exact duplicates are dropped. */
    public static Group byId(List<Report> reports) {
        List<Duplicate> duplicates = new ArrayList<>();
        List<Report> distinct = distinct(reports, duplicates);
        return new Group(List.of(incident(distinct, false)), duplicates);
    }

    /**
     * Reports sharing night, region, district and event type, without an id. Across sources, each
     * source's reports are ranked in time order and the n-th report of every source is one
     * incident; without ({@code --no-merge}) every distinct report is its own incident.
     */
    public static Group byKey(List<Report> reports, boolean acrossSources) {
        List<Duplicate> duplicates = new ArrayList<>();
        List<Report> distinct = distinct(reports, duplicates);
        List<Merged> incidents = new ArrayList<>();
        if (!acrossSources) {
            distinct.forEach(report -> incidents.add(incident(List.of(report), true)));
            return new Group(incidents, duplicates);
        }
        Map<String, List<Report>> bySource = new LinkedHashMap<>();
        for (Report report : distinct) {
            bySource.computeIfAbsent(report.sourceKey(), k -> new ArrayList<>()).add(report);
        }
        int ranks = 0;
        for (List<Report> sourceReports : bySource.values()) {
            sourceReports.sort(Report.TIME_ORDER);
            ranks = Math.max(ranks, sourceReports.size());
        }
        for (int rank = 0; rank < ranks; rank++) {
            List<Report> incident = new ArrayList<>();
            for (List<Report> sourceReports : bySource.values()) {
                if (rank < sourceReports.size()) {
                    incident.add(sourceReports.get(rank));
                }
            }
            incident.sort(Report.FILE_ORDER);
            incidents.add(incident(incident, true));
        }
        return new Group(incidents, duplicates);
    }

    /** The reports in file order with exact duplicates dropped (and noted). */
    private static List<Report> distinct(List<Report> reports, List<Duplicate> duplicates) {
        List<Report> ordered = new ArrayList<>(reports);
        ordered.sort(Report.FILE_ORDER);
        if (ordered.size() == 1) {
            return ordered;
        }
        Map<String, List<Report>> byContent = new LinkedHashMap<>();
        for (Report report : ordered) {
            byContent.computeIfAbsent(report.contentHash(), k -> new ArrayList<>()).add(report);
        }
        if (byContent.size() == ordered.size()) {
            return ordered;
        }
        List<Report> distinct = new ArrayList<>();
        for (List<Report> same : byContent.values()) {
            Report first = same.get(0);
            distinct.add(first);
            if (same.size() > 1) {
                duplicates.add(new Duplicate(first.incidentId() == null ? "" : first.incidentId(), first.night(),
                        first.regionIso(), first.district(), first.eventType(), same.size(), first.source(),
                        origins(same)));
            }
        }
        return distinct;
    }

    private static Merged incident(List<Report> reports, boolean keyed) {
        Report first = reports.get(0);
        LocalDateTime earliest = null;
        Boolean nightTime = null;
        boolean inferred = true;
        Integer uav = null;
        Integer killed = null;
        Integer injured = null;
        Map<String, String> sources = new LinkedHashMap<>();
        Set<String> urls = new LinkedHashSet<>();
        Set<String> locations = new LinkedHashSet<>();
        Set<String> damage = new LinkedHashSet<>();
        Set<String> measures = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Report report : reports) {
            if (report.localTime() != null && (earliest == null || report.localTime().isBefore(earliest))) {
                earliest = report.localTime();
                nightTime = report.nightTime();
            }
            inferred &= report.nightInferred();
            uav = max(uav, report.uavCount());
            killed = max(killed, report.killed());
            injured = max(injured, report.injured());
            sources.putIfAbsent(report.sourceKey(), report.source());
            addIfPresent(urls, report.sourceUrl());
            addIfPresent(locations, report.location());
            addIfPresent(damage, report.damage());
            addIfPresent(measures, report.measures());
            addIfPresent(notes, report.notes());
        }
        return new Merged(keyed ? null : first.incidentId(), keyed, first.night(), inferred, earliest, nightTime,
                first.regionIso(), first.district(), first.districtKey(), join(locations), first.eventType(), uav,
                killed, injured, join(damage), join(measures), CellText.cut(String.join("; ", sources.values())),
                List.copyOf(sources.keySet()), join(urls), join(notes), origins(reports), reports.size(),
                reports.size() > 1 ? conflicts(reports, keyed) : null);
    }

    private static String conflicts(List<Report> reports, boolean keyed) {
        List<String> found = new ArrayList<>();
        conflict(found, reports, "uav_count", Report::uavCount);
        conflict(found, reports, "killed", Report::killed);
        conflict(found, reports, "injured", Report::injured);
        if (!keyed) {
            conflict(found, reports, "night", Report::night);
            conflict(found, reports, "region", Report::regionIso);
            conflict(found, reports, "district", Report::district);
            conflict(found, reports, "event_type", Report::eventType);
        }
        return found.isEmpty() ? null : CellText.cut(String.join("; ", found));
    }

    private static void conflict(List<String> found, List<Report> reports, String field,
                                 Function<Report, Object> value) {
        Map<Object, List<String>> seen = new LinkedHashMap<>();
        for (Report report : reports) {
            Object v = value.apply(report);
            if (v != null) {
                seen.computeIfAbsent(v, k -> new ArrayList<>()).add(report.origin());
            }
        }
        if (seen.size() > 1) {
            StringBuilder text = new StringBuilder(field).append(": ");
            String separator = "";
            for (Map.Entry<Object, List<String>> entry : seen.entrySet()) {
                text.append(separator).append(entry.getKey()).append(" (").append(String.join(", ", entry.getValue()))
                        .append(')');
                separator = " vs ";
            }
            found.add(text.toString());
        }
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static String join(Set<String> values) {
        return values.isEmpty() ? null : CellText.cut(String.join("; ", values));
    }

    private static String origins(List<Report> reports) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(reports.size(), MAX_ORIGINS);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(reports.get(i).origin());
        }
        if (reports.size() > MAX_ORIGINS) {
            text.append(", … and ").append(reports.size() - MAX_ORIGINS).append(" more");
        }
        return text.toString();
    }
}
