package com.incidenttally.normalize;

import com.incidenttally.incident.Incident;
import com.incidenttally.incident.Rejection;

/** What became of one row: an incident or a rejection, never both. */
public record Normalized(Incident incident, Rejection rejection) {

    static Normalized accepted(Incident incident) {
        return new Normalized(incident, null);
    }

    static Normalized rejected(Rejection rejection) {
        return new Normalized(null, rejection);
    }

    public boolean isAccepted() {
        return incident != null;
    }
}
