package com.incidenttally.tally;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A folder of the merge's sorted runs, made inside {@code parent} (the output folder) on first use
 * under a name of its own, and removed with what is in it by {@link #close}: nothing else is ever
 * touched, since the folder is new and only the runs are written into it.
 */
public final class WorkFolder implements AutoCloseable {

    public static final String PREFIX = ".incident-tally-merge-";

    private final Path parent;
    private Path folder;

    /** @param parent where the folder goes; null: the system's temporary folder */
    public WorkFolder(Path parent) {
        this.parent = parent;
    }

    /** The folder, made now if it is not there yet. */
    public Path path() {
        if (folder == null) {
            try {
                folder = parent == null ? Files.createTempDirectory(PREFIX)
                        : Files.createTempDirectory(Files.createDirectories(parent), PREFIX);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the merge's work folder in " + parent + ": "
                        + e.getMessage(), e);
            }
        }
        return folder;
    }

    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> runs = Files.list(folder)) {
            for (Path run : (Iterable<Path>) runs::iterator) {
                Files.deleteIfExists(run);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the merge's work folder " + folder + ": " + e.getMessage(),
                    e);
        }
        folder = null;
    }
}
