package com.incidenttally.normalize;

import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.MatchMethod;
import com.incidenttally.places.PlaceMatch;
import com.incidenttally.places.Region;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The local time a run gives some regions instead of the gazetteer's ({@code --zone=UA-14=Europe/Kyiv}):
 * the gazetteer gives Donetsk, Luhansk, Zaporizhzhia and Kherson Moscow time, the time the reporting
 * sources use, while official Ukrainian data for them is meant in Kyiv time. Every other region keeps
 * its own zone. Plain Java; immutable.
 */
public final class RegionZones {

    public static final RegionZones DEFAULT = new RegionZones(new TreeMap<>());

    /** Zones by region code, in code order, so the same choice always reads the same. */
    private final TreeMap<String, ZoneId> byCode;

    private RegionZones(TreeMap<String, ZoneId> byCode) {
        this.byCode = byCode;
    }

    /**
     * Reads {@code REGION=ZONE} choices: the region by its code or any name the gazetteer knows it by
     * (a guess at a misspelling is not taken), the zone by its IANA name.
     *
     * @throws IllegalArgumentException with one line that says which choice is wrong and why
     */
    public static RegionZones parse(List<String> choices, Gazetteer gazetteer) {
        TreeMap<String, ZoneId> byCode = new TreeMap<>();
        for (String choice : choices) {
            int eq = choice.indexOf('=');
            if (eq <= 0 || eq == choice.length() - 1) {
                throw new IllegalArgumentException("expected REGION=ZONE, e.g. UA-14=Europe/Kyiv, got '" + choice + "'");
            }
            String regionText = choice.substring(0, eq).strip();
            String zoneText = choice.substring(eq + 1).strip();
            Region region = region(regionText, gazetteer);
            ZoneId zone;
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + zoneText + "' is not a time zone (an IANA name, e.g. Europe/Kyiv)");
            }
            ZoneId earlier = byCode.put(region.isoCode(), zone);
            if (earlier != null && !earlier.equals(zone)) {
                throw new IllegalArgumentException(region.name() + " is given two zones, " + earlier + " and " + zone);
            }
        }
        return byCode.isEmpty() ? DEFAULT : new RegionZones(byCode);
    }

    /** The run's choices as {@link #toString()} wrote them; empty text is the default. */
    public static RegionZones of(String text, Gazetteer gazetteer) {
        return text == null || text.isBlank() ? DEFAULT : parse(List.of(text.split(",")), gazetteer);
    }

    private static Region region(String text, Gazetteer gazetteer) {
        return gazetteer.regionByIso(text).orElseGet(() -> {
            PlaceMatch<Region> match = gazetteer.resolveRegion(text);
            if (!match.resolved() || match.method() == MatchMethod.FUZZY) {
                throw new IllegalArgumentException("'" + text + "' is not a region of the gazetteer (give its ISO code,"
                        + " e.g. UA-14, or its name)");
            }
            return match.place();
        });
    }

    /** The zone the region's local times are in for this run. */
    public ZoneId zoneOf(Region region) {
        return byCode.getOrDefault(region.isoCode(), region.zone());
    }

    public boolean isDefault() {
        return byCode.isEmpty();
    }

    /** The choices a run made, as a map from region code to zone, in code order. */
    public Map<String, ZoneId> choices() {
        return java.util.Collections.unmodifiableMap(byCode);
    }

    /** {@code UA-09=Europe/Kyiv,UA-14=Europe/Kyiv}, in code order; empty for the default. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(",");
        byCode.forEach((code, zone) -> text.add(code + "=" + zone.getId()));
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionZones zones && byCode.equals(zones.byCode);
    }

    @Override
    public int hashCode() {
        return byCode.hashCode();
    }
}
