/** Finds the input folder's CSV files (links not followed) and reads them: encoding, delimiter, header, rows with their line numbers. */
package com.incidenttally.ingest;
