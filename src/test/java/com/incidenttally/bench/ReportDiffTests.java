package com.incidenttally.bench;

import com.incidenttally.IncidentTallyApplication;
import com.incidenttally.bench.IncidentCsvGenerator.Options;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report comparison on reports the real job wrote: two runs on the same input are the same report, and
 * each kind of change made to a copy of one is found and located.
 */
class ReportDiffTests {

    private static final String XLSX = "incident-report-all.xlsx";

    @TempDir
    static Path runs;
    /** The reports of two runs of the job on the same input, each with its own store. */
    private static Path first;
    private static Path second;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTheJobTwiceOnTheSameInput() throws IOException {
        Path input = runs.resolve("input");
        new IncidentCsvGenerator(Options.of(1200, 3, 1, input)).generate();
        first = runJob(input, "first");
        second = runJob(input, "second");
    }

    private static Path runJob(Path input, String name) {
        String[] args = {"--input=" + input, "--output=" + runs.resolve(name),
                "--db=jdbc:h2:file:" + runs.resolve(name + "-store/incidents"), "--now=2026-01-31T12:00:00Z"};
        Result run = capture(() -> IncidentTallyApplication.run(args, Map.of()));
        assertThat(run.code()).as(run.output()).isZero();
        return runs.resolve(name).resolve("all");
    }

    private record Result(int code, String output) {

        /** The lines that report a difference: file, two spaces, where. */
        List<String> differences() {
            return output.lines().filter(line -> line.contains("  ") && line.contains(": before ")).toList();
        }
    }

    private interface Run {
        int run();
    }

    private static Result capture(Run run) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int code;
        try {
            System.setOut(both);
            System.setErr(both);
            code = run.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Result(code, printed.toString(StandardCharsets.UTF_8));
    }

    private static Result diff(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int code = ReportDiff.run(args, out, out);
        return new Result(code, printed.toString(StandardCharsets.UTF_8));
    }

    private static Result diff(Path before, Path after) {
        return diff(before.toString(), after.toString());
    }

    /** A copy of the first run's report, to change. */
    private Path copyOfFirst() throws IOException {
        return copyOfFirst("copy");
    }

    private Path copyOfFirst(String name) throws IOException {
        Path copy = dir.resolve(name);
        // reports/all is a link to the run's folder
        Path report = first.toRealPath();
        try (Stream<Path> files = Files.walk(report)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(report.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private interface WorkbookChange {
        void apply(XSSFWorkbook workbook);

        default WorkbookChange andThen(WorkbookChange next) {
            return workbook -> {
                apply(workbook);
                next.apply(workbook);
            };
        }
    }

    private static void changeWorkbook(Path report, WorkbookChange change) throws IOException {
        Path xlsx = report.resolve(XLSX);
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(xlsx)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook; OutputStream out = Files.newOutputStream(xlsx)) {
            change.apply(workbook);
            workbook.write(out);
        }
    }

    private static Cell cell(XSSFWorkbook workbook, String sheet, int row, int column) {
        return workbook.getSheet(sheet).getRow(row).getCell(column);
    }

    /**
     * A new cell in the place of an inline-string cell: POI, given a value for such a cell, writes the new
     * value beside the old inline string, which readers then take.
     */
    private static Cell replaced(Cell cell) {
        Row row = cell.getRow();
        int column = cell.getColumnIndex();
        row.removeCell(cell);
        return row.createCell(column);
    }

    @Test
    void twoRunsOnTheSameInputAreTheSameReport() throws IOException {
        // The input has what every file compares: rejected rows, unresolved names, every chart.
        assertThat(Files.readAllLines(first.resolve("rejected.csv"))).hasSizeGreaterThan(5);
        assertThat(Files.readAllLines(first.resolve("unresolved-names.csv"))).hasSizeGreaterThan(5);
        assertThat(first.resolve("charts/weekly-trend.png")).isRegularFile();

        Result result = diff(first, second);

        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output().lines()).singleElement().asString()
                .startsWith("Same report: charts/ (6 files, their names and pixel sizes; 6 of them the same bytes)")
                .contains(XLSX + " (", "rejected.csv (", "summary.json (", "unresolved-names.csv (");
    }

    @Test
    void aChangedCellIsFoundAndLocatedBySheetAndAddress() throws IOException {
        Path changed = copyOfFirst();
        String[] values = new String[2];
        changeWorkbook(changed, workbook -> {
            Cell region = cell(workbook, "Incidents", 4, 3);
            values[0] = region.getStringCellValue();
            replaced(region).setCellValue("Atlantis");
            Cell incidents = cell(workbook, "By night", 2, 3);
            values[1] = Double.toString(incidents.getNumericCellValue());
            incidents.setCellValue(incidents.getNumericCellValue() + 0.5);
        });

        Result result = diff(first, changed);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.differences()).containsExactly(
                XLSX + "  By night!D3: before " + values[1] + " (number), after "
                        + (Double.parseDouble(values[1]) + 0.5) + " (number)",
                XLSX + "  Incidents!D5: before \"" + values[0] + "\" (text), after \"Atlantis\" (text)");
        assertThat(result.output()).endsWith("2 differences between " + first + " and " + changed + "\n");
    }

