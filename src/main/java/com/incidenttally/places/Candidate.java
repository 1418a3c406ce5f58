package com.incidenttally.places;

/**
 * A place a name as written might mean, for a person to choose from: never taken by the job itself.
 *
 * @param score similarity in [0, 1] of the name to the place's closest spelling
 */
public record Candidate<T>(T place, double score) {
}
