package com.incidenttally.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a person watching a long ingest how far it got and how fast it goes. Shared by the
 * ingest step's partitions, which read their files at the same time: the rows are counted over
 * all of them, and each file is announced in the order of the run's queue, whatever partition
 * starts it first, so the lines read the same on every run of the same input.
 */
final class IngestProgress {

    private static final Logger log = LoggerFactory.getLogger("incident-tally");
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final long started = System.nanoTime();
    private final AtomicLong lastReport = new AtomicLong(started);
    private final AtomicLong rows = new AtomicLong();
    /** The run's queue, in the order its files are announced; empty when a reader numbers its own. */
    private final List<String> order;
    private final Map<String, Integer> position = new HashMap<>();
    /** Guarded by this: which files of the queue began, and how many of them were announced. */
    private final boolean[] begun;
    private int announced;

    /** Progress of one reader that numbers its files itself. */
    IngestProgress() {
        this(List.of());
    }

    /** Progress of the readers that share this queue between them. */
    IngestProgress(List<String> queue) {
        this.order = List.copyOf(queue);
        for (int i = 0; i < order.size(); i++) {
            position.putIfAbsent(order.get(i), i);
        }
        this.begun = new boolean[order.size()];
    }

    /**
     * A reader begins a file: the {@code index}-th of the {@code count} it reads. A file of the
     * shared queue is announced once every file before it in the queue began (a file read again
     * from the top, at once).
     */
    synchronized void startFile(int index, int count, String name) {
        Integer at = position.get(name);
        if (at == null) {
            announce(index, count, name);
            return;
        }
        if (begun[at]) {
            announce(at, order.size(), name);
            return;
        }
        begun[at] = true;
        while (announced < order.size() && begun[announced]) {
            announce(announced, order.size(), order.get(announced));
            announced++;
        }
    }

    /** The step ends: files that began after one that never did (its partition failed) are said now. */
    synchronized void finish() {
        for (; announced < order.size(); announced++) {
            if (begun[announced]) {
                announce(announced, order.size(), order.get(announced));
            }
        }
    }

    private static void announce(int index, int count, String name) {
        log.info("Reading file {}/{}: {}", index + 1, count, ConsoleText.line(name));
    }

    void row() {
        long read = rows.incrementAndGet();
        if ((read & 0x3FF) == 0) {
            long now = System.nanoTime();
            long last = lastReport.get();
            if (now - last >= EVERY_NANOS && lastReport.compareAndSet(last, now)) {
                double seconds = (now - started) / 1e9;
                log.info("  {} rows read, {} rows/s", String.format("%,d", read), String.format("%,.0f", read / seconds));
            }
        }
    }

    long rows() {
        return rows.get();
    }
}
