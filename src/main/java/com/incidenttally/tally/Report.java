package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * One accepted report as the merge reads it back from the store: what decides which reports are
 * one incident, and what the incident shows.
 *
 * @param incidentId   the analyst's id, or null when the report is merged by key
 * @param districtKey  what reports of one district share
 * @param eventType    the event type's code ({@code shot_down}, …)
 * @param contentHash  equal for exact duplicate rows
 * @param file         the input file, relative to the input folder
 */
public record Report(String incidentId, LocalDate night, boolean nightInferred, LocalDateTime localTime,
                     Boolean nightTime, String regionIso, String district, DistrictKey districtKey, String eventType,
                     Integer uavCount, Integer killed, Integer injured, String location, String damage,
                     String measures, String source, String sourceKey, String sourceUrl, String notes,
                     String contentHash, String file, long line) {

    /**
     * Key order: night, region, district, event type, each by its characters (so generated ids
     * number a night's incidents alike on every database).
     */
    public static final Comparator<Report> KEY_ORDER = Comparator.comparing(Report::night)
            .thenComparing(Report::regionIso).thenComparing(Report::districtKey).thenComparing(Report::eventType);
    /** File order: the order in which the first of several equal reports is the one kept. */
    public static final Comparator<Report> FILE_ORDER = Comparator.comparing(Report::file)
            .thenComparingLong(Report::line);
    /** Id order, then file order: reports with one id side by side. */
    public static final Comparator<Report> ID_ORDER = Comparator.comparing(Report::incidentId).thenComparing(FILE_ORDER);
    /** Within one source: reports in time order, those without a time last. */
    static final Comparator<Report> TIME_ORDER = Comparator.comparing(Report::localTime,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(FILE_ORDER);

    /** Merged by night, region, district and event type, not by an id. */
    public boolean keyed() {
        return incidentId == null;
    }

    /** Where the report came from: {@code file.csv:12}. */
    public String origin() {
        return file + ":" + line;
    }

    /** The same night, region, district and event type. */
    public boolean sameKey(Report other) {
        return night.equals(other.night) && regionIso.equals(other.regionIso)
                && districtKey.equals(other.districtKey) && eventType.equals(other.eventType);
    }
}
