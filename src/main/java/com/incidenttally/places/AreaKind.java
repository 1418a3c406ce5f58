package com.incidenttally.places;

/** What kind of area a {@link Region} is: land reports tally by region, sea areas on rows of their own. */
public enum AreaKind {
    /** A federal subject of Russia or an oblast of Ukraine. */
    REGION,
    /** A sea area (Black Sea, Sea of Azov, Caspian Sea …): never folded into a land region. */
    SEA;

    /** The value {@code summary.json} and the CSV files carry: {@code region} or {@code sea}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
