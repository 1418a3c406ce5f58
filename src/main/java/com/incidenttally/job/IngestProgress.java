package com.incidenttally.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a person watching a long ingest how far it got and how fast it goes. */
final class IngestProgress {

    private static final Logger log = LoggerFactory.getLogger("incident-tally");
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final long started = System.nanoTime();
    private long lastReport = started;
    private long rows;

    void startFile(int index, int count, String name) {
        log.info("Reading file {}/{}: {}", index + 1, count, ConsoleText.line(name));
    }

    void row() {
        rows++;
        if ((rows & 0x3FF) == 0) {
            long now = System.nanoTime();
            if (now - lastReport >= EVERY_NANOS) {
                lastReport = now;
                double seconds = (now - started) / 1e9;
                log.info("  {} rows read, {} rows/s", String.format("%,d", rows), String.format("%,.0f", rows / seconds));
            }
        }
    }

    long rows() {
        return rows;
    }
}
