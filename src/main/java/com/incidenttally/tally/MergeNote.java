package com.incidenttally.tally;

import java.time.LocalDate;

/**
 * Several rows counted as one incident.
 *
 * @param rule      "incident_id", "same key, different sources" or "exact duplicate"
 * @param conflicts the fields on which the rows disagree, with their values; empty when none
 */
public record MergeNote(String incident, LocalDate night, String region, String district, String eventType,
                        String rule, int rows, String sources, String origins, String conflicts) {
}
