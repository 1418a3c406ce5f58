/** Tallies of merged incidents over a period, and the read-only view the report is written from. */
package com.incidenttally.tally;
