package com.incidenttally.report;

import com.incidenttally.ConsoleLines;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Russian report speaks Russian: the workbook the whole job writes from the bundled sample and
 * from real data nobody here wrote is reopened, and every cell is scanned for Latin-script words
 * outside the codes a Russian analyst reads as codes (ISO ids, file names, encodings, options).
 * Text the input gave (the Incidents sheet's free text, values and raw lines as written) is left out.
 */
class RussianWorkbookTests {

    private static final Path REAL = Path.of("../shared/data/real/ukraine-air-raid-sirens");

    /** Codes, not words: taken out of a cell's text before it is scanned. */
    private static final Pattern CODES = Pattern.compile(String.join("|",
            "\\S+\\.(csv|xlsx|png|json)\\b(:\\d+)?", "\\S*/\\S*", "\\b[A-Z]{2}-[A-Z0-9]{1,3}\\b", "--[a-z-]+",
            "\\b[0-9a-f]{16,}\\b", "\\bUTF-8\\b", "\\bwindows-1251\\b", "\\bSHA-256\\b", "\\bISO\\b", "\\bUTC\\b",
            "\\bCSV\\b", "\\bExcel\\b", "\\bLibreOffice\\b", "\\bBOM\\b", "\\b\\d{4}-W\\d{2}\\b", "\\bjdbc:\\S+",
            "\\bNatural Earth\\b", "\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"));
    private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{2,}\\b");
    /** Incidents columns that hold the input's own text: id, location, damage, sources, where from, measures, links, notes. */
    private static final Set<Integer> INCIDENT_INPUT_COLUMNS = Set.of(0, 5, 10, 11, 12, 13, 18, 19);
    /** Data quality columns that hold the input's own text: file, value as written, where / raw line. */
    private static final Set<Integer> QUALITY_INPUT_COLUMNS = Set.of(1, 5, 8);
    /**
     * In Data quality's details, what the input wrote: a name quoted «as written», the sources of a
     * merge. And the file warnings, which are not yet kinds with parameters (docs/output.md).
     */
    private static final Pattern QUALITY_INPUT = Pattern.compile("«[^»]*»|источники: .*$|^(unknown columns ignored|not valid UTF-8)[^;]*");

    @Test
    void theSamplesRussianWorkbookHasNoEnglishWord(@TempDir Path dir) throws Exception {
        ConsoleLines.Run run = ConsoleLines.run("--input=input", "--output=" + dir, "--lang=ru", store(),
                "--now=2025-12-10T09:00:00Z");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(englishWords(workbook(dir.resolve("all")))).isEmpty();
    }

    @Test
    void aRussianWorkbookOfRealDataHasNoEnglishWord(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(REAL), "the real data " + REAL + " is not here");
        ConsoleLines.Run run = ConsoleLines.run("--input=" + REAL, "--columns=docs/sirens-columns.csv",
                "--output=" + dir, "--lang=ru", store(), "--from=2024-04-08", "--to=2024-04-21",
                "--now=2024-04-23T09:00:00Z");

        assertThat(run.code()).as(run.output()).isIn(0, 4);
        assertThat(englishWords(workbook(dir.resolve("2024-04-08_2024-04-21")))).isEmpty();
    }

    @Test
    void theScanFindsAnEnglishWordWhereThereIsOne() {
        assertThat(latinWords("Отклонено: unknown region (RU-ROS, feed.csv:12, UTF-8)")).containsExactly("unknown", "region");
        assertThat(latinWords("Броварский район, UA-32, --aliases, 2026-W48")).isEmpty();
    }

    private static String store() {
        return "--db=jdbc:h2:mem:ru-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    private static Path workbook(Path report) throws Exception {
        try (Stream<Path> files = Files.list(report)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
    }

    /** Each cell with a Latin-script word, as {@code 'Sheet'!B7: the text}. */
    private static List<String> englishWords(Path xlsx) throws Exception {
        List<String> found = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            for (Sheet sheet : workbook) {
                boolean incidents = sheet.getSheetName().startsWith("Инциденты");
                boolean quality = sheet.getSheetName().equals("Качество данных");
                // Sources are named as the input names them.
                boolean sources = sheet.getSheetName().equals("Источники");
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.STRING
                                || incidents && row.getRowNum() > 0 && INCIDENT_INPUT_COLUMNS.contains(cell.getColumnIndex())
                                || quality && row.getRowNum() > 0 && QUALITY_INPUT_COLUMNS.contains(cell.getColumnIndex())
                                || sources && row.getRowNum() > 0 && cell.getColumnIndex() == 0) {
                            continue;
                        }
                        String text = cell.getStringCellValue();
                        if (quality) {
                            text = QUALITY_INPUT.matcher(text).replaceAll(" ");
                        }
                        if (!latinWords(text).isEmpty()) {
                            found.add("'" + sheet.getSheetName() + "'!" + cell.getAddress() + ": " + text);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> latinWords(String text) {
        Matcher words = LATIN_WORD.matcher(CODES.matcher(text).replaceAll(" "));
        List<String> latin = new ArrayList<>();
        while (words.find()) {
            latin.add(words.group());
        }
        return latin;
    }
}
