package com.incidenttally.job;

import com.incidenttally.places.Gazetteer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads the bundled gazetteer on a thread of its own while Spring starts, when the run is going to read
 * an input file: the first row waits for it otherwise. A run that reads nothing (an unchanged rerun) is
 * left alone, as the gazetteer would cost it CPU it does not need.
 *
 * <p>Whether a file will be read is guessed as the launcher guesses it for its JIT flags: an H2 file
 * store that is missing, or older than some file in the input folder (the store's file is written at
 * every run). Other stores are not guessed at: no file's age can be compared with theirs.
 * A wrong guess costs time only; a failure to load is left for ingest, which reports it.
 */
public final class GazetteerAhead {

    private GazetteerAhead() {
    }

    /** Starts the gazetteer's load when {@link #willRead} says the run reads a file; true if it did. */
    public static boolean startIfReading(Path input, String storeUrl) {
        if (!willRead(input, StoreUrl.h2File(storeUrl))) {
            return false;
        }
        Thread thread = new Thread(GazetteerAhead::load, "gazetteer ahead");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private static void load() {
        try {
            Gazetteer.bundledAndPrepared();
        } catch (RuntimeException | Error e) {
            // Ingest loads it again and says why it cannot.
        }
    }

    /**
     * Whether some file under {@code input} is newer than the store's file, or there is no store file
     * yet while the input holds a file. Empty {@code storeFile}: a store whose age cannot be told.
     */
    static boolean willRead(Path input, Optional<Path> storeFile) {
        if (storeFile.isEmpty() || !Files.isDirectory(input)) {
            return false;
        }
        FileTime stored;
        try {
            stored = Files.getLastModifiedTime(storeFile.get());
        } catch (IOException e) {
            stored = null; // no store yet: any file will be read
        }
        FileTime since = stored;
        try (Stream<Path> files = Files.find(input, Integer.MAX_VALUE,
                (path, attributes) -> attributes.isRegularFile() && newer(attributes, since))) {
            return files.findAny().isPresent();
        } catch (IOException | UncheckedIOException e) {
            return false; // the sync step reports a folder it cannot read
        }
    }

    private static boolean newer(BasicFileAttributes attributes, FileTime since) {
        return since == null || attributes.lastModifiedTime().compareTo(since) > 0;
    }
}
