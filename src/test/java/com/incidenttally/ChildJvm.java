package com.incidenttally;

import java.nio.file.Path;
import java.util.List;

/**
 * How the tests start the job as a JVM of its own (to kill it, to run two at once, to give it another heap,
 * environment or font set): with the flags bin/incident-tally gives a week's input. Each such child reads a
 * small input and lives seconds, so the quick compiler alone and the serial collector cost it less than they
 * would a long run. What a child proves is its heap, its signals or its environment, never the compiler.
 */
public final class ChildJvm {

    /** The JVM options every child gets, after the {@code java} command and before the test's own. */
    public static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJvm() {
    }

    /** The {@code java} of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
