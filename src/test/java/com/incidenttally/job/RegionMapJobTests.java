package com.incidenttally.job;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.incidenttally.report.charts.BundledFonts;
import com.incidenttally.report.map.Boundaries;
import com.incidenttally.report.map.MapClasses;
import com.incidenttally.report.map.RegionMapRenderer;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maps end to end: the real job on real files, then the PNGs read back pixel by pixel against the
 * tallies of {@code summary.json}, and the workbook's Map sheet reopened with POI.
 */
@SpringBatchTest
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:region-map-tests;DB_CLOSE_DELAY=-1")
class RegionMapJobTests {

    private static final Instant CLOCK = Instant.parse("2025-12-16T09:00:00Z");

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    private final ObjectMapper json = new ObjectMapper();
    private long runId = System.nanoTime();

    /** A finished run (wrapped: @SpringBatchTest takes a method returning a JobExecution for a factory of its own). */
    private record Finished(JobExecution execution) {
    }

    private Finished run(Path input, Path output, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--now=" + CLOCK));
        args.addAll(List.of(options));
        RunOptions parsed = RunOptions.parse(args.toArray(String[]::new), Map.of(), CLOCK);
        return new Finished(jobOperatorTestUtils.startJob(RunParameters.of(parsed).toJobParameters(++runId)));
    }

    @Test
    void theSampleGetsAMapShadedByItsTalliesAndAMapSheetAfterSummary(@TempDir Path output) throws Exception {
        JobExecution execution = run(Path.of("input"), output).execution();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("all");

        Map<String, Long> counts = counts(json.readTree(report.resolve("summary.json").toFile()));
        assertThat(counts).containsOnlyKeys("RU-ROS", "RU-SMO", "RU-VGG");
        Path png = report.resolve("charts/region-map.png");
        BufferedImage map = ImageIO.read(png.toFile());
        assertThat(map.getWidth()).isEqualTo(1600);
        assertThat(map.getHeight()).isEqualTo(900);
        assertThat(report.resolve("charts/region-change-map.png")).doesNotExist();
        // Each region with incidents, and a neighbour without, in its class colour where the map drew it.
        MapClasses classes = MapClasses.counts(5);
        assertAreaColour(map, counts, "RU-ROS", classes.binOf(counts.get("RU-ROS")).colour().getRGB());
        assertAreaColour(map, counts, "RU-SMO", classes.binOf(counts.get("RU-SMO")).colour().getRGB());
        assertAreaColour(map, counts, "RU-VGG", classes.binOf(counts.get("RU-VGG")).colour().getRGB());
        assertAreaColour(map, counts, "RU-VOR", MapClasses.NONE.getRGB());

        try (XSSFWorkbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            assertThat(workbook.getSheetName(1)).isEqualTo("Map");
            XSSFSheet sheet = workbook.getSheet("Map");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            List<XSSFPicture> pictures = pictures(sheet);
            assertThat(pictures).hasSize(1);
            assertThat(pictures.get(0).getPictureData().getData()).isEqualTo(Files.readAllBytes(png));
            assertThat(rows(sheet)).contains(
                    List.of("Region or sea", "Class on the map", "Incidents"),
                    List.of("Rostov Oblast", "5", "5"), List.of("Smolensk Oblast", "1", "1"),
                    List.of("Volgograd Oblast", "1", "1"));
            // Anchored over several columns and rows: a picture with no width would not print.
            assertThat(pictures.get(0).getClientAnchor().getCol2()).isGreaterThanOrEqualTo((short) 3);
            assertThat(pictures.get(0).getClientAnchor().getRow2()).isGreaterThan(pictures.get(0).getClientAnchor().getRow1() + 10);
        }
    }

