package com.incidenttally.tally;

import com.incidenttally.places.AreaKind;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One incident after merging every report of it.
 *
 * @param id         the analyst's id, or a generated one for incidents merged by key
 * @param localTime  the earliest reported local time, null when only a date or night was given
 * @param uavCount   the largest known count, null when no report gave one
 * @param sources    every source that reported it, joined with "; "
 * @param origins    where its rows came from: {@code file.csv:12, other.csv:4}
 * @param kind       whether it happened in a land region or a sea area
 */
public record MergedIncident(
        String id,
        LocalDate night,
        LocalDateTime localTime,
        boolean nightTime,
        boolean nightInferred,
        String region,
        String isoCode,
        String district,
        String location,
        String eventType,
        Integer uavCount,
        Integer killed,
        Integer injured,
        String damage,
        String measures,
        String sources,
        String sourceUrls,
        String notes,
        String origins,
        int reports,
        AreaKind kind) {

    /** An incident in a land region. */
    public MergedIncident(String id, LocalDate night, LocalDateTime localTime, boolean nightTime, boolean nightInferred,
                          String region, String isoCode, String district, String location, String eventType,
                          Integer uavCount, Integer killed, Integer injured, String damage, String measures,
                          String sources, String sourceUrls, String notes, String origins, int reports) {
        this(id, night, localTime, nightTime, nightInferred, region, isoCode, district, location, eventType, uavCount,
                killed, injured, damage, measures, sources, sourceUrls, notes, origins, reports, AreaKind.REGION);
    }

    public boolean isSea() {
        return kind == AreaKind.SEA;
    }
}
