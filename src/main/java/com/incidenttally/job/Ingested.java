package com.incidenttally.job;

import com.incidenttally.ingest.RawRow;
import com.incidenttally.normalize.Normalized;

import java.util.List;

/** What flows through the ingest step: rows, and the end of each file. */
sealed interface Ingested {

    /**
     * A row as read, and once processed, what became of it.
     *
     * @param raw   the row as read; null once processed: a chunk's rows wait for their write without
     *              their fields, which the collector can then let go of at once
     * @param path  the input file the store knows, relative to the input folder
     * @param sheet the workbook sheet the row is on, or null for a CSV file
     */
    record Row(RawRow raw, Normalized normalized, String path, String sheet) implements Ingested {

        /** A row of a CSV file. */
        Row(RawRow raw, Normalized normalized) {
            this(raw, normalized, raw.file(), null);
        }

        Row processed(Normalized normalized) {
            return new Row(null, normalized, path, sheet);
        }
    }

    /**
     * The end of a file: read whole, or rejected whole with {@code failure} as the reason. Written
     * in the same transaction as the file's last rows, so the file counts whole or not at all.
     */
    record FileEnd(String path, String encoding, String delimiter, List<String> warnings, String failure)
            implements Ingested {
    }

    /**
     * The file changed while it was read: what was stored of it is forgotten, the store records
     * its new checksum, and it is read again from the top.
     */
    record FileRestart(String path, String sha256) implements Ingested {
    }
}
