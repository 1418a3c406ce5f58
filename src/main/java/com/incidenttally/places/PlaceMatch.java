package com.incidenttally.places;

/**
 * The outcome of resolving one name as written.
 *
 * @param input  the name as written
 * @param place  the place it resolved to, {@code null} when unresolved
 * @param method how it resolved
 * @param score  similarity in [0, 1]: 1 for alias, exact and transliterated matches, 0 when unresolved
 */
public record PlaceMatch<T>(String input, T place, MatchMethod method, double score) {

    public boolean resolved() {
        return place != null;
    }

    static <T> PlaceMatch<T> unresolved(String input) {
        return new PlaceMatch<>(input, null, MatchMethod.UNRESOLVED, 0.0);
    }
}
