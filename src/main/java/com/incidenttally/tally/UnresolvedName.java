package com.incidenttally.tally;

import java.util.List;

/**
 * A name as written that no rule resolved, with what it might mean: one line of
 * {@code unresolved-names.csv}, for the analyst to decide.
 *
 * @param kind       what the name is: {@code region} (rows rejected) or {@code district} (kept, marked unresolved)
 * @param input      the name as written
 * @param region     the region a district name was given in; null for a region's name
 * @param rows       rows that spelled it so
 * @param reason     why it stands here, as a person reads it
 * @param candidates places it might mean, best first, with their similarity in [0, 1]
 */
public record UnresolvedName(String kind, String input, String region, long rows, String reason,
                             List<Candidate> candidates) {

    /** A canonical name the analyst may choose, and how similar it is to the name as written. */
    public record Candidate(String name, double score) {
    }
}
