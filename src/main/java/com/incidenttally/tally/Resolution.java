package com.incidenttally.tally;

import com.incidenttally.places.MatchMethod;

/**
 * How a place name as written was resolved, for every resolution that was not an exact match.
 *
 * @param kind   "region" or "district"
 * @param method how it resolved: alias, transliterated, fuzzy, unresolved …; null when the store kept none
 * @param score  similarity in [0, 1]; 1 for alias and transliterated matches
 * @param rows   how many rows spelled it this way
 */
public record Resolution(String kind, String region, String input, String canonical, MatchMethod method, double score,
                         long rows) {
}
