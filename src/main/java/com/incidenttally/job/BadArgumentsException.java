package com.incidenttally.job;

/** An option a person got wrong; its message is the one line they see, and the exit code is 2. */
public final class BadArgumentsException extends RuntimeException {

    public BadArgumentsException(String message) {
        super(message);
    }
}
