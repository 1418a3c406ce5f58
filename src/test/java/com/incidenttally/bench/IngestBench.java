package com.incidenttally.bench;

import com.incidenttally.ingest.FileRejectedException;
import com.incidenttally.ingest.IncidentRows;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.places.Gazetteer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times the ingest step's own part of a row (read, parse, normalize, resolve), with no store and
 * no Spring Batch: every file of an input folder through the readers and the normalizer the step
 * uses, in one thread, several times; prints rows per second of each round and the median. The
 * first round is the job's case (a fresh JVM, the gazetteer's caches empty) and is printed apart;
 * {@code RUNS} 0 times it alone. A benchmark, not a test.
 *
 * <pre>java -cp … com.incidenttally.bench.IngestBench INPUT_DIR [RUNS]</pre>
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws IOException, FileRejectedException {
        Path input = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Clock clock = Clock.fixed(Instant.parse("2026-01-31T12:00:00Z"), ZoneOffset.UTC);
        List<Path> files = InputFiles.find(input);
        long loading = System.nanoTime();
        Gazetteer.bundled();
        System.out.printf(Locale.ROOT, "gazetteer read and indexed in %.2f s%n", (System.nanoTime() - loading) / 1e9);
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            // A new normalizer each round, as each run of the job makes one: its caches start empty.
            IncidentNormalizer normalizer = new IncidentNormalizer(Gazetteer.bundled(),
                    new NightCalendar(NightWindow.DEFAULT), clock);
            long start = System.nanoTime();
            long rows = 0;
            long accepted = 0;
            for (Path file : files) {
                try (IncidentRows reader = IncidentRows.open(file, InputFiles.relativeName(input, file))) {
                    for (RawRow row = reader.read(); row != null; row = reader.read()) {
                        rows++;
                        if (normalizer.normalize(row).isAccepted()) {
                            accepted++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = rows / seconds;
            // The first round warms the JIT and the gazetteer's caches up: it is not in the median.
            if (run > 0) {
                rates.add(rate);
            }
            System.out.printf(Locale.ROOT, "run %d: %,d rows (%,d accepted) in %.2f s, %,.0f rows/s%s%n", run, rows,
                    accepted, seconds, rate, run == 0 ? " (cold: JIT warm-up, caches empty)" : "");
        }
        if (!rates.isEmpty()) {
            Collections.sort(rates);
            System.out.printf(Locale.ROOT, "median of %d: %,.0f rows/s%n", runs, rates.get(rates.size() / 2));
        }
    }
}
