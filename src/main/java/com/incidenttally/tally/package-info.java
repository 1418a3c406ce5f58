/**
 * The domain of the report, in plain Java: the merge rule over the reports of one key or id
 * ({@code Merge}, {@code NightMerge}), the tallies over a stream of merged incidents, and the
 * read-only view the report is written from. Nothing here speaks SQL.
 */
package com.incidenttally.tally;
