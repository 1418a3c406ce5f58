package com.incidenttally.report.excel;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * A sheet written on a thread of its own beside the one the caller writes. Sheets of one workbook
 * share its names and styles, which {@link TableSheet} changes only when a sheet starts or ends, under
 * the workbook's lock; their rows go to files of their own.
 */
final class SheetBeside implements AutoCloseable {

    /** What the sheet's thread asks, between rows, to leave off when the caller failed. */
    static final class Stop {
        private volatile boolean asked;

        /** Throws when the caller left: nothing more goes into the workbook. */
        void check() {
            if (asked) {
                throw new Stopped();
            }
        }
    }

    /** The sheet's writing, left off on the caller's behalf. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("left off: the workbook failed", null, false, false);
        }
    }

    @FunctionalInterface
    interface Writing {
        void write(Stop stop) throws IOException;
    }

    private final Stop stop = new Stop();
    private final Thread thread;
    private volatile Throwable failed;
    private boolean joined;

    private SheetBeside(String name, Writing writing) {
        thread = new Thread(() -> {
            try {
                writing.write(stop);
            } catch (Stopped e) {
                // Asked for: the caller has its own failure to report.
            } catch (IOException | RuntimeException | Error e) {
                failed = e;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts writing the sheet on a new thread named {@code name}. */
    static SheetBeside start(String name, Writing writing) {
        SheetBeside beside = new SheetBeside(name, writing);
        beside.thread.start();
        return beside;
    }

    /** Waits for the sheet to be written; its failure is the caller's. */
    void finished() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a sheet was written");
        }
        joined = true;
        Throwable failure = failed;
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * Asks the sheet's thread to leave off, if it is still writing, and waits for it whatever happens:
     * the workbook is disposed of next, and nothing may write into it then.
     */
    @Override
    public void close() {
        if (joined) {
            return;
        }
        stop.asked = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        joined = true;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
