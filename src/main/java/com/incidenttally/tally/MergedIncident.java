package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.places.AreaKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One incident after merging every report of it.
 *
 * @param id          the analyst's id, or a generated one for incidents merged by key
 * @param localTime   the earliest reported local time, null when only a date or night was given
 * @param nightTime   whether {@code localTime} falls in the night window; false when there is no time
 * @param region      the region's or sea area's name as the report shows it
 * @param district    the district's name as resolved or, when unresolved, as reported; null for the
 *                    region as a whole (see {@link #shownDistrict()})
 * @param districtKey what incidents are merged and tallied by
 * @param uavCount    the largest known count, null when no report gave one
 * @param sources     every source that reported it, joined with "; "
 * @param sourceKeys  the distinct sources that reported it, each by its key (what "sources" count)
 * @param origins     where its rows came from: {@code file.csv:12, other.csv:4}
 * @param kind        whether it happened in a land region or a sea area
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
        DistrictKey districtKey,
        String location,
        String eventType,
        Integer uavCount,
        Integer killed,
        Integer injured,
        String damage,
        String measures,
        String sources,
        List<String> sourceKeys,
        String sourceUrls,
        String notes,
        String origins,
        int reports,
        AreaKind kind) {

    /** What marks a district name that was kept as reported because it matched no district. */
    public static final String UNRESOLVED_SUFFIX = " (unresolved)";

    public MergedIncident {
        sourceKeys = List.copyOf(sourceKeys);
    }

    public boolean isSea() {
        return kind == AreaKind.SEA;
    }

    /** The district as the report shows it: an unresolved name marked {@value #UNRESOLVED_SUFFIX}. */
    public String shownDistrict() {
        return shownDistrict(district, districtKey);
    }

    static String shownDistrict(String district, DistrictKey districtKey) {
        return district != null && districtKey.isUnresolved() ? district + UNRESOLVED_SUFFIX : district;
    }
}
