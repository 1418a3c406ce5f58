package com.incidenttally.job;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * An option a person got wrong; its message is the line they see, and the exit code is 2. A
 * misspelt option also gets picocli's suggestions ("Possible solutions: --week") as a second line.
 */
public final class BadArgumentsException extends RuntimeException {

    private final String hint;

    public BadArgumentsException(String message) {
        this(message, null);
    }

    private BadArgumentsException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    static BadArgumentsException of(ParameterException e) {
        String hint = null;
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            StringWriter suggestions = new StringWriter();
            UnmatchedArgumentException.printSuggestions(unmatched, new PrintWriter(suggestions, true));
            hint = suggestions.toString().strip();
        }
        if (e.getCause() instanceof TypeConversionException conversion && e.getArgSpec() instanceof OptionSpec option) {
            // A value the option's own converter refused: the option and the reason, as the other checks say it.
            String reason = conversion.getMessage();
            return new BadArgumentsException(option.longestName() + (reason.startsWith(":") ? "" : " ") + reason);
        }
        return new BadArgumentsException(e.getMessage() + " (see --help)", hint);
    }

    /** The line under the message that says what was probably meant, or null when nothing is close. */
    public String hint() {
        return hint;
    }
}
