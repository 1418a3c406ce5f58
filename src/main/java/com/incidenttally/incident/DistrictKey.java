package com.incidenttally.incident;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What reports of one district share, and what incidents are merged and tallied by: the region as a
 * whole, a district the gazetteer resolved (by its name), or a name that matched no district (by the
 * text as reported). Names are compared folded: lower case, runs of white space as one space.
 *
 * <p>Keys order as their {@link #encoded() stored form} does, character by character: the region as
 * a whole first, then unresolved names, then resolved districts, each kind by its folded name. The
 * merge numbers a night's incidents and the listings show them in this order.
 *
 * @param kind which of the three it is
 * @param name the folded name; empty for the region as a whole
 */
public record DistrictKey(Kind kind, String name) implements Comparable<DistrictKey> {

    /** The three kinds, in the order their keys sort. */
    public enum Kind {
        /** No district given: the region (or sea area) as a whole. */
        REGION(""),
        /** A name that matched no district of the region, kept as reported. */
        UNRESOLVED("?:"),
        /** A district of the gazetteer. */
        RESOLVED("d:");

        /** What starts the stored form: the order of these is the order of the kinds. */
        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The region as a whole. */
    public static final DistrictKey REGION = new DistrictKey(Kind.REGION, "");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public DistrictKey {
        if (kind == null || name == null || kind == Kind.REGION && !name.isEmpty()) {
            throw new IllegalArgumentException("not a district key: " + kind + " " + name);
        }
    }

    /** The key of a district the gazetteer resolved, by its name. */
    public static DistrictKey resolved(String districtName) {
        return new DistrictKey(Kind.RESOLVED, fold(districtName));
    }

    /** The key of a name that matched no district, by the text as reported. */
    public static DistrictKey unresolved(String text) {
        return new DistrictKey(Kind.UNRESOLVED, fold(text));
    }

    private static String fold(String name) {
        return WHITESPACE.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * The key as the store's row groups and the listings' files keep it: {@code ""}, {@code ?:} or
     * {@code d:} and the folded name. Stores written before the key was a type hold the same text.
     */
    public String encoded() {
        return kind.prefix + name;
    }

    /** Reads {@link #encoded()} back. */
    public static DistrictKey decode(String encoded) {
        if (encoded.isEmpty()) {
            return REGION;
        }
        for (Kind kind : new Kind[] {Kind.UNRESOLVED, Kind.RESOLVED}) {
            if (encoded.startsWith(kind.prefix)) {
                return new DistrictKey(kind, encoded.substring(kind.prefix.length()));
            }
        }
        throw new IllegalArgumentException("not a district key: '" + encoded + "'");
    }

    public boolean isRegion() {
        return kind == Kind.REGION;
    }

    public boolean isUnresolved() {
        return kind == Kind.UNRESOLVED;
    }

    /** Kind, then name by its characters: the order of the encoded keys, without building them. */
    @Override
    public int compareTo(DistrictKey other) {
        int c = kind.compareTo(other.kind);
        return c != 0 ? c : name.compareTo(other.name);
    }
}
