/** Finds the input folder's CSV files and .xlsx workbooks (links not followed) and reads them: encoding, delimiter or sheets, header, rows with their line numbers. */
package com.incidenttally.ingest;
