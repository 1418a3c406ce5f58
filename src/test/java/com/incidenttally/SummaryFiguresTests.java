package com.incidenttally;

import com.incidenttally.bench.IncidentCsvGenerator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of a report add up, wherever they are shown (issue 19 item 2): the job run whole on
 * generated and on real files, the workbook reopened with POI and summary.json parsed. Summary =
 * By region total = By night total = summary.json = the Incidents sheet's rows; regions affected =
 * By region's rows with incidents; the top regions and "Other regions (N)" = the areas affected.
 */
class SummaryFiguresTests {

    private static final Pattern COUNT_IN_BRACKETS = Pattern.compile("\\((\\d+)\\)");

    @Test
    void generatedFilesAddUpOnEverySheetAndInSummaryJson(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        IncidentCsvGenerator.main(new String[] {"--rows=3000", "--files=3", "--seed=19", "--out=" + input,
                "--last-night=2026-11-29", "--nights=70"});
        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(),
                "--week=2026-W48", "--now=2026-12-01T12:00:00Z");
        assertThat(run.code()).as(run.output()).isZero();

        Path report = dir.resolve("out/2026-W48");
        Figures figures = figures(report);
        assertThat(figures.incidents).isPositive();
        figures.addUp();
        // Generated data of ten weeks: the previous week is there to compare with.
        assertThat(figures.comparedTotalPrevious).isEqualTo(figures.previousIncidents).isPositive();
    }

    @Test
    void theSirensLogAddsUpInAWeekWithAPreviousWeek(@TempDir Path dir) throws Exception {
        Path sirens = Path.of("../shared/data/real/ukraine-air-raid-sirens/official_data_en.csv");
        Assumptions.assumeTrue(Files.isRegularFile(sirens), "the real data is not beside the project");
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.copy(sirens, input.resolve("official_data_en.csv"));
        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(),
                "--columns=docs/sirens-columns.csv", "--week=2023-W52", "--now=2024-05-01T00:00:00Z");
        assertThat(run.code()).as(run.output()).isZero();

        Figures figures = figures(dir.resolve("out/2023-W52"));
        assertThat(figures.incidents).isPositive();
        figures.addUp();
        assertThat(figures.json.get("period").get("complete").asBoolean()).isTrue();
    }

    private static String memoryStore() {
        return "--db=jdbc:h2:mem:figures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Every figure the identities speak of, read from the report as a person or a program would. */
    private static final class Figures {
        long incidents;
        long previousIncidents;
        long regions;
        long seaAreas;
        long districts;
        long unresolved;
        long byRegionTotal;
        long byRegionRows;
        long byNightTotal;
        long incidentRows;
        int topRows;
        long otherRegions;
        long comparedTotal;
        long comparedTotalPrevious;
        JsonNode json;

        void addUp() {
            assertThat(byRegionTotal).as("By region total").isEqualTo(incidents);
            assertThat(byNightTotal).as("By night total").isEqualTo(incidents);
            assertThat(json.get("totals").get("incidents").asLong()).as("summary.json").isEqualTo(incidents);
            assertThat(incidentRows).as("rows of the Incidents sheet").isEqualTo(incidents);
            assertThat(comparedTotal).as("the top regions' total").isEqualTo(incidents);
            assertThat(regions + seaAreas).as("areas affected = By region's rows with incidents").isEqualTo(byRegionRows);
            assertThat(topRows + otherRegions).as("top regions + Other regions (N)").isEqualTo(regions + seaAreas);
            JsonNode totals = json.get("totals");
            assertThat(totals.get("regions").asLong()).isEqualTo(regions);
            assertThat(totals.get("sea_areas").asLong()).isEqualTo(seaAreas);
            assertThat(totals.get("districts").asLong()).isEqualTo(districts);
            assertThat(totals.get("unresolved_districts").asLong()).isEqualTo(unresolved);
            assertThat(sum(json.get("by_region"))).isEqualTo(incidents);
            assertThat(sum(json.get("by_night"))).isEqualTo(incidents);
            assertThat(sum(json.get("by_district"))).isEqualTo(incidents);
            long regionRows = 0;
            for (JsonNode region : json.get("by_region")) {
                regionRows += region.get("incidents").asLong() > 0 ? 1 : 0;
            }
            assertThat(regionRows).isEqualTo(regions + seaAreas);
            // Districts affected are the resolved districts; a name kept unresolved is counted apart.
            long resolved = 0;
            long kept = 0;
            for (JsonNode district : json.get("by_district")) {
                if (district.get("district").isNull()) {
                    continue;
                }
                if (district.get("district").asString().endsWith(" (unresolved)")) {
                    kept++;
                } else {
                    resolved++;
                }
            }
            assertThat(resolved).as("resolved districts of by_district").isEqualTo(districts);
            assertThat(kept).as("unresolved names of by_district").isEqualTo(unresolved);
        }
    }

    private static Figures figures(Path report) throws IOException {
        Figures figures = new Figures();
        figures.json = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        try (InputStream in = Files.newInputStream(report.resolve("incident-report-" + report.getFileName() + ".xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet summary = workbook.getSheet("Summary");
            figures.incidents = number(summary, "Incidents", 1);
            figures.previousIncidents = number(summary, "Incidents", 2);
            figures.regions = number(summary, "Regions affected", 1);
            figures.seaAreas = row(summary, "Sea areas affected").isPresent() ? number(summary, "Sea areas affected", 1) : 0;
            figures.districts = number(summary, "Districts affected", 1);
            figures.unresolved = row(summary, "District names not resolved").isPresent()
                    ? number(summary, "District names not resolved", 1) : 0;
            // The top regions' table: its header, its rows, "Other regions (N)", the previous period's own, Total.
            List<Row> table = new ArrayList<>();
            boolean inTable = false;
            for (Row row : summary) {
                String first = text(row.getCell(0));
                if (first.equals("Region") && !inTable && table.isEmpty()) {
                    inTable = true;
                    continue;
                }
                if (inTable) {
                    if (first.equals("Total")) {
                        figures.comparedTotal = (long) row.getCell(1).getNumericCellValue();
                        Cell previous = row.getCell(2);
                        figures.comparedTotalPrevious = previous != null && previous.getCellType() == CellType.NUMERIC
                                ? (long) previous.getNumericCellValue() : 0;
                        break;
                    }
                    table.add(row);
                }
            }
            for (Row row : table) {
                String name = text(row.getCell(0));
                if (name.startsWith("Other regions")) {
                    Matcher n = COUNT_IN_BRACKETS.matcher(name);
                    assertThat(n.find()).isTrue();
                    figures.otherRegions = Long.parseLong(n.group(1));
                } else if (!name.startsWith("Only in the previous period")) {
                    figures.topRows++;
                    assertThat(row.getCell(1).getNumericCellValue()).as(name).isPositive();
                }
            }
            Sheet byRegion = workbook.getSheet("By region");
            int incidents = column(byRegion, "Incidents");
            for (Row row : byRegion) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String name = text(row.getCell(0));
                Cell count = row.getCell(incidents);
                if (name.equals("Total")) {
                    figures.byRegionTotal = (long) count.getNumericCellValue();
                } else if (count != null && count.getCellType() == CellType.NUMERIC && count.getNumericCellValue() > 0) {
                    figures.byRegionRows++;
                }
            }
            Sheet byNight = workbook.getSheet("By night");
            figures.byNightTotal = (long) row(byNight, "Total").orElseThrow()
                    .getCell(column(byNight, "Incidents")).getNumericCellValue();
            Sheet listing = workbook.getSheet("Incidents");
            int id = column(listing, "Id");
            for (Row row : listing) {
                if (row.getRowNum() > 0 && !text(row.getCell(id)).isEmpty()) {
                    figures.incidentRows++;
                }
            }
        }
        return figures;
    }

    private static long sum(JsonNode rows) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.get("incidents").asLong();
        }
        return total;
    }

    private static long number(Sheet sheet, String label, int column) {
        Cell cell = row(sheet, label).orElseThrow(() -> new AssertionError("no row " + label)).getCell(column);
        return cell == null || cell.getCellType() != CellType.NUMERIC ? 0 : (long) cell.getNumericCellValue();
    }

    private static Optional<Row> row(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (text(row.getCell(0)).equals(label)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static int column(Sheet sheet, String title) {
        for (Cell cell : sheet.getRow(0)) {
            if (text(cell).equals(title)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + title + " on " + sheet.getSheetName());
    }
}