    @Test
    void aWeekAfterAnotherGetsTheChangeMapBesideItInRussian(@TempDir Path input, @TempDir Path output) throws Exception {
        Files.writeString(input.resolve("two-weeks.csv"), """
                occurred_at,region,event_type,source
                2025-12-02 22:00,Belgorod Oblast,shot_down,governor
                2025-12-03 22:00,Kursk Oblast,shot_down,governor
                2025-12-04 22:00,Kursk Oblast,shot_down,governor
                2025-12-05 22:00,Kursk Oblast,debris,governor
                2025-12-06 22:00,Kursk Oblast,impact,governor
                2025-12-06 23:00,Black Sea,shot_down,ministry
                2025-12-07 23:00,Black Sea,shot_down,ministry
                2025-12-08 22:00,Belgorod Oblast,shot_down,governor
                2025-12-09 22:00,Belgorod Oblast,shot_down,governor
                2025-12-10 22:00,Belgorod Oblast,impact,governor
                2025-12-11 22:00,Kursk Oblast,shot_down,governor
                2025-12-12 22:00,Bryansk Oblast,shot_down,governor
                2025-12-13 22:00,Bryansk Oblast,debris,governor
                """, StandardCharsets.UTF_8);

        JobExecution execution = run(input, output, "--week=2025-W50", "--lang=ru").execution();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("2025-W50");

        Path changePng = report.resolve("charts/region-change-map.png");
        BufferedImage change = ImageIO.read(changePng.toFile());
        assertThat(change.getWidth()).isEqualTo(1600);
        // Belgorod 1 → 3, Kursk 4 → 1, Bryansk 0 → 2, Black Sea 2 → 0: one scale, centred on zero.
        Map<String, Long> changes = Map.of("RU-BEL", 2L, "RU-KRS", -3L, "RU-BRY", 2L, "SEA-BLACK", -2L);
        MapClasses classes = MapClasses.changes(3);
        for (Map.Entry<String, Long> area : changes.entrySet()) {
            assertAreaColour(change, changes, area.getKey(), classes.binOf(area.getValue()).colour().getRGB());
        }
        try (XSSFWorkbook workbook = open(report.resolve("incident-report-2025-W50.xlsx"))) {
            assertThat(workbook.getSheetName(1)).isEqualTo("Карта");
            XSSFSheet sheet = workbook.getSheet("Карта");
            List<XSSFPicture> pictures = pictures(sheet);
            assertThat(pictures).hasSize(2);
            assertThat(pictures.get(1).getPictureData().getData()).isEqualTo(Files.readAllBytes(changePng));
            // Side by side: the change map starts where the first one ends.
            assertThat(pictures.get(1).getClientAnchor().getRow1()).isEqualTo(pictures.get(0).getClientAnchor().getRow1());
            assertThat(pictures.get(1).getClientAnchor().getRow2()).isEqualTo(pictures.get(0).getClientAnchor().getRow2());
            assertThat((int) pictures.get(1).getClientAnchor().getCol1()).isGreaterThanOrEqualTo(pictures.get(0).getClientAnchor().getCol2());
            assertThat(rows(sheet)).contains(
                    List.of("Регион или море", "Класс на карте", "Инциденты", "Предыдущий", "Изменение"),
                    List.of("Белгородская область", "3", "3", "1", "+2"),
                    List.of("Брянская область", "2", "2", "0", "+2"),
                    List.of("Курская область", "1", "1", "4", "-3"),
                    List.of("Чёрное море", "нет", "0", "2", "-2"));
        }
    }

    /**
     * Draws the same view as the job did (the view depends only on the areas in focus) to learn where the
     * area lies on the picture, then checks that the job's picture has {@code rgb} on most of it.
     */
    private static void assertAreaColour(BufferedImage picture, Map<String, Long> values, String code, int rgb) {
        BundledFonts.install();
        RegionMapRenderer renderer = new RegionMapRenderer(Boundaries.bundled(),
                size -> BundledFonts.font(Font.PLAIN, size), size -> BundledFonts.font(Font.BOLD, size));
        RegionMapRenderer.Words words = new RegionMapRenderer.Words("", "", "", "", "", "", "", "", "");
        RegionMapRenderer.Drawn layout = renderer.draw(new RegionMapRenderer.Picture(false, values, values.keySet(),
                Map.of(), words));
        Shape area = layout.areas().get(code);
        assertThat(area).as(code + " on the map").isNotNull();
        Rectangle bounds = area.getBounds().intersection(new Rectangle(0, 0, picture.getWidth(), picture.getHeight()));
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = bounds.y; y < bounds.y + bounds.height; y += 2) {
            for (int x = bounds.x; x < bounds.x + bounds.width; x += 2) {
                if (area.contains(x - 4, y - 4, 9, 9)) {
                    colours.merge(picture.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
                }
            }
        }
        int commonest = colours.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(Integer.toHexString(commonest)).as("colour of " + code).isEqualTo(Integer.toHexString(rgb & 0xFFFFFF));
    }

    private static Map<String, Long> counts(JsonNode summary) {
        Map<String, Long> counts = new LinkedHashMap<>();
        summary.get("by_region").forEach(r -> counts.put(r.get("iso_code").asString(), r.get("incidents").asLong()));
        return counts;
    }

    private static XSSFWorkbook open(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<XSSFPicture> pictures(XSSFSheet sheet) {
        List<XSSFPicture> pictures = new ArrayList<>();
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (XSSFShape shape : drawing.getShapes()) {
                if (shape instanceof XSSFPicture picture) {
                    pictures.add(picture);
                }
            }
        }
        return pictures;
    }

    /** Each row's cells as shown, trailing blanks dropped. */
    private static List<List<String>> rows(XSSFSheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            rows.add(cells);
        }
        return rows;
    }
}
