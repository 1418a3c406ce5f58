package com.incidenttally.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputFilesTests {

    @TempDir
    Path input;

    private void touch(String relative) throws IOException {
        Path file = input.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void findsWorkbooksBesideCsvFilesButNotExcelsLockFilesOrOldXls() throws IOException {
        touch("week/log.xlsx");
        touch("week/~$log.xlsx");
        touch("Book.XLSX");
        touch("old.xls");
        touch("b.csv");

        assertThat(InputFiles.find(input)).extracting(file -> InputFiles.relativeName(input, file))
                .containsExactly("Book.XLSX", "b.csv", "week/log.xlsx");
    }

    @Test
    void spreadsheetsOfOtherFormatsAreListedToBeNamedNotRead() throws IOException {
        touch("week/journal.ods");
        touch("old.XLS");
        touch("~$old.xls");
        touch("macros.xlsm");
        touch("export.tsv");
        touch("README.txt");
        touch(".hidden.ods");
        touch("b.csv");

        InputFiles.Scan scan = InputFiles.scan(input, null);

        assertThat(scan.files()).extracting(file -> InputFiles.relativeName(input, file)).containsExactly("b.csv");
        assertThat(scan.otherSpreadsheets()).extracting(file -> InputFiles.relativeName(input, file))
                .containsExactly("export.tsv", "macros.xlsm", "old.XLS", "week/journal.ods");
    }

    @Test
    void findsCsvFilesRecursivelySortedByRelativePath() throws IOException {
        touch("b.csv");
        touch("a/z.csv");
        touch("a/b/deep.CSV");
        touch("A.Csv");
        touch("notes.txt");
        touch("csv");
        touch("a/report.csv.bak");
        Files.createDirectories(input.resolve("folder.csv"));

        assertThat(InputFiles.find(input)).extracting(file -> InputFiles.relativeName(input, file))
                .containsExactly("A.Csv", "a/b/deep.CSV", "a/z.csv", "b.csv");
    }

    @Test
    void skipsHiddenFilesAndHiddenDirectories() throws IOException {
        touch("seen.csv");
        touch(".hidden.csv");
        touch(".git/objects.csv");
        touch("week/.~lock.csv");
        touch("week/.cache/old.csv");
        touch("week/kept.csv");

        assertThat(InputFiles.find(input)).extracting(file -> InputFiles.relativeName(input, file))
                .containsExactly("seen.csv", "week/kept.csv");
    }

    @Test
    void readsAHiddenInputDirectoryItself() throws IOException {
        Path hidden = Files.createDirectories(input.resolve(".inbox"));
        Files.writeString(hidden.resolve("w.csv"), "x");

        assertThat(InputFiles.find(hidden)).containsExactly(hidden.resolve("w.csv").toAbsolutePath());
    }

    @Test
    void linksAreNotFollowedButListedAsSkipped(@TempDir Path elsewhere) throws IOException {
        touch("a.csv");
        Files.writeString(elsewhere.resolve("outside.csv"), "x");
        Files.createSymbolicLink(input.resolve("same-as-a.csv"), input.resolve("a.csv"));
        Files.createSymbolicLink(input.resolve("elsewhere"), elsewhere);
        Files.createSymbolicLink(input.resolve("root"), Path.of("/"));
        Files.createDirectories(input.resolve("week"));
        Files.createSymbolicLink(input.resolve("week/loop"), input);

        InputFiles.Scan scan = InputFiles.scan(input, null);

        assertThat(scan.files()).extracting(file -> InputFiles.relativeName(input, file)).containsExactly("a.csv");
        assertThat(scan.skippedLinks()).extracting(file -> InputFiles.relativeName(input, file))
                .containsExactly("elsewhere", "root", "same-as-a.csv", "week/loop");
        assertThat(InputFiles.find(input)).hasSize(1);
    }

    @Test
    void theInputFolderItselfMayBeALink(@TempDir Path elsewhere) throws IOException {
        touch("week/a.csv");
        Path link = Files.createSymbolicLink(elsewhere.resolve("inbox"), input);

        assertThat(InputFiles.scan(link, null).files()).containsExactly(link.resolve("week/a.csv"));
    }

    @Test
    void theOutputFolderInsideTheInputFolderIsNotRead() throws IOException {
        touch("week/a.csv");
        touch("reports/all/rejected.csv");
        touch("reports/2025-W50/rejected.csv");

        InputFiles.Scan scan = InputFiles.scan(input, input.resolve("reports"));

        assertThat(scan.files()).extracting(file -> InputFiles.relativeName(input, file)).containsExactly("week/a.csv");
        assertThat(scan.outputSkipped()).isTrue();
        assertThat(InputFiles.scan(input, input.resolve("week")).outputSkipped()).isTrue();
        assertThat(InputFiles.scan(input, input.resolve("missing")).files()).hasSize(3);
    }

    @Test
    void anInputFolderThatIsMissingOrAFileIsNamed() throws IOException {
        touch("a.csv");

        assertThat(InputFiles.checkFolder(input)).isEmpty();
        assertThat(InputFiles.checkFolder(input.resolve("missing"))).contains("input folder not found: " + input.resolve("missing"));
        assertThat(InputFiles.checkFolder(input.resolve("a.csv"))).contains("input folder not found: " + input.resolve("a.csv"));
    }

    @Test
    void findsNothingInAnEmptyDirectory() throws IOException {
        assertThat(InputFiles.find(input)).isEmpty();
    }

    @Test
    void failsForAMissingDirectory() {
        assertThatThrownBy(() -> InputFiles.find(input.resolve("missing"))).isInstanceOf(IOException.class);
    }

    @Test
    void namesFilesRelativeToTheInputDirectoryWithSlashes() {
        assertThat(InputFiles.relativeName(input, input.resolve("2025").resolve("w50").resolve("rostov.csv")))
                .isEqualTo("2025/w50/rostov.csv");
        assertThat(InputFiles.relativeName(Path.of("input"), Path.of("input/./a/../b.csv"))).isEqualTo("b.csv");
    }

    @Test
    void fingerprintsFilesWithLowerCaseSha256() throws IOException {
        Path abc = Files.writeString(input.resolve("abc.csv"), "abc", StandardCharsets.US_ASCII);
        Path empty = Files.writeString(input.resolve("empty.csv"), "");

        assertThat(InputFiles.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(InputFiles.sha256(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void fingerprintsLargeFilesAcrossBuffers() throws IOException {
        Path big = Files.write(input.resolve("big.csv"), new byte[200_000]);

        assertThat(InputFiles.sha256(big)).isEqualTo("4cbbd9be0cba685835755f827758705db5a413c5494c34262cd25946a73e7582");
    }
}
