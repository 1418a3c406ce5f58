package com.incidenttally.incident;

import com.incidenttally.places.MatchMethod;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One accepted report of an incident, typed and validated, before merging.
 *
 * @param localTime      the region's local time, null when only a date or a night was given
 * @param nightTime      whether localTime falls in the night window; null without a time
 * @param nightInferred  the night was inferred from a date alone
 * @param districtKey    what reports of the same district share
 * @param regionInput    the region as written when it did not match exactly, else null
 * @param regionMethod   how regionInput was resolved; null with it
 * @param contentHash    the same for exact duplicate rows
 */
public record Incident(
        String file,
        long line,
        String incidentId,
        LocalDate night,
        boolean nightInferred,
        LocalDateTime localTime,
        Boolean nightTime,
        String regionIso,
        String regionInput,
        MatchMethod regionMethod,
        double regionScore,
        String district,
        DistrictKey districtKey,
        String districtInput,
        MatchMethod districtMethod,
        double districtScore,
        String location,
        EventType eventType,
        Integer uavCount,
        Integer killed,
        Integer injured,
        String damage,
        String measures,
        String source,
        String sourceKey,
        String sourceUrl,
        String notes,
        String contentHash) {
}
