/** Writes a run's report from {@link com.incidenttally.tally.ReportData}: labels shared by every output, and rejected.csv. */
package com.incidenttally.report;
