package com.incidenttally.tally;

import com.incidenttally.incident.EventType;
import com.incidenttally.places.AreaKind;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One group of incidents: a region or sea area, a district of a region, or a night (the fields that
 * do not apply to the grouping are null).
 *
 * @param events       incidents of the group by event type; a type without incidents may be absent
 * @param killedKnown  incidents of the group for which some report gave a number of killed (0 included);
 *                     when none did, {@code killed} is not a reported zero but unknown
 * @param injuredKnown the same for {@code injured}
 * @param kind         whether the row's area is a land region or a sea area; null for a night's row
 */
public record TallyRow(
        String region,
        String isoCode,
        String district,
        LocalDate night,
        long incidents,
        long nightTime,
        long daytime,
        Map<EventType, Long> events,
        long uavReported,
        long unknownCount,
        long killed,
        long injured,
        long sources,
        long killedKnown,
        long injuredKnown,
        AreaKind kind) {

    public TallyRow {
        EnumMap<EventType, Long> copy = new EnumMap<>(EventType.class);
        copy.putAll(events);
        events = Collections.unmodifiableMap(copy);
    }

    /** A row of a land region's figures, or of a night's when region is null. */
    public TallyRow(String region, String isoCode, String district, LocalDate night, long incidents, long nightTime,
                    long daytime, Map<EventType, Long> events, long uavReported, long unknownCount, long killed,
                    long injured, long sources, long killedKnown, long injuredKnown) {
        this(region, isoCode, district, night, incidents, nightTime, daytime, events, uavReported, unknownCount,
                killed, injured, sources, killedKnown, injuredKnown, region == null ? null : AreaKind.REGION);
    }

    /** Incidents of the group of one event type, 0 when none. */
    public long events(EventType type) {
        return events.getOrDefault(type, 0L);
    }

    public boolean isSea() {
        return kind == AreaKind.SEA;
    }
}
