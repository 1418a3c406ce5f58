package com.incidenttally.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.incidenttally.ConsoleLines;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A week's report as a manager prints it: the real job on a week of reports from 40 regions, two
 * sources each, then the workbook's print setup read back with POI and, where LibreOffice is installed
 * (CI installs it), the workbook printed to PDF and its text read back with {@code pdftotext}: every
 * incident id, {@code file:line} and count of the listing is on paper whole, no number runs into the
 * text beside it, Run info is whole, Region x night's week fits one page and no page is blank.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedPagesTests {

    private static final LocalDate MONDAY = LocalDate.of(2025, 12, 1);
    private static final int REGIONS = 40;

    private Path dir;

    private Path xlsx;
    private XSSFWorkbook workbook;
    /** The printed columns of Incidents, row by row: id, UAVs, killed, injured, damage, file:line list. */
    private final List<Map<String, String>> listing = new ArrayList<>();

    @BeforeAll
    void runTheJobOnAWeek(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        Path input = Files.createDirectories(dir.resolve("input"));
        List<String> regions = regions();
        try (Writer governors = Files.newBufferedWriter(input.resolve("governors.csv"), StandardCharsets.UTF_8);
             Writer ministry = Files.newBufferedWriter(input.resolve("ministry-of-defence.csv"), StandardCharsets.UTF_8)) {
            String header = "incident_id,night,region,event_type,uav_count,killed,injured,damage,source\n";
            governors.write(header);
            ministry.write(header);
            for (int night = 0; night < 7; night++) {
                String label = MONDAY.plusDays(night) + "/" + String.format("%02d", MONDAY.plusDays(night + 1).getDayOfMonth());
                for (int r = 0; r < regions.size(); r++) {
                    if ((r + night) % 3 != 0) {
                        continue;
                    }
                    // Reported by two sources: one incident with two file:line places. An injured 0 beside
                    // "none reported" is the pair that once printed as "0none reported".
                    String row = "," + label + "," + regions.get(r) + ",shot_down," + (1 + (r * 7 + night) % 23)
                            + "," + (r % 5 == 0 ? "1" : "") + ",0,none reported,";
                    governors.write(row + "Governor (Telegram)\n");
                    ministry.write(row + "Ministry of Defence\n");
                }
            }
            // An analyst's long id, wider than its column: wrapped, never cut.
            governors.write("ANALYST-2025-12-03-LONG-IDENTIFIER-0001,2025-12-03/04," + regions.get(1)
                    + ",debris,2,,3,\"windows broken in a residential building, a car burnt out\",Governor (Telegram)\n");
        }
        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("reports"),
                "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), "--week=2025-W49",
                "--now=2025-12-10T09:00:00Z");
        assertThat(run.code()).as(run.output()).isZero();
        try (Stream<Path> files = Files.walk(dir.resolve("reports"))) {
            xlsx = files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(xlsx)) {
            workbook = new XSSFWorkbook(in);
        }
        XSSFSheet incidents = workbook.getSheet("Incidents");
        DataFormatter format = new DataFormatter();
        Row header = incidents.getRow(0);
        for (Row row : incidents) {
            if (row.getRowNum() == 0 || row.getCell(0) == null || row.getCell(0).getCellType() != CellType.STRING) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < IncidentsSheet.PRINTED_COLUMNS; c++) {
                Cell cell = row.getCell(c);
                cells.put(header.getCell(c).getStringCellValue(), cell == null ? "" : format.formatCellValue(cell).strip());
            }
            listing.add(cells);
        }
    }

    private static List<String> regions() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = PrintedPagesTests.class.getResourceAsStream("/places/regions.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split(",");
                if (fields.length > 4 && fields[0].startsWith("RU-") && "region".equals(fields[4])
                        && names.size() < REGIONS) {
                    names.add(fields[1]);
                }
            }
        }
        return names;
    }

    @Test
    void theListingPrintsOnePageWideWithItsHeaderOnEveryPageAndItsTextWrapped() {
        XSSFSheet incidents = workbook.getSheet("Incidents");
        assertThat(listing).hasSizeGreaterThan(90);
        assertThat(incidents.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
        assertThat(incidents.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        String area = workbook.getPrintArea(workbook.getSheetIndex(incidents));
        assertThat(CellRangeAddress.valueOf(area.replaceAll("^.*!", "")).getLastColumn())
                .isEqualTo(IncidentsSheet.PRINTED_COLUMNS - 1);
        Row first = incidents.getRow(1);
        List<Column> columns = IncidentsSheet.columns(com.incidenttally.report.ReportTexts.english());
        for (int c = 0; c < IncidentsSheet.PRINTED_COLUMNS; c++) {
            // Every printed text column wraps; the local time is a date-time, as wide as it needs.
            boolean text = !columns.get(c).numeric() && c != 2;
            assertThat(first.getCell(c).getCellStyle().getWrapText()).as("column %d wraps", c).isEqualTo(text);
        }
        // The analyst's long id is on a row tall enough for its lines.
        Row analyst = null;
        for (Row row : incidents) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith("ANALYST-")) {
                analyst = row;
            }
        }
        assertThat(analyst).isNotNull();
        assertThat(analyst.getHeightInPoints()).isGreaterThanOrEqualTo(2 * 14.5f);
    }

    @Test
    void regionByNightHasLevelHeadingsAndItsWeekPlannedOnOnePage() {
        XSSFSheet matrix = workbook.getSheet("Region x night");
        Row header = matrix.getRow(0);
        for (int c = 1; c <= 7; c++) {
            assertThat(header.getCell(c).getCellStyle().getRotation()).isZero();
            assertThat(header.getCell(c).getCellStyle().getWrapText()).isTrue();
        }
        assertThat(header.getCell(1).getStringCellValue()).isEqualTo("2025-12-01/\n02");
        assertThat(matrix.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(matrix.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
        assertThat(matrix.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:A"));
    }

    @Test
    void runInfoLabelsWrapInsteadOfRunningIntoTheirValues() {
        XSSFSheet run = workbook.getSheet("Run info");
        Row merged = IncidentWorkbookWriterTests.rowWhere(run, 0, "Merged into another row's incident").orElseThrow();
        assertThat(merged.getCell(0).getCellStyle().getWrapText()).isTrue();
        assertThat(merged.getHeightInPoints()).isGreaterThanOrEqualTo(2 * 14.5f);
        assertThat(run.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(run.getPrintSetup().getFitHeight()).isPositive();
    }

    @Test
    void everyIdFileLineAndCountIsOnPaperWholeAndNoPageIsBlank() throws Exception {
        assumeTrue(onPath("libreoffice") && onPath("pdftotext") && onPath("pdfinfo"),
                "LibreOffice and poppler-utils are not installed: the printed pages are not checked here (CI installs them)");
        Path pdf = printed();
        int pages = pages(pdf);
        Map<String, StringBuilder> layoutBySheet = new LinkedHashMap<>();
        Map<String, List<List<Word>>> wordsBySheet = new LinkedHashMap<>();
        Map<String, Integer> pagesBySheet = new LinkedHashMap<>();
        for (int page = 1; page <= pages; page++) {
            String layout = pdftotext(pdf, page);
            List<String> lines = layout.lines().filter(line -> !line.isBlank()).toList();
            // A page holds its running title, its page number and something printed between them.
            assertThat(lines).as("page %d of %d is blank:%n%s", page, pages, layout).hasSizeGreaterThan(2);
            Matcher title = Pattern.compile(" — (.+?)\\s*$").matcher(lines.get(0).strip());
            assertThat(title.find()).as("page %d has its running title: %s", page, lines.get(0)).isTrue();
            String sheet = title.group(1);
            pagesBySheet.merge(sheet, 1, Integer::sum);
            layoutBySheet.computeIfAbsent(sheet, s -> new StringBuilder()).append(layout).append('\n');
            wordsBySheet.computeIfAbsent(sheet, s -> new ArrayList<>()).add(words(pdf, page));
        }

        assertThat(pagesBySheet.get("Region x night")).as("a week of 40 regions on one page").isEqualTo(1);

        String incidents = layoutBySheet.get("Incidents").toString();
        String ids = column(wordsBySheet.get("Incidents"), "Id", "Night");
        String origins = column(wordsBySheet.get("Incidents"), "From", null);
        List<String> idLines = incidents.lines().toList();
        for (Map<String, String> row : listing) {
            String id = row.get("Id");
            if (id.startsWith("ANALYST-")) {
                // Wider than its column: wrapped over lines, every part of it printed.
                assertThat(ids).contains(whole(id));
            } else {
                assertThat(incidents).as("the id %s whole on paper", id).containsPattern("(^|\\s)" + Pattern.quote(id) + "\\s");
            }
            for (String place : row.get("From (file:line)").split(", ")) {
                assertThat(origins).as("%s of %s on paper", place, id).contains(whole(place));
            }
            // The row's first printed line: the one with its id, or the first part of a wrapped one.
            Pattern first = Pattern.compile(id.startsWith("ANALYST-") ? "(^|\\s)ANALYST-"
                    : "(^|\\s)" + Pattern.quote(id) + "\\s");
            String line = idLines.stream().filter(l -> first.matcher(l).find()).findFirst().orElseThrow();
            // The counts, each standing apart: "0 none reported", never "0none reported".
            for (String count : List.of("UAVs", "Killed", "Injured")) {
                if (!row.get(count).isEmpty()) {
                    assertThat(line).as("%s of %s", count, id).containsPattern("\\s" + row.get(count) + "\\s");
                }
            }
            if (!row.get("Damage").isEmpty() && !row.get("Injured").isEmpty()) {
                String firstWord = row.get("Damage").split(" ")[0];
                assertThat(line).as("the injured and the damage of %s apart", id)
                        .containsPattern("\\s" + row.get("Injured") + "\\s+" + Pattern.quote(firstWord));
            }
        }

        // Run info whole: every label and value of its first column as written.
        // Labels read down their column; a note under a table runs across the page, on one line.
        String runInfo = column(wordsBySheet.get("Run info"), "Run", "Value") + " | "
                + whole(layoutBySheet.get("Run info").toString());
        for (Row row : workbook.getSheet("Run info")) {
            Cell label = row.getCell(0);
            if (label != null && label.getCellType() == CellType.STRING && !label.getStringCellValue().isBlank()) {
                assertThat(runInfo).as("Run info prints %s whole", label.getStringCellValue())
                        .contains(whole(label.getStringCellValue()));
            }
        }
    }

    /** A word on a printed page and where it is, in points from the top left corner. */
    private record Word(double x, double y, String text) {
    }

    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"[\\d.]+\">(.*?)</word>");

    /** Where the running title printed in the top margin ends, in points from the top of the page. */
    private static final double RUNNING_TITLE_BOTTOM = 32;

    /** The words of a page under its running title. */
    private static List<Word> words(Path pdf, int page) throws Exception {
        List<Word> words = new ArrayList<>();
        Matcher word = WORD.matcher(run("pdftotext", "-bbox", "-f", String.valueOf(page), "-l", String.valueOf(page),
                pdf.toString(), "-"));
        while (word.find()) {
            if (Double.parseDouble(word.group(2)) < RUNNING_TITLE_BOTTOM) {
                continue;
            }
            words.add(new Word(Double.parseDouble(word.group(1)), Double.parseDouble(word.group(2)),
                    word.group(3).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                            .replace("&apos;", "'")));
        }
        return words;
    }

    /**
     * The text of one column of a sheet's printed pages, top to bottom, page after page: the words from
     * the left edge of the heading {@code from} up to the heading {@code to} (or the page's edge),
     * {@link #whole whole}. A value wrapped in its column reads as one.
     */
    private static String column(List<List<Word>> pages, String from, String to) {
        StringBuilder text = new StringBuilder();
        double[] edges = {-1, Double.MAX_VALUE};
        for (List<Word> page : pages) {
            // A page without the headings (Run info's second) has the columns of the page before.
            page.stream().filter(w -> w.text().equals(from)).mapToDouble(Word::x).min().ifPresent(x -> edges[0] = x);
            if (to != null) {
                page.stream().filter(w -> w.text().equals(to)).mapToDouble(Word::x).min().ifPresent(x -> edges[1] = x);
            }
            double left = edges[0];
            double right = edges[1];
            assertThat(left).as("the heading %s", from).isNotNegative();
            page.stream().filter(w -> w.x() >= left - 1 && w.x() < right - 1)
                    .sorted(java.util.Comparator.comparingDouble((Word w) -> Math.round(w.y()))
                            .thenComparingDouble(Word::x))
                    .forEach(w -> text.append(w.text()).append(' '));
        }
        return whole(text.toString());
    }

    /** Text as printed, read in order: lines joined, a break after a hyphen or a slash closed up. */
    private static String whole(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("([-/–]) ", "$1").strip();
    }

    private Path printed() throws Exception {
        Path out = Files.createDirectories(dir.resolve("pdf"));
        // A profile of its own, so that a LibreOffice the user has open does not take the job.
        Process convert = new ProcessBuilder("libreoffice", "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", out.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("libreoffice.log").toFile()).start();
        assertThat(convert.waitFor(240, TimeUnit.SECONDS)).as("LibreOffice converts within 4 minutes").isTrue();
        Path pdf = out.resolve(xlsx.getFileName().toString().replaceAll("\\.xlsx$", ".pdf"));
        assertThat(pdf).as(Files.readString(dir.resolve("libreoffice.log"))).exists();
        return pdf;
    }

    private static int pages(Path pdf) throws Exception {
        Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(run("pdfinfo", pdf.toString()));
        assertThat(pages.find()).isTrue();
        return Integer.parseInt(pages.group(1));
    }

    private static String pdftotext(Path pdf, int page) throws Exception {
        return run("pdftotext", "-f", String.valueOf(page), "-l", String.valueOf(page), "-layout", pdf.toString(), "-");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }
}
