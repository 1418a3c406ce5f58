package com.incidenttally.places;

import java.util.Locale;

/** How a name as written was resolved, in the order the rules are tried. */
public enum MatchMethod {
    /** A user's own spelling from the {@code --aliases} file. */
    ALIAS,
    /**
     * The name of a wider area that the bundled data counts under one region, saying so in the match's note
     * ({@code Московский регион}: Moscow and Moscow Oblast together, counted under Moscow Oblast).
     */
    WIDER_NAME,
    /**
     * A bundled name or alias, after folding case, punctuation, ё, words like "oblast", and Russian and
     * Ukrainian grammar (case, number, adjective endings: {@code Белгородской областью}).
     */
    EXACT,
    /**
     * Another name the gazetteer lists for the place besides its own English and Russian names: a translation
     * ({@code Tractor Factory District}), a short or colloquial name ({@code Крым}), a Ukrainian form.
     */
    OTHER_NAME,
    /**
     * A town or city in the region column, counted under the one region it lies in (GeoNames' towns and cities,
     * and the gazetteer's urban okrugs): {@code Berdyansk} is Zaporizhzhia Oblast.
     */
    CITY_NAMED,
    /** A name with a note dropped first: a trailing country ({@code , Ukraine}) or a parenthesised remark. */
    NOTE_DROPPED,
    /** Cyrillic transliterated to Latin, or Latin spellings folded (kh/h, -sky/-skoye, …). */
    TRANSLITERATED,
    /** A name the place had before it was renamed or merged ({@code Krasnohradskyi raion}, now Berestynskyi). */
    FORMER_NAME,
    /**
     * The name of a district abolished and taken into today's one ({@code Балаклійський район}, since 2020 part of
     * Izyumskyi Raion; Verkhovna Rada resolution 807-IX).
     */
    FORMER_DISTRICT,
    /** The clearly best similar name within the region. */
    FUZZY,
    /** No rule found one place with confidence. */
    UNRESOLVED;

    /** How Data quality and the store write it: {@code former name}, {@code transliterated} … (at most 16 characters). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The method a {@link #label()} names; null for null (a row with no method).
     *
     * @throws IllegalArgumentException for a label no method has, naming it
     */
    public static MatchMethod ofLabel(String label) {
        if (label == null) {
            return null;
        }
        for (MatchMethod method : values()) {
            if (method.label().equals(label)) {
                return method;
            }
        }
        throw new IllegalArgumentException("no resolution method is called '" + label + "'");
    }
}
