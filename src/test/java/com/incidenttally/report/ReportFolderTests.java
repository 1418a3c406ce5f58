package com.incidenttally.report;

import com.incidenttally.tally.WorkFolder;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFolderTests {

    @TempDir
    Path output;

    @Nested
    class Publishing {

        @Test
        void reportAppearsOnlyWhenPublished() throws Exception {
            ReportFolder folder = ReportFolder.stage(output, "2025-W50");
            Files.writeString(folder.staging().resolve("summary.json"), "{}");

            assertThat(output.resolve("2025-W50")).doesNotExist();
            folder.publish();

            assertThat(output.resolve("2025-W50/summary.json")).hasContent("{}");
            assertThat(visibleNames()).containsExactly("2025-W50");
            assertThat(output.resolve("2025-W50")).isSymbolicLink();
            assertThat(hiddenNames()).containsExactly(linkTarget("2025-W50"));
            assertThat(output.resolve("2025-W50/" + OutputFolder.MARKER)).hasContent(OutputFolder.MARKER_TEXT);
        }

        @Test
        void rerunReplacesTheWholeReportAndTheNextRunDeletesThePreviousOne() throws Exception {
            ReportFolder first = ReportFolder.stage(output, "all");
            Files.writeString(first.staging().resolve("rejected.csv"), "old");
            first.publish();
            String firstVersion = linkTarget("all");

            ReportFolder second = ReportFolder.stage(output, "all");
            Files.writeString(second.staging().resolve("summary.json"), "new");
            assertThat(output.resolve("all/rejected.csv")).exists();
            second.publish();

            assertThat(output.resolve("all/rejected.csv")).doesNotExist();
            assertThat(output.resolve("all/summary.json")).hasContent("new");
            assertThat(visibleNames()).containsExactly("all");
            // Kept until the next run, for a reader who found it through the link a moment ago.
            assertThat(hiddenNames()).containsExactlyInAnyOrder(linkTarget("all"), firstVersion);

            assertThat(ReportFolder.removeLeftovers(output))
                    .containsExactly(new ReportFolder.Removed(output.resolve(firstVersion), true));
            assertThat(hiddenNames()).containsExactly(linkTarget("all"));
            assertThat(output.resolve("all/summary.json")).hasContent("new");
        }

        /**
         * A person's notes put in a published report (through its link) outlive the report: when a later one replaces
         * it, the report's own files go and theirs stay, in a folder no run touches again.
         */
        @Test
        void filesAPersonPutInAReportAreKeptWhenItIsReplaced() throws Exception {
            ReportFolder first = ReportFolder.stage(output, "2025-W50");
            Files.writeString(first.staging().resolve("summary.json"), "old");
            Files.createDirectories(first.staging().resolve("charts"));
            Files.writeString(first.staging().resolve("charts/top-districts.png"), "png");
            first.publish();
            String firstVersion = linkTarget("2025-W50");
            Files.writeString(output.resolve("2025-W50/my-notes.txt"), "call the governor's office");
            Files.writeString(output.resolve("2025-W50/charts/annotated.png"), "mine");

            ReportFolder second = ReportFolder.stage(output, "2025-W50");
            Files.writeString(second.staging().resolve("summary.json"), "new");
            second.publish();
            List<ReportFolder.Removed> removed = ReportFolder.removeLeftovers(output);

            assertThat(removed).containsExactly(new ReportFolder.Removed(output.resolve(firstVersion), true,
                    List.of("charts/annotated.png", "my-notes.txt")));
            Path kept = output.resolve(firstVersion);
            assertThat(kept.resolve("my-notes.txt")).hasContent("call the governor's office");
            assertThat(kept.resolve("charts/annotated.png")).hasContent("mine");
            assertThat(kept.resolve("summary.json")).doesNotExist();
            assertThat(kept.resolve("charts/top-districts.png")).doesNotExist();
            assertThat(kept.resolve(OutputFolder.MARKER)).doesNotExist();
            assertThat(ReportFolder.removeLeftovers(output)).as("no longer ours").isEmpty();
            assertThat(kept.resolve("my-notes.txt")).exists();
            assertThat(output.resolve("2025-W50/summary.json")).hasContent("new");
        }

        @Test
        void failedReportLeavesThePublishedOneAlone() throws Exception {
            ReportFolder first = ReportFolder.stage(output, "all");
            Files.writeString(first.staging().resolve("summary.json"), "good");
            first.publish();

            ReportFolder broken = ReportFolder.stage(output, "all");
            Files.writeString(broken.staging().resolve("summary.json"), "half");
            broken.discard();

            assertThat(output.resolve("all/summary.json")).hasContent("good");
            assertThat(visibleNames()).containsExactly("all");
            assertThat(hiddenNames()).containsExactly(linkTarget("all"));
        }

        @Test
        void aReaderNeverFindsTheReportMissingWhileItIsReplaced() throws Exception {
            ReportFolder first = ReportFolder.stage(output, "all");
            Files.writeString(first.staging().resolve("summary.json"), "0");
            first.publish();
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            List<String> misses = new ArrayList<>();
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    try {
                        Files.readString(output.resolve("all/summary.json"));
                        reads.incrementAndGet();
                    } catch (NoSuchFileException e) {
                        misses.add(e.getFile());
                    } catch (IOException e) {
                        misses.add(e.toString());
                    }
                }
            });
            reader.start();
            try {
                for (int i = 1; i <= 200; i++) {
                    ReportFolder next = ReportFolder.stage(output, "all");
                    Files.writeString(next.staging().resolve("summary.json"), Integer.toString(i));
                    next.publish();
                }
            } finally {
                done.set(true);
                reader.join();
            }

            assertThat(misses).isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(output.resolve("all/summary.json")).hasContent("200");
            assertThat(removed()).hasSize(200);
            assertThat(hiddenNames()).containsExactly(linkTarget("all"));
        }

        @Test
        void publishingNeverDeletesAFolderThatAppearedDuringTheRun() throws Exception {
            ReportFolder folder = ReportFolder.stage(output, "all");
            Files.writeString(folder.staging().resolve("summary.json"), "new");
            Path thesis = Files.createDirectories(output.resolve("all/x")).resolve("thesis.docx");
            Files.writeString(thesis, "t");

            assertThatThrownBy(folder::publish).isInstanceOf(IOException.class)
                    .hasMessageContaining("appeared during the run and is not this job's");

            assertThat(thesis).hasContent("t");
            assertThat(Files.isSymbolicLink(output.resolve("all"))).isFalse();
            folder.discard();
            assertThat(hiddenNames()).isEmpty();
        }

        @Test
        void publishingNeverReplacesAFileThatAppearedDuringTheRun() throws Exception {
            ReportFolder folder = ReportFolder.stage(output, "all");
            Files.writeString(output.resolve("all"), "notes");

            assertThatThrownBy(folder::publish).isInstanceOf(IOException.class);

            assertThat(output.resolve("all")).isRegularFile().hasContent("notes");
        }

        @Test
        void anEarlierVersionsReportFolderIsReplacedByTheLink() throws Exception {
            Path earlier = earlierReport(output.resolve("all"), "all");

            ReportFolder folder = ReportFolder.stage(output, "all");
            Files.writeString(folder.staging().resolve("summary.json"), "new");
            folder.publish();

            assertThat(earlier).isSymbolicLink();
            assertThat(output.resolve("all/summary.json")).hasContent("new");
            assertThat(output.resolve("all/charts")).doesNotExist();
            assertThat(visibleNames()).containsExactly("all");
            ReportFolder.removeLeftovers(output);
            assertThat(hiddenNames()).containsExactly(linkTarget("all"));
        }
    }

    @Nested
    class TemporaryFiles {

        @Test
        void poiWritesItsTemporaryFilesInsideTheReportFolderAndTheyGoWithIt() throws Exception {
            ReportFolder folder = ReportFolder.stage(output, "all");
            List<Path> duringWriting = new ArrayList<>();
            folder.write(dir -> {
                try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
                    SXSSFSheet sheet = workbook.createSheet("Incidents");
                    for (int r = 0; r < 100; r++) {
                        sheet.createRow(r).createCell(0).setCellValue("row " + r);
                    }
                    try (Stream<Path> files = Files.walk(folder.staging())) {
                        files.filter(Files::isRegularFile).forEach(duringWriting::add);
                    }
                    try (OutputStream out = Files.newOutputStream(dir.resolve("incident-report-all.xlsx"))) {
                        workbook.write(out);
                    }
                }
            });

            assertThat(duringWriting).anySatisfy(file -> {
                assertThat(file.getParent()).isEqualTo(folder.staging().resolve(OutputFolder.TEMP_FILES));
                assertThat(file.getFileName().toString()).startsWith("poi-sxssf-sheet");
            });
            assertThat(folder.staging().resolve(OutputFolder.TEMP_FILES)).doesNotExist();
            folder.publish();
            try (Stream<Path> names = Files.list(output.resolve("all/"))) {
                assertThat(names.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(OutputFolder.MARKER, "incident-report-all.xlsx");
            }
        }

        @Test
        void aFailedWritingLeavesNothingOnceDiscarded() throws Exception {
            ReportFolder folder = ReportFolder.stage(output, "all");

            assertThatThrownBy(() -> folder.write(dir -> {
                SXSSFWorkbook workbook = new SXSSFWorkbook(10);
                try {
                    workbook.createSheet("Incidents").createRow(0).createCell(0).setCellValue("x");
                    throw new IOException("disk full");
                } finally {
                    // As the workbook writer does: disposed of before closed, or POI's close() flushes
                    // the unwritten row into the writer it has just closed and logs it.
                    workbook.dispose();
                    workbook.close();
                }
            })).hasMessage("disk full");
            folder.discard();

            assertThat(output).isEmptyDirectory();
        }
    }

    @Nested
    class LeftoversOfKilledRuns {

        @Test
        void ourOwnAreRemovedAndNothingElse() throws Exception {
            ReportFolder current = ReportFolder.stage(output, "all");
            Files.writeString(current.staging().resolve("summary.json"), "current");
            current.publish();
            // What runs killed at each point leave behind:
            Path killedWhileWriting = killedVersion("all");
            Path killedWhileWritingAWeek = killedVersion("2025-W50");
            Path halfPublishedLink = Files.createSymbolicLink(
                    output.resolve(OutputFolder.newLinkName("all", UUID.randomUUID())), killedWhileWriting.getFileName());
            Path earlierStaging = Files.createDirectories(output.resolve(".all.writing-" + UUID.randomUUID()).resolve("charts"))
                    .getParent();
            Files.writeString(earlierStaging.resolve("charts/incidents-by-night.png"), "png");
            Path earlierRetired = earlierReport(output.resolve(".all.old-" + UUID.randomUUID()), "all");
            // And what is not ours, though some of it looks like it:
            Path usersNotes = Files.createDirectories(output.resolve(".all.writing-" + UUID.randomUUID()));
            Files.writeString(usersNotes.resolve("thesis.docx"), "t");
            Path unmarked = Files.createDirectories(output.resolve(OutputFolder.versionName("all", UUID.randomUUID())));
            Files.writeString(unmarked.resolve("summary.json"), "someone's");
            Path forgedMarker = Files.createDirectories(output.resolve(OutputFolder.versionName("all", UUID.randomUUID())));
            Files.writeString(forgedMarker.resolve(OutputFolder.MARKER), "something else");
            Path hidden = Files.createDirectories(output.resolve(".cache"));
            Path usersLink = Files.createSymbolicLink(output.resolve(".all.link-" + UUID.randomUUID()), hidden);
            Path plainFile = Files.writeString(output.resolve("notes.txt"), "n");

            List<ReportFolder.Removed> said = ReportFolder.removeLeftovers(output);
            List<Path> removed = said.stream().map(ReportFolder.Removed::path).toList();

            assertThat(removed).containsExactlyInAnyOrder(killedWhileWriting, killedWhileWritingAWeek, halfPublishedLink,
                    earlierStaging, earlierRetired);
            // None of them is a whole report a later one replaced: each is said to be an interrupted run's.
            assertThat(said).noneMatch(ReportFolder.Removed::whole);
            for (Path gone : removed) {
                assertThat(Files.exists(gone, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as(gone.toString()).isFalse();
            }
            assertThat(usersNotes.resolve("thesis.docx")).hasContent("t");
            assertThat(unmarked.resolve("summary.json")).exists();
            assertThat(forgedMarker).isDirectory();
            assertThat(hidden).isDirectory();
            assertThat(usersLink).isSymbolicLink();
            assertThat(plainFile).hasContent("n");
            assertThat(output.resolve("all/summary.json")).hasContent("current");
        }

        @Test
        void aFolderALiveRunIsWritingIsNoLeftover() throws Exception {
            ReportFolder live = ReportFolder.stage(output, "all");
            Files.writeString(live.staging().resolve("summary.json"), "being written");

            assertThat(removed()).isEmpty();

            assertThat(live.staging().resolve("summary.json")).exists();
            live.publish();
            assertThat(output.resolve("all/summary.json")).hasContent("being written");
        }

        @Test
        void theMergesWorkFolderOfAKilledRunIsRemovedAndNoOtherFolderLikeIt() throws Exception {
            Path killed = workFolder("sorted-123.bin", "listing-4567.bin", "run-89.bin");
            Path empty = workFolder();
            // Named like one, but not provably ours:
            Path unmarked = Files.createDirectories(output.resolve(WorkFolder.PREFIX + "1"));
            Files.writeString(unmarked.resolve("sorted-1.bin"), "run");
            Path withAFileOfSomeoneElse = workFolder("sorted-1.bin", "notes.txt");
            Path forged = Files.createDirectories(output.resolve(WorkFolder.PREFIX + "2"));
            Files.writeString(forged.resolve(WorkFolder.MARKER), "mine");
            Path linked = Files.createSymbolicLink(output.resolve(WorkFolder.PREFIX + "3"), unmarked);

            assertThat(removed()).containsExactlyInAnyOrder(killed, empty);

            assertThat(killed).doesNotExist();
            assertThat(empty).doesNotExist();
            assertThat(unmarked.resolve("sorted-1.bin")).hasContent("run");
            assertThat(withAFileOfSomeoneElse.resolve("notes.txt")).exists();
            assertThat(withAFileOfSomeoneElse.resolve("sorted-1.bin")).exists();
            assertThat(forged.resolve(WorkFolder.MARKER)).hasContent("mine");
            assertThat(linked).isSymbolicLink();
        }

        @Test
        void theWorkFolderOfALiveRunIsNoLeftover() throws Exception {
            try (WorkFolder live = new WorkFolder(output)) {
                Path folder = live.path();
                Files.writeString(folder.resolve("sorted-1.bin"), "run");

                assertThat(removed()).isEmpty();

                assertThat(folder.resolve("sorted-1.bin")).hasContent("run");
            }
            assertThat(output).isEmptyDirectory();
        }

        /** The work folder of a run killed during its merge: marked, with its runs, the marker no longer locked. */
        private Path workFolder(String... runs) throws IOException {
            Path folder;
            try (WorkFolder work = new WorkFolder(output)) {
                folder = work.path();
                Path copy = Files.createDirectories(output.resolve(folder.getFileName() + "-killed"));
                Files.copy(folder.resolve(WorkFolder.MARKER), copy.resolve(WorkFolder.MARKER));
                folder = Files.move(copy, output.resolve(WorkFolder.PREFIX + UUID.randomUUID()));
            }
            for (String run : runs) {
                Files.writeString(folder.resolve(run), "run");
            }
            return folder;
        }

        /** A marked report folder whose run was killed: its marker is no longer locked. */
        private Path killedVersion(String label) throws IOException {
            Path version = Files.createDirectories(output.resolve(OutputFolder.versionName(label, UUID.randomUUID())));
            Files.writeString(version.resolve(OutputFolder.MARKER), OutputFolder.MARKER_TEXT);
            Files.createDirectories(version.resolve(OutputFolder.TEMP_FILES));
            Files.writeString(version.resolve(OutputFolder.TEMP_FILES).resolve("poi-sxssf-sheet1.xml"), "<row/>");
            return version;
        }
    }

    /** A report folder as the version before markers wrote it. */
    static Path earlierReport(Path folder, String label) throws IOException {
        Files.createDirectories(folder.resolve("charts"));
        Files.writeString(folder.resolve("incident-report-" + label + ".xlsx"), "xlsx");
        Files.writeString(folder.resolve("summary.json"), "{}");
        Files.writeString(folder.resolve("rejected.csv"), "file,line");
        Files.writeString(folder.resolve("charts/incidents-by-region.png"), "png");
        Files.writeString(folder.resolve("charts/weekly-trend.png"), "png");
        return folder;
    }

    /** What {@link ReportFolder#removeLeftovers} deleted. */
    private List<Path> removed() throws IOException {
        return ReportFolder.removeLeftovers(output).stream().map(ReportFolder.Removed::path).toList();
    }

    private String linkTarget(String label) throws IOException {
        return Files.readSymbolicLink(output.resolve(label)).toString();
    }

    private List<String> visibleNames() throws IOException {
        return names().stream().filter(n -> !n.startsWith(".")).toList();
    }

    private List<String> hiddenNames() throws IOException {
        return names().stream().filter(n -> n.startsWith(".")).toList();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> names = Files.list(output)) {
            return names.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
