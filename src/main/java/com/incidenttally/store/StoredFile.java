package com.incidenttally.store;

/**
 * An input file as the store knows it. {@code status} is LOADING, LOADED or REJECTED; {@code encoding}
 * and {@code delimiter} say how it was read (a workbook has no delimiter; a file not read has neither).
 */
public record StoredFile(long id, String path, String sha256, String status, String encoding, String delimiter,
                         long rowsRead, long rowsAccepted, long rowsRejected, String message) {

    public static final String LOADING = "LOADING";
    public static final String LOADED = "LOADED";
    public static final String REJECTED = "REJECTED";

    public boolean complete() {
        return LOADED.equals(status) || REJECTED.equals(status);
    }
}
