package com.incidenttally.places;

import java.nio.file.Path;

/** A user's aliases file that cannot be used; the message names the file, the line and the reason. */
public final class AliasFileException extends Exception {

    private static final long serialVersionUID = 1L;

    AliasFileException(Path file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
    }

    AliasFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
