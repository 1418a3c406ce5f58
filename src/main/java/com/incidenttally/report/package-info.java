/** Writes a run's report from {@link com.incidenttally.tally.ReportData}: labels shared by every output, rejected.csv,
 * and the output folder: what in it is the job's own, and the report folders published by link swap. */
package com.incidenttally.report;
