package com.incidenttally.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Compares two report folders of incident-tally, to show that a new version of the job writes the same
 * figures as the old one on the same input:
 * <pre>
 * java -Xmx1g -cp target/test-classes:target/classes:DEPENDENCIES com.incidenttally.bench.ReportDiff BEFORE AFTER
 * </pre>
 * (or {@code bench/compare.sh BEFORE AFTER}). Each folder is what a run writes under {@code reports/<label>/}.
 * Compared:
 * <ul>
 *   <li>the files in the folder by name (hidden files, such as the folder's marker, aside): one missing or
 *       added is a difference;</li>
 *   <li>{@code summary.json} as parsed JSON, every field ({@link JsonDiff});</li>
 *   <li>{@code rejected.csv} and {@code unresolved-names.csv} record by record ({@link CsvDiff});</li>
 *   <li>{@code incident-report-<label>.xlsx}: sheets and their order, every cell, merged regions, print
 *       areas and other defined names, but Run info and Summary's "Generated at" ({@link WorkbookDiff});</li>
 *   <li>{@code charts/}: the same PNG files with the same width and height in pixels (the pixels
 *       themselves may differ; how many files are the same bytes is said, not counted as a difference).</li>
 * </ul>
 * Each difference is printed with its file, where it is ({@code Incidents!C1234}, {@code /totals/incidents},
 * {@code record 7 (line 7) reason}), the value before and after; at most 50 per file, then a count. Exit code
 * 0 when the reports are the same, 1 when they differ (a file that cannot be read is a difference too),
 * 2 on bad usage. Memory stays small whatever the size of the report: the workbook and CSV files are
 * streamed; {@code summary.json} is as small as the number of regions, districts and nights.
 */
final class ReportDiff {

    private static final String USAGE = "usage: ReportDiff BEFORE_DIR AFTER_DIR (two report folders, such as "
            + "reports/all of two runs)";
    private static final String CHARTS = "charts";

    private final PrintStream out;
    private final Differences differences;
    private final List<String> compared = new ArrayList<>();

    private ReportDiff(PrintStream out) {
        this.out = out;
        this.differences = new Differences(out);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Compares the two folders named by {@code args}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println(USAGE);
            return 2;
        }
        Path before = Path.of(args[0]);
        Path after = Path.of(args[1]);
        for (Path folder : List.of(before, after)) {
            if (!Files.isDirectory(folder)) {
                err.println("ReportDiff: not a folder: " + folder);
                err.println(USAGE);
                return 2;
            }
        }
        ReportDiff diff = new ReportDiff(out);
        diff.compareFolders(before, after);
        diff.differences.printCounts();
        long total = diff.differences.total();
        if (total == 0) {
            out.println("Same report: " + String.join("; ", diff.compared));
            return 0;
        }
        out.println(total + (total == 1 ? " difference" : " differences") + " between " + before + " and " + after);
        return 1;
    }

    private void compareFolders(Path before, Path after) {
        TreeSet<String> names = new TreeSet<>(visibleNames(before));
        names.addAll(visibleNames(after));
        for (String name : names) {
            Path x = before.resolve(name);
            Path y = after.resolve(name);
            if (!Files.exists(x) || !Files.exists(y)) {
                differences.add(name, "the file", Files.exists(x) ? "present" : Differences.NONE,
                        Files.exists(y) ? "present" : Differences.NONE);
            } else if (name.equals(CHARTS)) {
                compareCharts(x, y);
            } else if (name.equals("summary.json")) {
                JsonDiff json = new JsonDiff(name, differences);
                compareFile(name, () -> json.compare(x, y));
                compared.add(name + " (" + counted(json.values(), "value") + ")");
            } else if (name.endsWith(".csv")) {
                CsvDiff csv = new CsvDiff(name, differences);
                compareFile(name, () -> csv.compare(x, y));
                compared.add(name + " (" + counted(csv.records(), "record") + ")");
            } else if (name.endsWith(".xlsx")) {
                WorkbookDiff workbook = new WorkbookDiff(name, differences);
                compareFile(name, () -> workbook.compare(x, y));
                compared.add(name + " (" + counted(workbook.cells(), "cell") + "; Run info and Generated at left out)");
            } else {
                differences.add(name, "the file", "present", "present, and ReportDiff does not know how to "
                        + "compare it");
            }
        }
    }

    /** {@code 1 record}, {@code 2 records}. */
    private static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private interface Comparison {
        void run() throws IOException;
    }

    /** A file that cannot be read or parsed on either side is a difference, not the end of the comparison. */
    private void compareFile(String name, Comparison comparison) {
        try {
            comparison.run();
        } catch (IOException | RuntimeException e) {
            differences.add(name, "the file", "readable", "cannot be compared: " + e.getMessage());
        }
    }

    private void compareCharts(Path before, Path after) {
        TreeSet<String> names = new TreeSet<>(visibleNames(before));
        names.addAll(visibleNames(after));
        int sameBytes = 0;
        for (String name : names) {
            String file = CHARTS + "/" + name;
            Path x = before.resolve(name);
            Path y = after.resolve(name);
            if (!Files.exists(x) || !Files.exists(y)) {
                differences.add(file, "the file", Files.exists(x) ? "present" : Differences.NONE,
                        Files.exists(y) ? "present" : Differences.NONE);
                continue;
            }
            String a = dimensions(x);
            String b = dimensions(y);
            if (!a.equals(b)) {
                differences.add(file, "width x height", a, b);
            }
            if (sameBytes(x, y)) {
                sameBytes++;
            }
        }
        // Not a difference, but worth knowing: the charts are drawn in a bundled font, pixel for pixel.
        compared.add(CHARTS + "/ (" + counted(names.size(), "file") + ", their names and pixel sizes; " + sameBytes
                + " of them the same bytes)");
    }

    private static boolean sameBytes(Path x, Path y) {
        try {
            return Files.mismatch(x, y) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code 1600x900}, read from the image's header without decoding its pixels. */
    private static String dimensions(Path image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return "not an image";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getFormatName().toLowerCase() + " " + reader.getWidth(0) + "x" + reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    /** The names in a folder, hidden ones (the report folder's marker) left out. */
    private List<String> visibleNames(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .toList();
        } catch (IOException e) {
            differences.add(folder.getFileName().toString(), "the folder", "readable", "cannot be listed: "
                    + e.getMessage());
            return List.of();
        }
    }
}
