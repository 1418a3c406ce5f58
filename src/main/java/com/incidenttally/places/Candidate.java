package com.incidenttally.places;

/**
 * A place a name as written might mean, for a person to choose from: never taken by the job itself.
 *
 * @param score similarity in [0, 1] of the name to the place's closest spelling
 */
public record Candidate<T>(T place, double score) {

    /**
     * From this score on, a first candidate is right at least 95% of the time on the labelled set (see
     * docs/places.md): one a user may accept blindly. Below it, a candidate is unsure.
     */
    public static final double SURE = 0.85;

    /** Whether the candidate is sure enough to be accepted without a look. */
    public boolean sure() {
        return score >= SURE;
    }
}
