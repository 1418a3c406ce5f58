/** Reads incident CSV files: encoding, delimiter, header, rows with their line numbers. */
package com.incidenttally.ingest;