    @Test
    void aNumberBecomingTextOrAFormulaIsADifference() throws IOException {
        Path changed = copyOfFirst();
        changeWorkbook(changed, workbook -> {
            Cell incidents = cell(workbook, "By region", 1, 2);
            String text = Long.toString((long) incidents.getNumericCellValue());
            incidents.setCellValue(text);
            cell(workbook, "By region", 2, 2).setCellFormula("SUM(C2:C2)");
        });

        Result result = diff(first, changed);

        assertThat(result.differences()).hasSize(2);
        assertThat(result.differences().get(0)).startsWith(XLSX + "  By region!C2: before ").endsWith(" (text)");
        assertThat(result.differences().get(1)).startsWith(XLSX + "  By region!C3: before ")
                .endsWith(", after =SUM(C2:C2) (formula)");
    }

    @Test
    void theGenerationTimeOnSummaryAndRunInfoAreLeftOutButTheLabelIsNot() throws IOException {
        Path changed = copyOfFirst();
        changeWorkbook(changed, workbook -> {
            Row generated = generatedAtRow(workbook.getSheet("Summary"));
            generated.getCell(1).setCellValue(generated.getCell(1).getNumericCellValue() + 1);
            Sheet runInfo = workbook.getSheet("Run info");
            Row parameters = runInfo.getRow(3);
            Cell value = parameters.getCell(1);
            (value == null ? parameters.createCell(1) : replaced(value)).setCellValue("another run");
        });
        assertThat(diff(first, changed).code()).isZero();

        changeWorkbook(changed, workbook -> generatedAtRow(workbook.getSheet("Summary")).getCell(0)
                .setCellValue("Made at"));

        Result result = diff(first, changed);
        assertThat(result.differences()).singleElement().asString()
                .endsWith(": before \"Generated at (UTC)\" (text), after \"Made at\" (text)");
    }

    private static Row generatedAtRow(Sheet summary) {
        return generatedAtRow(summary, "Generated at (UTC)");
    }

    private static Row generatedAtRow(Sheet summary, String label) {
        for (Row row : summary) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("Summary has no row labelled " + label);
    }

    @Test
    void inARussianWorkbookTheGenerationTimeAndRunInfoAreLeftOutToo() throws IOException {
        WorkbookChange russian = workbook -> {
            workbook.setSheetName(workbook.getSheetIndex("Summary"), "Сводка");
            workbook.setSheetName(workbook.getSheetIndex("Run info"), "О запуске");
            generatedAtRow(workbook.getSheet("Сводка")).getCell(0).setCellValue("Сформирован (UTC)");
        };
        Path before = copyOfFirst("before");
        changeWorkbook(before, russian);
        Path after = copyOfFirst("after");
        changeWorkbook(after, russian.andThen(workbook -> {
            Row generated = generatedAtRow(workbook.getSheet("Сводка"), "Сформирован (UTC)");
            generated.getCell(1).setCellValue(generated.getCell(1).getNumericCellValue() + 1);
            Row parameters = workbook.getSheet("О запуске").getRow(3);
            Cell value = parameters.getCell(1);
            (value == null ? parameters.createCell(1) : replaced(value)).setCellValue("another run");
        }));

        Result result = diff(before, after);

        assertThat(result.code()).as(result.output()).isZero();
    }

