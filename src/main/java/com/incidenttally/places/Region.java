package com.incidenttally.places;

import java.time.ZoneId;

/**
 * A region that reports name: a Russian federal subject or a Ukrainian oblast.
 *
 * @param isoCode ISO 3166-2 code ({@code RU-ROS}; Crimea, Sevastopol and the Ukrainian oblasts under {@code UA-})
 * @param name    canonical English name: "X Oblast", "X Krai", "X Autonomous Okrug", republics by
 *                their short common name ("Tatarstan", "Chechnya"), federal cities by the city name
 * @param nameRu  Russian name
 * @param zone    the local time the reporting sources use for this region
 * @param kind    a land region or a sea area
 */
public record Region(String isoCode, String name, String nameRu, ZoneId zone, AreaKind kind) {

    public Region(String isoCode, String name, String nameRu, ZoneId zone) {
        this(isoCode, name, nameRu, zone, AreaKind.REGION);
    }

    public boolean isSea() {
        return kind == AreaKind.SEA;
    }

    @Override
    public String toString() {
        return name + " (" + isoCode + ")";
    }
}
