/**
 * The domain of the report, in plain Java: the merge rule over the reports of one key or id
 * ({@code Merge}, {@code NightMerge}), the tallies over a stream of merged incidents, the sweep
 * that makes a period's report ({@code PeriodSweep}) from a {@code ReportSource}, and the finished
 * report the writers read ({@code PeriodReport}). Nothing here speaks SQL or imports {@code store}
 * or {@code report}.
 */
package com.incidenttally.tally;
