package com.incidenttally.report;

import com.incidenttally.tally.WorkFolder;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a report: a marked folder {@code <output>/.<label>.report-<uuid>/} written in
 * full, then published by pointing the link {@code <output>/<label>} at it. The link is replaced
 * by rename(2) of a new link, one atomic step: a reader sees the old report or the new one, and
 * there is never a moment without one. The folder replaced stays, hidden, until the next run
 * removes it, so a reader who has just found it through the link is not cut off.
 *
 * <p>While a version is written its marker is locked; a run killed mid-way leaves it unlocked,
 * and the next run deletes it. POI's temporary files go inside the version (see
 * {@link #write}), so they go with it too.
 */
public final class ReportFolder {

    /**
     * What {@link #removeLeftovers} deleted: {@code whole}, a report folder written in full (one a later report
     * replaced), else what a run left when it was stopped part-way.
     */
    public record Removed(Path path, boolean whole, List<String> kept) {

        public Removed(Path path, boolean whole) {
            this(path, whole, List.of());
        }
    }

    /** What writes the report's files into the folder given. */
    @FunctionalInterface
    public interface Writing {
        void write(Path folder) throws Exception;
    }

    private final Path output;
    private final String label;
    private final Path version;
    private final FileChannel marker;

    private ReportFolder(Path output, String label, Path version, FileChannel marker) {
        this.output = output;
        this.label = label;
        this.version = version;
        this.marker = marker;
    }

    /** Creates a new, empty, marked report folder for {@code outputDir/label}, locked while it is written. */
    public static ReportFolder stage(Path outputDir, String label) throws IOException {
        Files.createDirectories(outputDir);
        Path version = Files.createDirectory(outputDir.resolve(OutputFolder.versionName(label, UUID.randomUUID())));
        FileChannel marker = FileChannel.open(version.resolve(OutputFolder.MARKER),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            marker.lock();
            marker.write(ByteBuffer.wrap(OutputFolder.MARKER_TEXT.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            marker.close();
            deleteTree(version);
            throw e;
        }
        return new ReportFolder(outputDir, label, version, marker);
    }

    /** Where to write the report's files until it is published. */
    public Path staging() {
        return version;
    }

    /** Where readers find the report: the link, once published. */
    public Path target() {
        return output.resolve(label);
    }

    /**
     * Runs the writing with POI's temporary files (SXSSF's sheet files, hundreds of MB for a big
     * report) in this folder rather than in a {@code poifiles} folder shared by every user of the
     * machine, so a killed run leaves them where its next run cleans up. POI's thread-local
     * strategy is set for this thread only and restored after.
     */
    public void write(Writing writing) throws Exception {
        Path temp = Files.createDirectories(version.resolve(OutputFolder.TEMP_FILES));
        Exception[] failure = new Exception[1];
        TempFile.withStrategy(new DefaultTempFileCreationStrategy(temp.toFile()), () -> {
            try {
                writing.write(version);
            } catch (Exception e) {
                failure[0] = e;
            }
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        deleteTree(temp);
    }

    /**
     * Points {@code <output>/<label>} at this report, replacing the link to the previous one in one
     * rename. Refuses, touching nothing, if what stands at {@code <output>/<label>} is no longer
     * this job's (it appeared during the run). The previous report folder is left for the next
     * run's {@link #removeLeftovers}.
     */
    public void publish() throws IOException {
        Path target = target();
        OutputFolder.Occupant occupant = OutputFolder.occupant(output, label);
        switch (occupant.kind()) {
            case FOREIGN -> throw new IOException(target + " appeared during the run and is not this job's ("
                    + occupant.description() + "): it is left as it is and the report was not published;"
                    + " move it away and run again");
            case OUR_FOLDER ->
                // A real folder (an earlier version's report) cannot be swapped for a link in one step:
                // it is moved aside first, the one moment without a report, once, on the upgrade.
                Files.move(target, output.resolve(OutputFolder.retiredName(label, UUID.randomUUID())),
                        StandardCopyOption.ATOMIC_MOVE);
            case OUR_LINK, NOTHING -> {
            }
        }
        Path link = output.resolve(OutputFolder.newLinkName(label, UUID.randomUUID()));
        Files.createSymbolicLink(link, version.getFileName());
        try {
            // rename(2) replaces the old link with the new one; a folder or file there would make it
            // fail (a folder) or be replaced (a file), which is why the occupant was checked above.
            Files.move(link, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(link);
            throw e;
        }
        marker.close();
    }

    /** Removes the folder of a report that failed half-way. */
    public void discard() {
        try {
            marker.close();
            deleteTree(version);
        } catch (IOException ignored) {
            // It stays marked and unlocked: the next run removes it.
        }
    }

    /**
     * Deletes what earlier runs left in the output folder and can be proved this job's: report
     * folders that are marked, not locked by a live run and not the one a link points at (replaced
     * reports, and those of runs killed while writing); links a
     * run was about to rename into place; an earlier version's staging and retired folders (known
     * by their names and exact files); and the merge's work folders of killed runs (marked, not
     * locked, holding only run files). Nothing else is touched. Returns what was deleted.
     */
    public static List<Removed> removeLeftovers(Path outputDir) throws IOException {
        List<Removed> removed = new ArrayList<>();
        if (!Files.isDirectory(outputDir)) {
            return removed;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(outputDir, ".*")) {
            stream.forEach(entries::add);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String versionLabel = OutputFolder.versionLabel(name);
            String linkLabel = OutputFolder.newLinkLabel(name);
            String earlierLabel = OutputFolder.earlierLeftoverLabel(name);
            if (versionLabel != null && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                // Written in full (files in it, POI's temporary folder gone): a report a later run replaced,
                // or, rarely, one whose run was killed between writing and publishing it.
                boolean whole = written(entry);
                List<String> kept = removeAbandonedVersion(outputDir, entry, versionLabel, whole);
                if (kept != null) {
                    removed.add(new Removed(entry, whole, kept));
                }
            } else if (linkLabel != null && Files.isSymbolicLink(entry)
                    && OutputFolder.versionLabel(Files.readSymbolicLink(entry).toString()) != null) {
                Files.delete(entry);
                removed.add(new Removed(entry, false));
            } else if (earlierLabel != null && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                    && ours(entry, earlierLabel)) {
                deleteTree(entry);
                removed.add(new Removed(entry, false));
            } else if (name.startsWith(WorkFolder.PREFIX) && WorkFolder.removeIfAbandoned(entry)) {
                removed.add(new Removed(entry, false));
            }
        }
        return removed;
    }

    /**
     * Deletes a version no link shows and no live run writes. A report that was published may hold files a person
     * put in it through the link: those are kept, with the folder, and only the report's own files go (its marker
     * last, so no later run touches the folder again). Returns the names kept, or null when nothing was deleted.
     */
    private static List<String> removeAbandonedVersion(Path outputDir, Path version, String label, boolean published)
            throws IOException {
        if (!OutputFolder.marked(version) || isCurrent(outputDir, version, label)) {
            return null;
        }
        List<Path> theirs;
        try (FileChannel marker = FileChannel.open(version.resolve(OutputFolder.MARKER), StandardOpenOption.WRITE);
             FileLock lock = WorkFolder.tryLock(marker)) {
            // Locked: a live run is writing it. Checked again under the lock: that run may have
            // published it and let go of it since.
            if (lock == null || isCurrent(outputDir, version, label)) {
                return null;
            }
            theirs = published ? foreignFiles(version, label) : List.of();
            if (theirs.isEmpty()) {
                deleteTree(version);
                return List.of();
            }
            for (Path own : reportFiles(version, label)) {
                Files.deleteIfExists(own);
            }
            Path charts = version.resolve(CHARTS);
            if (Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(charts)) {
                    if (!left.iterator().hasNext()) {
                        Files.delete(charts);
                    }
                }
            }
        } catch (IOException e) {
            // Not ours to decide (cannot open its marker for writing): left alone.
            return null;
        }
        Files.deleteIfExists(version.resolve(OutputFolder.MARKER));
        return theirs.stream().map(path -> version.relativize(path).toString()).sorted().toList();
    }

    /** The folder of the report's charts. */
    private static final String CHARTS = "charts";

    /** Whether a file in a report's folder is one the job writes there. */
    private static boolean isReportFile(Path version, Path file, String label) {
        Path relative = version.relativize(file);
        String name = relative.getFileName().toString();
        if (relative.getNameCount() == 1) {
            return name.equals(OutputFolder.MARKER) || name.equals(ReportFingerprint.FILE)
                    || name.equals(OutputFolder.workbook(label)) || name.equals(OutputFolder.SUMMARY_JSON)
                    || name.equals(OutputFolder.REJECTED_CSV) || name.equals(OutputFolder.UNRESOLVED_NAMES_CSV)
                    || name.equals(OutputFolder.INCIDENTS_CSV);
        }
        return relative.getNameCount() == 2 && relative.getName(0).toString().equals(CHARTS)
                && OutputFolder.CHART_FILES.contains(name);
    }

    /** The regular files of a report's folder the job wrote there. */
    private static List<Path> reportFiles(Path version, String label) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(version)) {
            walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && isReportFile(version, path, label))
                    .forEach(files::add);
        }
        return files;
    }

    /** Everything in a report's folder the job did not write there: a person's notes, a copy, a folder of theirs. */
    private static List<Path> foreignFiles(Path version, String label) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(version)) {
            walk.filter(path -> !path.equals(version) && !(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                            && version.relativize(path).toString().equals(CHARTS))
                            && !(Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && isReportFile(version, path, label)))
                    .forEach(files::add);
        }
        return files;
    }

    /** Whether {@link #write} ended in this folder: it holds files besides its marker, and no temporary folder. */
    private static boolean written(Path version) throws IOException {
        if (Files.exists(version.resolve(OutputFolder.TEMP_FILES), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(version)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(OutputFolder.MARKER)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCurrent(Path outputDir, Path version, String label) {
        Optional<String> current = OutputFolder.currentVersion(outputDir, label);
        return current.isPresent() && current.get().equals(version.getFileName().toString());
    }

    private static boolean ours(Path folder, String label) {
        return OutputFolder.marked(folder) || OutputFolder.earlierReport(folder, label, false);
    }

    /** Deletes a folder of ours and everything in it; links inside are removed, never followed. */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
