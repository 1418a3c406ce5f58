package com.incidenttally.tally;

import com.incidenttally.incident.Reason;

/**
 * A row (or a whole file, with line 0) that was not accepted, and why.
 *
 * @param column the input column at fault, "(row)" when the row as a whole is, "(file)" for a file rejected whole
 * @param reason why, as a kind with parameters: each report says it in its language
 * @param raw    the row as it stood in the file
 */
public record Rejection(String file, long line, String column, String value, Reason reason, String raw) {
}
