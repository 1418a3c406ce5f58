package com.incidenttally.ingest;

/** A file that cannot be read at all, with the reason, so it can be rejected whole. */
public final class FileRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    public FileRejectedException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
