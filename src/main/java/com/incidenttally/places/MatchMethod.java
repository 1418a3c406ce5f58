package com.incidenttally.places;

/** How a name as written was resolved, in the order the rules are tried. */
public enum MatchMethod {
    /** A user's own spelling from the {@code --aliases} file. */
    ALIAS,
    /** A bundled name or alias, after folding case, punctuation, ё and words like "oblast". */
    EXACT,
    /** Cyrillic transliterated to Latin, or Latin spellings folded (kh/h, -sky/-skoye, …). */
    TRANSLITERATED,
    /** The clearly best similar name within the region. */
    FUZZY,
    /** No rule found one place with confidence. */
    UNRESOLVED
}
