package com.incidenttally.places;

/**
 * The outcome of resolving one name as written.
 *
 * @param input  the name as written
 * @param place  the place it resolved to, {@code null} when unresolved
 * @param method how it resolved
 * @param score  similarity in [0, 1]: 1 for alias, exact, transliterated and former-name matches, 0 when unresolved
 * @param note   why a known name was left unresolved ("names several regions: Donetsk Oblast, Luhansk Oblast"),
 *               or what a resolution means ("Moscow and Moscow Oblast together, counted under Moscow Oblast");
 *               {@code null} when there is nothing to say
 */
public record PlaceMatch<T>(String input, T place, MatchMethod method, double score, String note) {

    public PlaceMatch(String input, T place, MatchMethod method, double score) {
        this(input, place, method, score, null);
    }

    public boolean resolved() {
        return place != null;
    }

    static <T> PlaceMatch<T> unresolved(String input) {
        return new PlaceMatch<>(input, null, MatchMethod.UNRESOLVED, 0.0, null);
    }

    static <T> PlaceMatch<T> unresolved(String input, String reason) {
        return new PlaceMatch<>(input, null, MatchMethod.UNRESOLVED, 0.0, reason);
    }
}
