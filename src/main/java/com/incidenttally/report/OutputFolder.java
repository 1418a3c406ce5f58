package com.incidenttally.report;

import com.incidenttally.tally.WorkFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder reports go to, and what in it belongs to this job. The job writes and deletes only
 * what it can prove its own: a report folder holding the {@link #MARKER} file, the link
 * {@code <output>/<label>} that points at one, and — once, on the upgrade — a report folder an
 * earlier version wrote, known by its exact set of files. Anything else in the way is refused
 * before any work starts.
 */
public final class OutputFolder {

    /** The file that marks a report folder as this job's own: only marked folders are ever deleted. */
    static final String MARKER = ".incident-tally-report";
    static final String MARKER_TEXT = "incident-tally report folder: written by incident-tally, "
            + "replaced and deleted by it\n";

    /** Where POI's temporary files go inside a report folder while it is written. */
    static final String TEMP_FILES = ".temp";

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** A report folder of this version: {@code .<label>.report-<uuid>}, the target of the link. */
    private static final Pattern VERSION = Pattern.compile("\\.(.+)\\.report-" + UUID);
    /** A link being put in place: {@code .<label>.link-<uuid>}. */
    private static final Pattern NEW_LINK = Pattern.compile("\\.(.+)\\.link-" + UUID);
    /** What earlier versions named their staging and retired folders. */
    private static final Pattern EARLIER_LEFTOVER = Pattern.compile("\\.(.+)\\.(?:writing|old)-" + UUID);
    /** The charts the version before markers could write, the only names it put in charts/. */
    private static final Set<String> EARLIER_CHARTS = Set.of("incidents-by-night.png", "incidents-by-region.png",
            "top-districts.png", "region-night-heatmap.png", "weekly-trend.png");
    /** The names of every chart a report writes in its charts/ folder (a file of another name there is a person's). */
    public static final Set<String> CHART_FILES = Stream.concat(EARLIER_CHARTS.stream(),
            Stream.of("region-map.png", "region-change-map.png")).collect(Collectors.toUnmodifiableSet());

    // The files a report writes at the top of its folder, besides its workbook and charts/.
    public static final String SUMMARY_JSON = "summary.json";
    public static final String REJECTED_CSV = "rejected.csv";
    public static final String UNRESOLVED_NAMES_CSV = "unresolved-names.csv";
    public static final String INCIDENTS_CSV = "incidents.csv";

    /** The report's workbook, named by its label: {@code incident-report-2025-W50.xlsx}. */
    public static String workbook(String label) {
        return "incident-report-" + label + ".xlsx";
    }

    private OutputFolder() {
    }

    /**
     * What stops this run from writing {@code output/label}, as the one line a person reads, or
     * empty when nothing does. Creates the output folder if it is missing (the run would anyway),
     * and proves it writable by creating and deleting a file in it, so an unwritable folder is
     * refused here rather than after the whole ingest. Touches nothing else.
     */
    public static Optional<String> check(Path output, String label) {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return Optional.of("--output is a file, not a folder: " + output);
        }
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            return Optional.of("--output folder cannot be created: " + output + " (" + reason(e) + ")");
        }
        try {
            Path probe = Files.createTempFile(output, ".incident-tally-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return Optional.of("--output folder cannot be written: " + output + " (" + reason(e) + ")");
        }
        Occupant occupant = occupant(output, label);
        if (occupant.kind() == Kind.FOREIGN) {
            return Optional.of(output.resolve(label) + " is in the way: " + occupant.description()
                    + "; the job writes only into folders it made itself, so it leaves it alone and stops"
                    + " — move it away or choose another --output");
        }
        return Optional.empty();
    }

    /** What stands at {@code output/label}. */
    enum Kind {
        /** Nothing: the report can go there. */
        NOTHING,
        /** A link to one of this job's report folders (or to where one was). */
        OUR_LINK,
        /** A real folder this job wrote: marked, or an earlier version's complete report. */
        OUR_FOLDER,
        /** Anything else: a person's file, folder or link. */
        FOREIGN
    }

    record Occupant(Kind kind, String description) {
    }

    static Occupant occupant(Path output, String label) {
        Path target = output.resolve(label);
        if (Files.isSymbolicLink(target)) {
            Optional<String> version = linkTarget(target);
            if (version.isPresent() && label.equals(labelOf(VERSION, version.get()))) {
                return new Occupant(Kind.OUR_LINK, "a link to " + version.get());
            }
            return new Occupant(Kind.FOREIGN, "a link this job did not make");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Occupant(Kind.NOTHING, "nothing");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Occupant(Kind.FOREIGN, "a file this job did not write");
        }
        if (marked(target) || earlierReport(target, label, true)) {
            return new Occupant(Kind.OUR_FOLDER, "a report folder of this job");
        }
        return new Occupant(Kind.FOREIGN, "a folder this job did not write (" + someEntries(target) + ")");
    }

    /**
     * Whether {@code link} is a report link of this job: a link in the output folder, named by its
     * label, pointing at a marked report folder of that label beside it.
     */
    public static boolean isReportLink(Path link, Path output) {
        try {
            Path folder = link.toAbsolutePath().getParent();
            if (folder == null || output == null || !Files.isDirectory(output)
                    || !Files.isSameFile(folder, output)) {
                return false;
            }
            String label = link.getFileName().toString();
            return currentVersion(folder, label).filter(name -> marked(folder.resolve(name))).isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The report folder name the link {@code output/label} points at, if it is a link of ours. */
    static Optional<String> currentVersion(Path output, String label) {
        Path target = output.resolve(label);
        if (!Files.isSymbolicLink(target)) {
            return Optional.empty();
        }
        return linkTarget(target).filter(name -> label.equals(labelOf(VERSION, name)));
    }

    static String versionName(String label, java.util.UUID id) {
        return "." + label + ".report-" + id;
    }

    static String newLinkName(String label, java.util.UUID id) {
        return "." + label + ".link-" + id;
    }

    static String retiredName(String label, java.util.UUID id) {
        return "." + label + ".old-" + id;
    }

    /** The label of a report folder of this version, from its name; null if it is not one. */
    static String versionLabel(String name) {
        return labelOf(VERSION, name);
    }

    /** The label of a link left half-way by a killed run, from its name; null if it is not one. */
    static String newLinkLabel(String name) {
        return labelOf(NEW_LINK, name);
    }

    /** The label of an earlier version's staging or retired folder, from its name; null if it is not one. */
    static String earlierLeftoverLabel(String name) {
        return labelOf(EARLIER_LEFTOVER, name);
    }

    /** Whether the folder holds this job's marker: a plain file (not a link) with the marker's text. */
    static boolean marked(Path folder) {
        return WorkFolder.marked(folder, MARKER, MARKER_TEXT);
    }

    /**
     * Whether the folder is a report the version before markers wrote for {@code label}: nothing
     * in it but {@code incident-report-<label>.xlsx}, {@code summary.json}, {@code rejected.csv}
     * and {@code charts/} holding only the chart names it drew, no links. {@code whole}: all three
     * files must be there (a published report); otherwise any part of them (a run killed while
     * writing).
     */
    static boolean earlierReport(Path folder, String label, boolean whole) {
        Set<String> files = Set.of(workbook(label), SUMMARY_JSON, REJECTED_CSV);
        List<String> seen = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (files.contains(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    seen.add(name);
                } else if (!name.equals("charts") || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        || !onlyEarlierCharts(entry)) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return !whole || seen.containsAll(files);
    }

    private static boolean onlyEarlierCharts(Path charts) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(charts)) {
            for (Path entry : entries) {
                if (!EARLIER_CHARTS.contains(entry.getFileName().toString())
                        || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<String> linkTarget(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            // Ours point at a sibling by its bare name, never elsewhere.
            return target.getNameCount() == 1 && !target.isAbsolute()
                    ? Optional.of(target.toString()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String labelOf(Pattern pattern, String name) {
        Matcher m = pattern.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    private static String someEntries(Path folder) {
        List<String> names = new ArrayList<>();
        try (var entries = Files.list(folder)) {
            entries.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        } catch (IOException e) {
            return "it cannot be listed";
        }
        if (names.isEmpty()) {
            return "empty";
        }
        String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
        return "it holds " + shown + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder, and it cannot be made there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
