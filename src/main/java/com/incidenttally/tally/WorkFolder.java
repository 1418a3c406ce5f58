package com.incidenttally.tally;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of the merge's sorted runs and the report's spilled listings, made inside
 * {@code parent} (the output folder) on first use under a name of its own, and removed with what
 * is in it by {@link #close}: nothing else is ever touched, since the folder is new and only the
 * runs are written into it. A marker file in it, locked while the run lives, lets a later run tell
 * the folder of a killed run ({@link #removeIfAbandoned}) from one that is still in use.
 */
public final class WorkFolder implements AutoCloseable {

    public static final String PREFIX = ".incident-tally-merge-";
    /** The marker's name and exact text. */
    public static final String MARKER = ".incident-tally-work";
    static final String MARKER_TEXT = "incident-tally's work folder: removed when its run ends\n";
    /** The files a work folder holds besides its marker: run files, named as {@link RunFile} names them. */
    private static final Pattern RUN_FILE = Pattern.compile("(sorted|listing|run)-[0-9]+\\.bin");

    private final Path parent;
    private Path folder;
    /** The marker, open and locked (its lock held until the channel closes) while the folder is in use. */
    private FileChannel marker;

    /** @param parent where the folder goes; null: the system's temporary folder */
    public WorkFolder(Path parent) {
        this.parent = parent;
    }

    /** The folder, made now if it is not there yet; by whichever thread asks first. */
    public synchronized Path path() {
        if (folder == null) {
            try {
                folder = parent == null ? Files.createTempDirectory(PREFIX)
                        : Files.createTempDirectory(Files.createDirectories(parent), PREFIX);
                marker = FileChannel.open(folder.resolve(MARKER), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                marker.write(ByteBuffer.wrap(MARKER_TEXT.getBytes(StandardCharsets.UTF_8)));
                marker.tryLock();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the merge's work folder in " + parent + ": "
                        + e.getMessage(), e);
            }
        }
        return folder;
    }

    @Override
    public synchronized void close() {
        if (folder == null) {
            return;
        }
        try {
            if (marker != null) {
                // Closing the channel lets go of its lock.
                marker.close();
            }
            try (Stream<Path> runs = Files.list(folder)) {
                for (Path run : (Iterable<Path>) runs::iterator) {
                    Files.deleteIfExists(run);
                }
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the merge's work folder " + folder + ": " + e.getMessage(),
                    e);
        }
        folder = null;
        marker = null;
    }

    /**
     * Removes {@code folder} if it is the work folder of a run that ended without removing it (a
     * killed run): named as work folders are, a real folder, holding this job's marker, unlocked,
     * and nothing but run files. Anything else is left as it is. Whether it removed it.
     */
    public static boolean removeIfAbandoned(Path folder) throws IOException {
        if (!folder.getFileName().toString().startsWith(PREFIX) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path markerFile = folder.resolve(MARKER);
        if (!marked(folder, MARKER, MARKER_TEXT)) {
            return false;
        }
        List<Path> runs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equals(MARKER)) {
                    continue;
                }
                if (!RUN_FILE.matcher(entry.getFileName().toString()).matches()
                        || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
                runs.add(entry);
            }
        }
        try (FileChannel channel = FileChannel.open(markerFile, StandardOpenOption.WRITE);
             FileLock held = tryLock(channel)) {
            if (held == null) {
                // A live run's.
                return false;
            }
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
            Files.delete(markerFile);
        }
        Files.delete(folder);
        return true;
    }

    /**
     * Whether {@code folder} holds the marker {@code name} with exactly {@code text}: a plain file, not a
     * link. The job's report folders and work folders are marked so, and only marked folders are removed.
     */
    public static boolean marked(Path folder, String name, String text) {
        Path marker = folder.resolve(name);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(marker)) {
            return java.util.Arrays.equals(in.readNBytes(expected.length + 1), expected);
        } catch (IOException e) {
            return false;
        }
    }

    /** The channel's file locked, or null when a process holds a lock on it already: another, or this one. */
    public static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;  // this very process holds it
        }
    }
}