    @Test
    void sheetOrderMergedRegionsAndPrintAreasAreCompared() throws IOException {
        Path changed = copyOfFirst();
        String[] merged = new String[1];
        changeWorkbook(changed, workbook -> {
            workbook.setSheetOrder("Data quality", 1);
            Sheet summary = workbook.getSheet("Summary");
            CellRangeAddress region = summary.getMergedRegion(0);
            merged[0] = region.formatAsString();
            summary.removeMergedRegion(0);
            workbook.setPrintArea(workbook.getSheetIndex("Incidents"), "$A$1:$C$5");
        });

        Result result = diff(first, changed);

        assertThat(result.differences()).containsExactlyInAnyOrder(
                XLSX + "  sheets: before [Summary, Map, By region, By district, By night, Region x night, Incidents, "
                        + "Data quality, Sources, Run info], after [Summary, Data quality, Map, By region, By district, "
                        + "By night, Region x night, Incidents, Sources, Run info]",
                XLSX + "  _xlnm.Print_Area of Incidents: before Incidents!$A$1:$M$" + printedRows(first, "Incidents")
                        + ", after Incidents!$A$1:$C$5",
                XLSX + "  Summary merged region " + merged[0] + ": before merged, after (none)");
    }

    /** The last row of a sheet's print area, as the workbook that was not changed has it. */
    private static int printedRows(Path report, String sheet) throws IOException {
        try (InputStream in = Files.newInputStream(report.resolve(XLSX));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            String area = workbook.getPrintArea(workbook.getSheetIndex(sheet));
            return Integer.parseInt(area.substring(area.lastIndexOf('$') + 1));
        }
    }

