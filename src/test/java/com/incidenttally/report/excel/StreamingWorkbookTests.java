package com.incidenttally.report.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.incidenttally.report.ReportFixtures;
import com.incidenttally.report.ReportTexts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Our streamed workbook against POI's own: the same XML in every sheet, only written faster. */
class StreamingWorkbookTests {

    /** Text that every rule of the escaping meets: markup, line breaks, control characters, surrogates. */
    static final String[] HOSTILE = {
            "<b>&amp;</b> \"quoted\" 'single' > <", "line one\nline two\r\nthree\tfour", "no\u00A0break",
            "\u0000nul \u0001 \u001F unit", "\uFFFE and \uFFFF not characters", "rocket \uD83D\uDE80 lands",
            "lone high \uD83D here", "lone low \uDE80 here", "  leading and trailing  ", "Тракторозаводский район",
            "=HYPERLINK(\"http://x\",\"y\")", "", "a", "\uD83D", "\u00A0", "end high \uD83D",
            "Очевидцы сообщают о взрывах. ".repeat(1_200)};

    @Test
    void writesEverySheetAsPoisOwnWorkbookDoes(@TempDir Path dir) throws IOException {
        Path ours = dir.resolve("ours.xlsx");
        Path pois = dir.resolve("pois.xlsx");

        write(new StreamingWorkbook(100, Deflater.DEFAULT_COMPRESSION), ours);
        SXSSFWorkbook plain = new SXSSFWorkbook(100);
        plain.setCompressTempFiles(false);
        write(plain, pois);

        Map<String, byte[]> expected = sheets(pois);
        Map<String, byte[]> actual = sheets(ours);
        // Incidents on three sheets of 1,000 rows, Data quality, and the hostile text.
        assertThat(expected.keySet()).hasSize(5).isEqualTo(actual.keySet());
        for (String sheet : expected.keySet()) {
            assertThat(new String(actual.get(sheet), StandardCharsets.UTF_8)).as(sheet)
                    .isEqualTo(new String(expected.get(sheet), StandardCharsets.UTF_8));
            assertThat(Arrays.equals(actual.get(sheet), expected.get(sheet))).as(sheet + ", byte for byte").isTrue();
        }
    }

    @Test
    void zipsAtTheLevelItIsGiven(@TempDir Path dir) throws IOException {
        Path fastest = dir.resolve("fastest.xlsx");
        Path smallest = dir.resolve("smallest.xlsx");

        write(new StreamingWorkbook(100, Deflater.BEST_SPEED), fastest);
        write(new StreamingWorkbook(100, Deflater.BEST_COMPRESSION), smallest);

        Map<String, byte[]> fast = sheets(fastest);
        Map<String, byte[]> small = sheets(smallest);
        assertThat(fast.keySet()).isEqualTo(small.keySet());
        fast.forEach((sheet, xml) -> assertThat(Arrays.equals(xml, small.get(sheet))).as(sheet).isTrue());
        assertThat(Files.size(fastest)).isGreaterThan(Files.size(smallest));
    }

    @Test
    void refusesALevelDeflateDoesNotHave() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StreamingWorkbook(100, 10))
                .withMessageContaining("not 10");
        assertThatIllegalArgumentException().isThrownBy(() -> new StreamingWorkbook(100, -2));
    }

    @Test
    void keepsACharacterWhoseHalvesFallOnEitherSideOfTheBuffersEnd() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = "a".repeat((1 << 16) - 1) + "\uD83D\uDE80" + "b";

        try (SheetDataFileWriter.UnsynchronizedWriter writer = new SheetDataFileWriter.UnsynchronizedWriter(
                new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            writer.write(text.substring(0, 40_000));
            writer.write(text.toCharArray(), 40_000, 25_535);
            writer.write(text.charAt(65_535));
            writer.write(text, 65_536, text.length() - 65_536);
        }

        assertThat(bytes.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The report's own Incidents and Data quality sheets from the fixture, and a sheet of hostile text and every kind of cell. */
    private static void write(SXSSFWorkbook workbook, Path xlsx) throws IOException {
        try {
            ReportTexts texts = ReportTexts.english();
            WorkbookStyles styles = new WorkbookStyles(workbook);
            ReportFixtures.Data data = ReportFixtures.seventyNights();
            new IncidentsSheet(workbook, styles, texts, 1_000, "Title").write(data);
            new DataQualitySheet(workbook, styles, texts, 1_000, "Title").write(data);
            Sheet sheet = workbook.createSheet("Hostile");
            Cells cells = new Cells(styles, texts);
            for (int i = 0; i < HOSTILE.length * 20; i++) {
                Row row = sheet.createRow(i);
                cells.text(row, 0, HOSTILE[i % HOSTILE.length]);
                cells.wrapped(row, 1, HOSTILE[(i + 3) % HOSTILE.length]);
                cells.number(row, 2, (long) i * 1_000_003);
                cells.number(row, 3, i % 3 == 0 ? null : Integer.valueOf(-i));
                cells.decimal(row, 4, i / 7.0);
                cells.dateTime(row, 5, LocalDateTime.of(2025, 12, 7, 23, 50).plusMinutes(i));
                row.createCell(6).setCellValue(i % 2 == 0);
                if (i % 5 == 0) {
                    // A kind of cell the report does not write: left to POI's own writing.
                    row.createCell(7).setCellFormula("C" + (i + 1) + "*2");
                }
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        } finally {
            workbook.close();
        }
    }

    private static Map<String, byte[]> sheets(Path xlsx) throws IOException {
        Map<String, byte[]> sheets = new TreeMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        sheets.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return sheets;
    }
}
