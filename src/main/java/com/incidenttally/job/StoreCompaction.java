package com.incidenttally.job;

import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoreSpace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The end of a run on an H2 store whose file is mostly space no row uses ({@link StoreSpace}): the
 * store is compacted, as its last use, and a line says so; the time is not in the run's "took".
 */
final class StoreCompaction {

    private StoreCompaction() {
    }

    /**
     * Compacts the store if it is worth it and returns the line that says what was done; empty when
     * the store is left alone. A compaction that fails is said too, and the run ends as it would
     * have: its report is written, and H2 leaves the old file whole.
     *
     * @param file the store's {@code .mv.db} file, to give its size after
     */
    static Optional<String> ifSparse(IncidentStore store, long minBytes, Optional<Path> file) {
        StoreSpace space;
        Instant start;
        try {
            Optional<StoreSpace> measured = store.space();
            if (measured.isEmpty() || !measured.get().worthCompacting(minBytes)) {
                return Optional.empty();
            }
            space = measured.get();
            start = Instant.now();
            store.compactAndClose();
        } catch (RuntimeException e) {
            return Optional.of("The store was not compacted (" + StoreUrl.masked(StoreProblem.rootMessage(e))
                    + "); it is left as it was");
        }
        String after = file.filter(Files::isRegularFile).map(f -> {
            try {
                return " to " + size(Files.size(f));
            } catch (IOException e) {
                return "";
            }
        }).orElse("");
        return Optional.of("Store compacted from " + size(space.fileBytes()) + after + " in "
                + ConsoleText.duration(Duration.between(start, Instant.now())) + " (data filled "
                + space.livePercent() + "% of it)");
    }

    static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%,d KB", (bytes + 500) / 1000)
                : String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
