package com.incidenttally.ingest;

/** A mapping file ({@code --columns}) that cannot be used, with the file and line at fault. */
public final class ColumnMappingException extends Exception {

    private static final long serialVersionUID = 1L;

    ColumnMappingException(String file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
