/**
 * The vocabulary every stage shares: the normalized incident, the event types, a district that may be
 * unresolved (its key), a rejected row and why (a kind with parameters), and the text of a cell as the
 * input gave it. {@code normalize}, {@code tally} and {@code store} meet here rather than in each other.
 */
package com.incidenttally.incident;
