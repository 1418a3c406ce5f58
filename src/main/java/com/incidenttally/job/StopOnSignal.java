package com.incidenttally.job;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A run stopped by a signal (SIGTERM from systemd or {@code timeout}, Ctrl-C) ends with one line,
 * not with the errors of a job whose database closes under it: what it committed stays, and the
 * next run resumes from there. The JVM exits with 128 + the signal's number (143 for SIGTERM).
 */
public final class StopOnSignal implements AutoCloseable {

    static final String LINE = "incident-tally: stopped; run it again to resume";
    /** How long the store may take to close before the JVM ends all the same. */
    private static final long CLOSE_SECONDS = 5;

    private final Thread hook;
    private volatile boolean finished;

    private StopOnSignal(Runnable closeStore) {
        this.hook = new Thread(() -> stop(closeStore), "stop-on-signal");
    }

    /** Until {@link #close()}, a shutdown of the JVM means the run was stopped from outside. */
    public static StopOnSignal install(Runnable closeStore) {
        StopOnSignal stop = new StopOnSignal(closeStore);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    private void stop(Runnable closeStore) {
        if (finished) {
            return;
        }
        PrintStream console = System.err;
        // The job's thread goes on until the JVM ends and fails as its store closes: nothing it says
        // now is news to the person who stopped it.
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(silent);
        System.setErr(silent);
        // Dated like every console line, so an appended log says when the run was stopped.
        console.println(ConsoleText.stamped(ConsoleText.line(LINE), java.time.ZonedDateTime.now()));
        console.flush();
        Thread closing = new Thread(() -> {
            try {
                closeStore.run();
            } catch (RuntimeException e) {
                // The store is crash-safe: what was committed stays, the rest is read again.
            }
        }, "close-store");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(TimeUnit.SECONDS.toMillis(CLOSE_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run ended by itself: a later shutdown is the ordinary exit. */
    @Override
    public void close() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down.
        }
    }
}
