package com.incidenttally.job;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.incidenttally.ChildJvm;
import com.incidenttally.IncidentTallyApplication;

import com.incidenttally.ConsoleLines;
import com.incidenttally.ConsoleLines.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile user or a careless operator does to a weekly run (issue 17): each scenario runs
 * the real job in this JVM on real files and reopens what it wrote.
 */
class HostileWorldTests {

    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    static Run run(String... args) {
        return ConsoleLines.run(args);
    }

    static String[] args(Path input, Path output, Path store, String... more) {
        List<String> all = new ArrayList<>(List.of("--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents")));
        all.addAll(List.of(more));
        if (all.stream().noneMatch(arg -> arg.startsWith("--now="))) {
            all.add(NOW);
        }
        return all.toArray(String[]::new);
    }

    static JsonNode summary(Path report) throws Exception {
        return new ObjectMapper().readTree(report.resolve("summary.json").toFile());
    }

    static long incidents(Path report) throws Exception {
        return summary(report).get("totals").get("incidents").asLong();
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aFolderDeeperThanTheSystemCanOpenIsRejectedWholeAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        String rows = "occurred_at,region,event_type,source\n2025-12-07 23:50,Smolensk region,shot_down,Governor\n";
        Files.writeString(input.resolve("night.csv"), rows);
        // Folders of 250 bytes, 18 deep: more than the 4,096 bytes a path may have, so made one at a time from the
        // folder before, as a person or an unzip does; the job cannot open the deepest by its path.
        String name = "d".repeat(250);
        ProcessBuilder deepFolders = new ProcessBuilder("sh", "-c", "for i in $(seq 18); do mkdir " + name + " && cd -P "
                + name + " || exit 1; done; printf '%s' \"$ROWS\" > deep.csv").directory(input.toFile()).inheritIO();
        deepFolders.environment().put("ROWS", rows);
        Process deep = deepFolders.start();
        try {
            assertThat(deep.waitFor()).isZero();
            for (int attempt = 0; attempt < 2; attempt++) {
                Run run = run(args(input, dir.resolve("out"), dir.resolve("store")));

                assertThat(run.code()).as(run.output()).isEqualTo(4);
                assertThat(run.output()).contains("cannot be read: File name too long").doesNotContain("FAILED");
                assertThat(incidents(dir.resolve("out/all"))).isEqualTo(1);
                assertThat(Files.readString(dir.resolve("out/all/rejected.csv")))
                        .contains(",0,(file),,file rejected: cannot be read: File name too long");
            }
        } finally {
            // Nor can JUnit delete it by its path: rm walks down from the folder.
            new ProcessBuilder("rm", "-rf", name).directory(input.toFile()).inheritIO().start().waitFor();
        }
    }

    @Test
    void anotherStoresReportInTheOutputFolderIsReplacedByThisStoresOwn(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("reports");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("one.csv"), "occurred_at,region,event_type,source\n"
                + "2025-12-07 23:50,Smolensk region,shot_down,Governor\n");
        String[] storeA = args(Path.of("input"), output, dir.resolve("store-a"));
        String[] storeB = args(other, output, dir.resolve("store-b"));

        assertThat(run(storeA).code()).isZero();
        assertThat(incidents(output.resolve("all"))).isEqualTo(7);
        assertThat(run(storeB).code()).isZero();
        assertThat(incidents(output.resolve("all"))).isEqualTo(1);

        Run again = run(storeA);

        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("Report unchanged").contains("7 incidents");
        assertThat(incidents(output.resolve("all"))).isEqualTo(7);
        // With nothing changed since, the report is kept: the shortcut still works for its own report.
        assertThat(run(storeA).output()).contains("Report unchanged since the last run").contains("7 incidents");
    }

    @Test
    void aReportSwappedBehindTheJobsBackIsWrittenAgain(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("reports");
        String[] store = args(Path.of("input"), output, dir.resolve("store"));
        assertThat(run(store).code()).isZero();
        Path published = output.resolve(Files.readSymbolicLink(output.resolve("all")));
        // Someone edits the published figures by hand.
        Files.writeString(published.resolve("summary.json"), "{\"totals\":{\"incidents\":99}}");
        Files.deleteIfExists(published.resolve(com.incidenttally.report.ReportFingerprint.FILE));

        Run again = run(store);

        assertThat(again.output()).doesNotContain("Report unchanged");
        assertThat(incidents(output.resolve("all"))).isEqualTo(7);
    }

    @Test
    void valuesAndPathsPastEveryColumnsLimitGiveAReport(@TempDir Path dir) throws Exception {
        // Ten folders of 120 Cyrillic letters (240 bytes each, under the 255 a name may have): a path
        // inside the input of over 1,200 characters, well under the 4,096 bytes Linux allows.
        Path folder = dir.resolve("input");
        for (int i = 0; i < 10; i++) {
            folder = folder.resolve(String.valueOf((char) ('а' + i)).repeat(120));
        }
        Files.createDirectories(folder);
        String emojiDistrict = "\uD83D\uDE80".repeat(700);
        String longRegion = "Ростовская область" + " и ещё".repeat(7_000);
        Files.writeString(folder.resolve("отчёт.csv"), "occurred_at,region,district,event_type,source,notes\n"
                + "2025-12-07 23:50,Rostov region,\"" + emojiDistrict + "\",shot_down,Governor,emoji\n"
                + "2025-12-07 23:55,\"" + longRegion + "\",,debris,News,long region\n"
                + "2025-12-07 23:58,Smolensk region,,shot_down,\"" + "S\uD83D\uDE80".repeat(600) + "\",long source\n");
        List<String> zones = new ArrayList<>();
        com.incidenttally.places.Gazetteer.bundled().regions().stream()
                .filter(region -> !region.isSea()).limit(50)
                .forEach(region -> zones.add("--zone=" + region.isoCode() + "=" + region.zone().getId()));

        Run result = run(args(dir.resolve("input"), dir.resolve("reports"), dir.resolve("store"),
                zones.toArray(String[]::new)));

        assertThat(result.code()).as(result.output()).isZero();
        JsonNode summary = summary(dir.resolve("reports/all"));
        List<String> districts = new ArrayList<>();
        summary.get("by_district").forEach(row -> districts.add(row.get("district").asString()));
        String district = districts.stream().filter(name -> name.startsWith("\uD83D")).findFirst().orElseThrow();
        assertThat(district).contains(" … [cut: 700 characters]");
        assertThat(Character.isHighSurrogate(district.charAt(district.indexOf(" … [cut:") - 1))).isFalse();
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(3);
        try (var workbook = IncidentReportJobContract.open(dir.resolve("reports/all/incident-report-all.xlsx"))) {
            var files = workbook.getSheet("Run info");
            boolean listed = false;
            for (var row : files) {
                for (var cell : row) {
                    listed |= cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().endsWith("/отчёт.csv") && cell.getStringCellValue().length() > 1_200;
                }
            }
            assertThat(listed).as("the file listed under its full path in Run info").isTrue();
        }
        // The same run again changes nothing: the settings of 50 zones are recognised as the same.
        Run again = run(args(dir.resolve("input"), dir.resolve("reports"), dir.resolve("store"),
                zones.toArray(String[]::new)));
        assertThat(again.output()).contains("0 to load, 1 unchanged").contains("Report unchanged since the last run");
    }

    @Test
    void anInputFolderPathTheRunHistoryCannotKeepIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        // 2,520 characters and bytes: a path Linux takes (up to 4,096 bytes).
        Path folder = dir.resolve("input");
        for (int i = 0; i < 21; i++) {
            folder = folder.resolve(String.valueOf((char) ('a' + i)).repeat(119));
        }
        Files.createDirectories(folder);
        ChildRun.writeInput(folder, 1, 10);

        Run result = run(args(folder, dir.resolve("reports"), dir.resolve("store")));

        assertThat(result.code()).as(result.output()).isEqualTo(2);
        assertThat(result.output().strip()).startsWith("incident-tally: the --input folder's path is ")
                .contains("characters long; the run history keeps at most 2,500").doesNotContain("\n");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void anInputFolderThatLooksEmptyStopsTheSyncBeforeItRemovesAnything(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("share");
        ChildRun.writeInput(input, 3, 20);
        Path output = dir.resolve("reports");
        assertThat(run(args(input, output, dir.resolve("store"))).code()).isZero();
        String report = Files.readString(output.resolve("all/summary.json"));
        // The share is not mounted at run time: the folder is there, empty.
        Path away = Files.move(input, dir.resolve("away"));
        Files.createDirectories(input);

        Run empty = run(args(input, output, dir.resolve("store")));

        assertThat(empty.code()).as(empty.output()).isEqualTo(4);
        assertThat(empty.output().strip()).isEqualTo("incident-tally: the input folder " + input.toAbsolutePath()
                + " would lose 3 of the 3 files the store holds: it looks empty (a share that is not mounted, a wrong"
                + " --input?). Nothing was changed and the report is kept. If the files were removed on purpose,"
                + " run again with --accept-removals");
        assertThat(output.resolve("all/summary.json")).hasContent(report);

        // Two of three files gone is more than half too; the store still holds all three.
        Files.delete(input);
        Files.move(away, input);
        Files.delete(input.resolve("reports-00.csv"));
        Files.delete(input.resolve("reports-01.csv"));
        Run most = run(args(input, output, dir.resolve("store")));
        assertThat(most.code()).as(most.output()).isEqualTo(4);
        assertThat(most.output()).contains("would lose 2 of the 3 files the store holds: it holds 1 of them");
        assertThat(output.resolve("all/summary.json")).hasContent(report);

        Run meant = run(args(input, output, dir.resolve("store"), "--accept-removals"));
        assertThat(meant.code()).as(meant.output()).isZero();
        assertThat(meant.output()).contains("1 file, 0 to load, 1 unchanged, 2 removed");
        assertThat(summary(output.resolve("all")).get("rows").get("read").asLong()).isEqualTo(20);
    }

    @Test
    void filesRenamedOrMovedIntoAnotherFolderAreNotTakenForRemovedOnes(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input.resolve("week"), 3, 20);
        Path output = dir.resolve("reports");
        assertThat(run(args(input, output, dir.resolve("store"))).code()).isZero();
        String report = Files.readString(output.resolve("all/summary.json"));
        // The week's folder renamed, and one file renamed in it: every byte is still there.
        Files.move(input.resolve("week"), input.resolve("2025-W48"));
        Files.move(input.resolve("2025-W48/reports-00.csv"), input.resolve("2025-W48/governors.csv"));

        Run moved = run(args(input, output, dir.resolve("store")));

        assertThat(moved.code()).as(moved.output()).isZero();
        assertThat(moved.output()).contains("3 files, 3 to load, 0 unchanged, 3 removed");
        JsonNode summary = summary(output.resolve("all"));
        JsonNode before = new ObjectMapper().readTree(report);
        assertThat(summary.get("rows")).isEqualTo(before.get("rows"));
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(61);
        assertThat(summary.get("totals")).isEqualTo(before.get("totals"));
    }

    @Test
    void aRunThatReadsEveryStoredFileAgainSaysWhy(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 2, 20);
        Run first = run(args(input, dir.resolve("reports"), dir.resolve("store")));
        assertThat(first.output()).doesNotContain("read again");

        Run zoned = run(args(input, dir.resolve("reports"), dir.resolve("store"), "--zone=RU-ROS=Europe/Samara"));

        assertThat(zoned.code()).as(zoned.output()).isZero();
        assertThat(zoned.output()).contains("Every stored file is read again: the rules (a new version), night window,"
                + " aliases or zones changed").contains("2 files, 2 to load, 0 unchanged, 0 removed");
    }

    @Test
    void removingHalfOfTheFilesOrFewerIsAnOrdinarySync(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 2, 20);
        assertThat(run(args(input, dir.resolve("reports"), dir.resolve("store"))).code()).isZero();
        Files.delete(input.resolve("reports-00.csv"));

        Run half = run(args(input, dir.resolve("reports"), dir.resolve("store")));

        assertThat(half.code()).as(half.output()).isZero();
        assertThat(half.output()).contains("1 removed");
    }

    @Test
    void rowsAfterAnEarlierClockAreLeftOutEvenWhenALaterRunStoredThem(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("two-nights.csv"), "occurred_at,region,event_type,source\n"
                + "2025-12-07 23:50,Smolensk region,shot_down,Governor\n"
                + "2025-12-09 23:50,Rostov region,shot_down,Governor\n");
        Path used = dir.resolve("used");
        String[] later = args(input, dir.resolve("out-used"), used);
        assertThat(run(later).code()).isZero();
        assertThat(incidents(dir.resolve("out-used/all"))).isEqualTo(2);

        String[] earlier = args(input, dir.resolve("out-used"), used, "--now=2025-12-08T12:00:00Z");
        Run onUsed = run(earlier);
        Run onFresh = run(args(input, dir.resolve("out-fresh"), dir.resolve("fresh"), "--now=2025-12-08T12:00:00Z"));

        assertThat(onUsed.code()).as(onUsed.output()).isZero();
        assertThat(incidents(dir.resolve("out-used/all"))).isEqualTo(1);
        assertThat(incidents(dir.resolve("out-fresh/all"))).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out-used/all/rejected.csv"))).contains("in the future");
        assertThat(Files.readString(dir.resolve("out-used/all/summary.json")).replaceAll("\"generated_at\":\"[^\"]*\"", ""))
                .isEqualTo(Files.readString(dir.resolve("out-fresh/all/summary.json")).replaceAll("\"generated_at\":\"[^\"]*\"", ""));
        // And back to the later clock: both rows again.
        assertThat(run(later).code()).isZero();
        assertThat(incidents(dir.resolve("out-used/all"))).isEqualTo(2);
    }

    @Test
    void aTemporaryFolderThatCannotBeWrittenStillGivesAReportAndNoRunLeavesAFileThere(@TempDir Path dir)
            throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 1, 300);
        // A folder that cannot be written, even by root: a path under a regular file.
        Path readOnly = Files.writeString(dir.resolve("not-a-folder"), "x").resolve("tmp");
        Path empty = Files.createDirectories(dir.resolve("tmp"));

        // Each run has a store and a report folder of its own (both temporary folders are named tmp), so
        // that the second is a whole run too, not an unchanged rerun, and the two run side by side.
        List<Path> temps = List.of(readOnly, empty);
        List<ChildRun> children = new ArrayList<>();
        for (int i = 0; i < temps.size(); i++) {
            children.add(ChildRun.start(List.of("-Djava.io.tmpdir=" + temps.get(i)), args(dir.resolve("input"),
                    dir.resolve("reports-" + i), dir.resolve("store-" + i))));
        }
        for (int i = 0; i < children.size(); i++) {
            ChildRun child = children.get(i);
            Path output = dir.resolve("reports-" + i);

            assertThat(child.waitFor(300)).as(child.output()).isZero();
            assertThat(summary(output.resolve("all")).get("rows").get("read").asLong()).isEqualTo(301);
            assertThat(javax.imageio.ImageIO.read(output.resolve("all/charts/incidents-by-region.png").toFile()).getWidth())
                    .isGreaterThan(100);
        }
        try (var left = Files.list(empty)) {
            assertThat(left.toList()).as("files left in the temporary folder").isEmpty();
        }
    }

    /** Makes a file whose name is {@code prefix}, the byte 0xFF (not UTF-8), and {@code .csv}, as a shell would. */
    static void writeFileNamedInBytes(Path folder, String prefix, String content) throws Exception {
        Path source = Files.writeString(folder.resolveSibling("content-" + prefix + ".tmp"), content);
        Process shell = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/$(printf '" + prefix + "\\377.csv')\"", "sh",
                source.toString(), folder.toString()).inheritIO().start();
        assertThat(shell.waitFor()).isZero();
        Files.delete(source);
    }

    @Test
    void fileNamesInCyrillicAndNotInUtf8AreReadWithNoLocaleAtAll(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        String header = "occurred_at,region,event_type,source\n";
        Files.writeString(input.resolve("отчёт губернатора.csv"), header + "2025-12-07 23:50,Smolensk region,shot_down,Governor\n");
        writeFileNamedInBytes(input, "windows-", header + "2025-12-07 23:55,Rostov region,debris,News\nx,Atlantis,shot_down,News\n");

        // env -i: no LANG, no LC_*, as under cron.
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx512m"));
        command.addAll(ChildJvm.FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IncidentTallyApplication.class.getName(),
                "--input=" + input, "--output=" + dir.resolve("reports"), "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), NOW));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        Process child = builder.start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor()).as(printed).isZero();
        assertThat(printed).contains("Done: 3 rows read, 2 accepted, 1 rejected");
        assertThat(summary(dir.resolve("reports/all")).get("totals").get("incidents").asLong()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("reports/all/rejected.csv"))).contains("windows-\\xFF.csv");
        try (var workbook = IncidentReportJobContract.open(dir.resolve("reports/all/incident-report-all.xlsx"))) {
            List<String> names = new ArrayList<>();
            workbook.getSheet("Run info").forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    names.add(cell.getStringCellValue());
                }
            }));
            assertThat(names).contains("отчёт губернатора.csv", "windows-\\xFF.csv");
        }
    }

    @Test
    void theJobsOwnReportLinkInTheInputFolderIsNoWarningButAUsersLinkIs(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("both"));
        ChildRun.writeInput(folder, 1, 10);
        String[] same = args(folder, folder, dir.resolve("store"));
        assertThat(run(same).code()).isZero();

        Run again = run(same);

        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("Warning");
        Files.createSymbolicLink(folder.resolve("mine.csv"), folder.resolve("reports-00.csv"));
        assertThat(run(same).output()).contains("Warning: skipped mine.csv: a link");
    }

    @Test
    void rejectedRowsAndWarningsAreListedInJavasOrderOfFileNames(@TempDir Path dir) throws Exception {
        Path input = writeNamesACollationOrdersOtherwise(dir.resolve("input"));

        // Every row rejected: no incident, so exit code 4 with the report written.
        assertThat(run(args(input, dir.resolve("reports"), dir.resolve("store"))).code()).isEqualTo(4);

        assertThat(filesListed(dir.resolve("reports/all/rejected.csv"))).isEqualTo(COLLATED_NAMES.stream().sorted().toList());
    }

    /** Names a collation would order otherwise than Java: case, accents, Cyrillic, punctuation, digits. */
    static final List<String> COLLATED_NAMES = List.of("b.csv", "B.csv", "a-b.csv", "a_b.csv", "ab.csv", "Ärger.csv",
            "яблоко.csv", "Яблоко.csv", "z.csv", "10.csv", "9.csv");

    static Path writeNamesACollationOrdersOtherwise(Path input) throws Exception {
        Files.createDirectories(input);
        for (String name : COLLATED_NAMES) {
            Files.writeString(input.resolve(name), "occurred_at,region,event_type,source,extra\n"
                    + "2025-12-07 23:50,Atlantis,shot_down,Governor,x\n");
        }
        return input;
    }

    /** The file column of rejected.csv, in its order. */
    static List<String> filesListed(Path rejectedCsv) throws Exception {
        return Files.readAllLines(rejectedCsv).stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
    }
}
