package com.incidenttally.job;

import com.incidenttally.ingest.InputFiles;
import com.incidenttally.store.StoredFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * No silent wipe: a sync that would remove more than half of the files the store holds (all of
 * them when the input folder is empty, as a share that is not mounted looks) is refused before
 * anything changes, unless the user says they mean it. A file renamed or moved (the same bytes under
 * another name) is not removed.
 */
final class RemovalGuard {

    private RemovalGuard() {
    }

    /** The one line that refuses the run, or empty when the sync may go on. */
    static Optional<String> refusal(Collection<StoredFile> stored, Path input, Path output, boolean accepted)
            throws IOException {
        if (accepted || stored.isEmpty()) {
            return Optional.empty();
        }
        Set<String> present = new HashSet<>();
        List<Path> files = InputFiles.scan(input, output).files();
        for (Path file : files) {
            present.add(InputFiles.relativeName(input, file));
        }
        long removed = stored.stream().filter(file -> !present.contains(file.path())).count();
        if (removed * 2 > stored.size()) {
            // Renamed or moved, not removed: a file the store does not know by its name, with a missing one's bytes
            // (a folder renamed from week/ to 2025-W49/). Hashed only here, when the run would otherwise stop.
            Set<String> known = new HashSet<>();
            stored.forEach(file -> known.add(file.path()));
            Set<String> elsewhere = new HashSet<>();
            for (Path file : files) {
                if (!known.contains(InputFiles.relativeName(input, file))) {
                    elsewhere.add(InputFiles.sha256(file));
                }
            }
            removed = stored.stream().filter(file -> !present.contains(file.path()) && !elsewhere.contains(file.sha256()))
                    .count();
        }
        if (removed * 2 <= stored.size()) {
            return Optional.empty();
        }
        String found = present.isEmpty() ? "it looks empty (a share that is not mounted, a wrong --input?)"
                : String.format(Locale.ROOT, "it holds %,d of them", stored.size() - removed);
        return Optional.of(String.format(Locale.ROOT, "the input folder %s would lose %,d of the %,d files the store"
                + " holds: %s. Nothing was changed and the report is kept. If the files were removed on purpose,"
                + " run again with --accept-removals", input, removed, stored.size(), found));
    }
}