    @Test
    void aChangedJsonNumberIsFoundAndLocatedByPointerAndEntry() throws IOException {
        Path changed = copyOfFirst();
        Path json = changed.resolve("summary.json");
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode summary = (ObjectNode) mapper.readTree(json);
        ObjectNode totals = (ObjectNode) summary.get("totals");
        long incidents = totals.get("incidents").longValue();
        totals.put("incidents", incidents + 1);
        ObjectNode firstRegion = (ObjectNode) summary.get("by_region").get(0);
        long killed = firstRegion.get("killed").longValue();
        firstRegion.put("killed", (double) killed);
        Files.writeString(json, mapper.writeValueAsString(summary));

        Result result = diff(first, changed);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.differences()).containsExactly(
                "summary.json  /totals/incidents: before " + incidents + ", after " + (incidents + 1),
                "summary.json  /by_region/0/killed (" + firstRegion.get("region").stringValue() + "): before "
                        + killed + ", after " + (double) killed);
    }

    @Test
    void aChangedRejectedFieldIsFoundAndLocatedByRecordLineAndColumn() throws IOException {
        Path changed = copyOfFirst();
        Path rejected = changed.resolve("rejected.csv");
        String text = Files.readString(rejected, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        StringWriter rewritten = new StringWriter().append('\uFEFF');
        String reason = null;
        try (CSVPrinter printer = new CSVPrinter(rewritten, CSVFormat.RFC4180)) {
            for (CSVRecord record : records) {
                List<String> fields = new ArrayList<>(record.toList());
                if (record.getRecordNumber() == 3) {
                    reason = fields.get(4);
                    fields.set(4, "a reason of the new version");
                }
                printer.printRecord(fields);
            }
        }
        Files.writeString(rejected, rewritten.toString(), StandardCharsets.UTF_8);

        Result result = diff(first, changed);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.differences()).containsExactly("rejected.csv  record 3 (line 3) reason: before \""
                + reason + "\", after \"a reason of the new version\"");
    }

    @Test
    void aRecordMoreOrFewerAndALostByteOrderMarkAreDifferences() throws IOException {
        Path changed = copyOfFirst();
        Path names = changed.resolve("unresolved-names.csv");
        List<String> lines = Files.readAllLines(names, StandardCharsets.UTF_8);
        List<String> fewer = new ArrayList<>(lines.subList(0, lines.size() - 1));
        fewer.set(0, fewer.get(0).substring(1));
        Files.write(names, fewer, StandardCharsets.UTF_8);

        Result result = diff(first, changed);

        assertThat(result.differences()).containsExactly(
                "unresolved-names.csv  byte order mark: before yes, after no",
                "unresolved-names.csv  record " + lines.size() + " (line " + lines.size() + "): before \""
                        + lines.get(lines.size() - 1) + "\", after (none)");
    }

    @Test
    void aMissingFileOrChartIsADifference() throws IOException {
        Path changed = copyOfFirst();
        Files.delete(changed.resolve("unresolved-names.csv"));
        Files.delete(changed.resolve("charts/weekly-trend.png"));
        Files.writeString(changed.resolve("timings.txt"), "12 s");

        Result result = diff(first, changed);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.differences()).containsExactly(
                "charts/weekly-trend.png  the file: before present, after (none)",
                "timings.txt  the file: before (none), after present",
                "unresolved-names.csv  the file: before present, after (none)");
    }

    @Test
    void aChartOfAnotherSizeIsADifferenceButOtherPixelsAreNot() throws IOException {
        Path changed = copyOfFirst();
        ImageIO.write(new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB), "png",
                changed.resolve("charts/incidents-by-night.png").toFile());
        Result otherPixels = diff(first, changed);
        assertThat(otherPixels.code()).isZero();
        assertThat(otherPixels.output())
                .contains("charts/ (6 files, their names and pixel sizes; 5 of them the same bytes)");

        ImageIO.write(new BufferedImage(800, 450, BufferedImage.TYPE_INT_RGB), "png",
                changed.resolve("charts/top-districts.png").toFile());

        Result result = diff(first, changed);
        assertThat(result.differences()).containsExactly(
                "charts/top-districts.png  width x height: before png 1600x900, after png 800x450");
    }

    @Test
    void aFileThatCannotBeReadIsADifferenceAndTheRestIsStillCompared() throws IOException {
        Path changed = copyOfFirst();
        Files.writeString(changed.resolve(XLSX), "not a workbook");
        Files.writeString(changed.resolve("summary.json"), "{\"label\": ");

        Result result = diff(first, changed);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.differences()).hasSize(2);
        assertThat(result.differences().get(0)).startsWith(XLSX + "  the file: before readable, after cannot be "
                + "compared: ");
        assertThat(result.differences().get(1)).startsWith("summary.json  the file: before readable, after cannot "
                + "be compared: not JSON");
    }

    @Test
    void atMostFiftyDifferencesAFileArePrintedAndTheRestCounted() throws IOException {
        Path changed = copyOfFirst();
        changeWorkbook(changed, workbook -> {
            Sheet incidents = workbook.getSheet("Incidents");
            for (int row = 1; row <= 60; row++) {
                replaced(incidents.getRow(row).getCell(0)).setCellValue("X-" + row);
            }
        });

        Result result = diff(first, changed);

        assertThat(result.differences()).hasSize(50);
        assertThat(result.differences().get(49)).startsWith(XLSX + "  Incidents!A51: ");
        assertThat(result.output()).contains(XLSX + "  10 more differences not shown, 60 in all\n");
    }

    @Test
    void badUsageExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), "{}");

        assertThat(diff().code()).isEqualTo(2);
        assertThat(diff(first.toString()).code()).isEqualTo(2);
        assertThat(diff(first.toString(), second.toString(), first.toString()).code()).isEqualTo(2);
        Result notAFolder = diff(first, file);
        assertThat(notAFolder.code()).isEqualTo(2);
        assertThat(notAFolder.output()).startsWith("ReportDiff: not a folder: " + file + "\n");
        assertThat(diff(first, dir.resolve("nowhere")).code()).isEqualTo(2);
    }
}
