package com.incidenttally.job;

import com.incidenttally.ConsoleLines;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A week's report speaks of its week: Data quality, rejected.csv, unresolved-names.csv and the
 * console list the rejected rows whose night the week holds and the undated ones, say how many
 * other periods hold, and mark the rows of files this run read.
 */
class PeriodScopeJobTests {

    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    /** W48 (24–30 Nov 2025) and W49 (1–7 Dec 2025), with rejections in both and one undated. */
    private static final String TWO_WEEKS = """
            occurred_at,region,district,event_type,source
            2025-12-02 22:00,Belgorod Oblast,,shot_down,governor
            2025-12-02 23:00,Atlantis,,shot_down,governor
            2025-11-25 23:00,Narnia,,debris,ministry
            not a date,Belgorod Oblast,,impact,governor
            2025-11-25 22:00,Kursk Oblast,Qqzxvbn,shot_down,ministry
            2025-12-03 22:00,Kursk Oblast,Wwyxjpk,shot_down,governor
            2025-12-04 22:00,Kursk Oblast,,sideways,governor
            """;

    private static ConsoleLines.Run run(Path input, Path output, Path store, String... more) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents"), NOW));
        args.addAll(List.of(more));
        ConsoleLines.Run run = ConsoleLines.run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.output()).isZero();
        return run;
    }

    @Test
    void aWeeksReportListsItsOwnAndUndatedRejectionsAndCountsTheOthersInOneLine(@TempDir Path input,
            @TempDir Path output, @TempDir Path store) throws Exception {
        Files.writeString(input.resolve("a.csv"), TWO_WEEKS, StandardCharsets.UTF_8);

        ConsoleLines.Run run = run(input, output, store, "--week=2025-W49");
        Path report = output.resolve("2025-W49");

        List<List<String>> rejected = records(report.resolve("rejected.csv"));
        assertThat(rejected.get(0)).containsExactly("file", "line", "column", "value", "reason", "raw", "night",
                "new", "note");
        // Line 3 (Atlantis, 2 Dec) and line 8 (unknown event type, 4 Dec) are W49's; line 5 has no date;
        // line 4 (Narnia, 25 Nov) is W48's.
        assertThat(rejected.subList(1, rejected.size())).extracting(r -> r.get(1), r -> r.get(6), r -> r.get(7))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3", "2025-12-02/03", "yes"),
                        org.assertj.core.groups.Tuple.tuple("5", "", "yes"),
                        org.assertj.core.groups.Tuple.tuple("8", "2025-12-04/05", "yes"));
        assertThat(rejected.get(2).get(8)).startsWith("undated");
        assertThat(rejected.get(1).get(8)).isEmpty();

        List<List<String>> unresolved = records(report.resolve("unresolved-names.csv"));
        assertThat(unresolved.subList(1, unresolved.size())).extracting(r -> r.get(0))
                .containsExactlyInAnyOrder("Atlantis", "Wwyxjpk");

        assertThat(run.output()).contains("Rejected 3 rows: ")
                // Every row is new on a first run: the console does not say so (the sheet and the CSV do).
                .contains("Of the rejected rows: 1 with no usable date (shown in every report until fixed)")
                .doesNotContain("new since the last run")
                .contains("1 more row was rejected on nights outside this period");

        List<String> quality = column(report.resolve("incident-report-2025-W49.xlsx"), "Data quality", 6);
        assertThat(quality).anyMatch(text -> text.startsWith("Other periods: 1 more row was rejected"))
                .anyMatch(text -> text.startsWith("No usable date: 1 of these rows"))
                .anyMatch(text -> text.startsWith("New since the last run: 3 of these rows"))
                .anyMatch(text -> text.startsWith("unknown region") && text.endsWith("night 2025-12-02/03"))
                .noneMatch(text -> text.contains("Narnia") || text.contains("Qqzxvbn"));
        assertThat(column(report.resolve("incident-report-2025-W49.xlsx"), "Data quality", 0))
                .filteredOn("Rejected row, new"::equals).hasSize(3);

        // The previous week's report shows its own rejection, the undated one, and names W49's as one line.
        ConsoleLines.Run w48 = run(input, output, store, "--week=2025-W48");
        List<List<String>> rejected48 = records(output.resolve("2025-W48/rejected.csv"));
        assertThat(rejected48.subList(1, rejected48.size())).extracting(r -> r.get(1)).containsExactly("4", "5");
        List<List<String>> unresolved48 = records(output.resolve("2025-W48/unresolved-names.csv"));
        assertThat(unresolved48.subList(1, unresolved48.size())).extracting(r -> r.get(0))
                .containsExactlyInAnyOrder("Narnia", "Qqzxvbn");
        assertThat(w48.output()).contains("Rejected 2 rows: ").contains("2 more rows were rejected on nights outside")
                // Nothing was read again: no row is new since the last run.
                .doesNotContain("new since the last run");

        // The report of all nights shows every rejection and no other period.
        ConsoleLines.Run all = run(input, output, store);
        List<List<String>> rejectedAll = records(output.resolve("all/rejected.csv"));
        assertThat(rejectedAll.subList(1, rejectedAll.size())).extracting(r -> r.get(1))
                .containsExactly("3", "4", "5", "8");
        assertThat(all.output()).contains("Rejected 4 rows: ").doesNotContain("outside this period");
    }

    @Test
    void onlyTheRowsOfFilesThisRunReadAreNew(@TempDir Path input, @TempDir Path output, @TempDir Path store)
            throws Exception {
        Files.writeString(input.resolve("a.csv"), TWO_WEEKS, StandardCharsets.UTF_8);
        run(input, output, store, "--week=2025-W49");
        Files.writeString(input.resolve("b.csv"), """
                occurred_at,region,event_type,source
                2025-12-05 22:00,Belgorod Oblast,shot_down,governor
                2025-12-05 23:00,Belgorod Oblast,flying,governor
                """, StandardCharsets.UTF_8);

        ConsoleLines.Run run = run(input, output, store, "--week=2025-W49");

        List<List<String>> rejected = records(output.resolve("2025-W49/rejected.csv"));
        assertThat(rejected.subList(1, rejected.size())).extracting(r -> r.get(0) + ":" + r.get(1) + " " + r.get(7))
                .containsExactly("a.csv:3 ", "a.csv:5 ", "a.csv:8 ", "b.csv:3 yes");
        assertThat(run.output()).contains("Rejected 4 rows: ").contains("Of the rejected rows: 1 new since the last run");
    }

    static List<List<String>> records(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
            reader.forEach(r -> records.add(r.getFields()));
        }
        return records;
    }

    /** The text of one column of a sheet, row by row (blank cells as ""). */
    static List<String> column(Path xlsx, String sheetName, int column) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            List<String> texts = new ArrayList<>();
            for (Row row : sheet) {
                Cell cell = row.getCell(column);
                texts.add(cell == null ? "" : cell.toString());
            }
            return texts;
        }
    }

    /** The text of one row of a sheet, cell by cell (blank cells as ""). */
    static List<String> row(Path xlsx, String sheetName, int rowNumber) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Row row = workbook.getSheet(sheetName).getRow(rowNumber);
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                texts.add(cell == null ? "" : cell.toString());
            }
            return texts;
        }
    }
}
