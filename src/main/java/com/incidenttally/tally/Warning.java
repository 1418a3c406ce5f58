package com.incidenttally.tally;

/** Something a person should know about the input that did not reject a row. */
public record Warning(String file, String message) {
}
