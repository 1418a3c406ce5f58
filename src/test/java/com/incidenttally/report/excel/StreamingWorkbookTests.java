package com.incidenttally.report.excel;

import com.incidenttally.ChildJvm;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.CRC32;

import com.incidenttally.report.ReportFixtures;
import com.incidenttally.report.ReportTexts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void zipsEveryEntryWithTheRightChecksumAndSize(@TempDir Path dir) throws IOException {
        Path xlsx = dir.resolve("ours.xlsx");
        write(new StreamingWorkbook(100, 3), xlsx);

        // Each entry's CRC-32 and size as the zip's directory gives them, against what it inflates to.
        Map<String, byte[]> read = new TreeMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    assertThat(entry.getCrc()).as(entry.getName()).isEqualTo(crc.getValue());
                    assertThat(entry.getSize()).as(entry.getName()).isEqualTo(bytes.length);
                    read.put(entry.getName(), bytes);
                }
            }
        }
        assertThat(read).containsKeys("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml");
        Map<String, byte[]> sheets = sheets(xlsx);
        assertThat(sheets).hasSize(5);
        for (Map.Entry<String, byte[]> sheet : sheets.entrySet()) {
            assertThat(read.get(sheet.getKey())).as(sheet.getKey()).isEqualTo(sheet.getValue());
        }
        try (XSSFWorkbook reopened = new XSSFWorkbook(xlsx.toFile())) {
            assertThat(reopened.getSheet("Hostile").getRow(9).getCell(0).getStringCellValue()).isEqualTo(HOSTILE[9]);
            assertThat(reopened.getSheet("Hostile").getLastRowNum()).isEqualTo(HOSTILE.length * 20 - 1);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    @Test
    void combinesChecksumsAsOneOverBothParts() {
        java.util.Random random = new java.util.Random(18);
        for (int[] lengths : new int[][] {{0, 0}, {0, 7}, {7, 0}, {1, 1}, {1_000, 65_537}, {65_536, 3}, {5, 1 << 20}}) {
            byte[] first = new byte[lengths[0]];
            byte[] second = new byte[lengths[1]];
            random.nextBytes(first);
            random.nextBytes(second);
            CRC32 whole = new CRC32();
            whole.update(first);
            whole.update(second);
            CRC32 a = new CRC32();
            a.update(first);
            CRC32 b = new CRC32();
            b.update(second);
            assertThat(SplicingZipOutputStream.combine(a.getValue(), b.getValue(), second.length))
                    .as(Arrays.toString(lengths)).isEqualTo(whole.getValue());
        }
    }

    @Test
    void deflatesTheRowsOnAnotherThreadAndReadsThemBack(@TempDir Path dir) throws IOException {
        String text = "a".repeat((1 << 16) - 1) + "\uD83D\uDE80 <row/> Тракторозаводский " + "x".repeat(200_000) + "\uD83D";
        DeflatingSheetFile rows = new DeflatingSheetFile(dir.resolve("rows").toFile());
        rows.start(3);
        try (SheetDataFileWriter.UnsynchronizedWriter writer = new SheetDataFileWriter.UnsynchronizedWriter(rows)) {
            writer.write(text);
        }

        // A half of a pair left at the very end is written as "?", as an OutputStreamWriter writes it.
        byte[] expected = (text.substring(0, text.length() - 1) + "?").getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new SheetDataFileWriter.DeflatedRows(rows)) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        CRC32 crc = new CRC32();
        crc.update(expected);
        assertThat(rows.length()).isEqualTo(expected.length);
        assertThat(rows.crc()).isEqualTo(crc.getValue());
        assertThat(rows.file().length()).isLessThan(expected.length / 10);
    }

    @Test
    void deflatesAnyTextOfAnyLengthToWhatItWasGiven(@TempDir Path dir) throws IOException {
        Random random = new Random(23);
        for (int round = 0; round < 12; round++) {
            // Incompressible text fills the deflater's output before its input is used up.
            int length = random.nextInt(round % 3 == 0 ? 50 : 400_000);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(switch (random.nextInt(4)) {
                    case 0 -> 'a' + random.nextInt(26);
                    case 1 -> 0x400 + random.nextInt(0x100);
                    case 2 -> 0x1F300 + random.nextInt(0x300);
                    default -> 0x20 + random.nextInt(0xD000);
                });
            }
            DeflatingSheetFile rows = new DeflatingSheetFile(dir.resolve("rows-" + round).toFile());
            rows.start(round % 10);
            try (SheetDataFileWriter.UnsynchronizedWriter writer = new SheetDataFileWriter.UnsynchronizedWriter(rows)) {
                for (int at = 0; at < text.length(); ) {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(100_000));
                    writer.write(text.substring(at, end));
                    at = end;
                }
            }
            byte[] expected = text.toString().getBytes(StandardCharsets.UTF_8);
            try (InputStream in = new SheetDataFileWriter.DeflatedRows(rows)) {
                assertThat(in.readAllBytes()).as("round %d, %d chars", round, length).isEqualTo(expected);
            }
            CRC32 crc = new CRC32();
            crc.update(expected);
            assertThat(rows.length()).isEqualTo(expected.length);
            assertThat(rows.crc()).isEqualTo(crc.getValue());
        }
    }

    /**
     * Deflating a sheet holds off no collection: the deflater works on direct buffers, not on Java
     * arrays inside JNI critical regions. On JDK 17 a thread that kept the collector waiting made
     * another's allocation fail (the chart thread's, in a small heap) with an out-of-memory error. A
     * child JVM deflates sheets while a thread allocates images in a nearly full heap, and its GC log
     * may show no collection that had to wait for such a region. (A JVM whose G1 pins regions instead,
     * JDK 22 on, logs none either way.)
     */
    @Test
    void holdsOffNoCollectionWhileItDeflates(@TempDir Path dir) throws Exception {
        Path gcLog = dir.resolve("gc.log");
        Process child = new ProcessBuilder(ChildJvm.java(),
                "-Xmx64m", "-XX:+UseG1GC", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                SheetDeflatingUnderPressure.class.getName(), dir.resolve("rows").toString(), "3000", "600")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).startsWith("sheets ");
        List<String> pauses = Files.readAllLines(gcLog).stream().filter(line -> line.contains("Pause")).toList();
        assertThat(pauses).as("the images were collected while the sheets were deflated").hasSizeGreaterThan(50);
        assertThat(pauses).noneMatch(line -> line.contains("GCLocker"));
    }

    @Test
    void saysWhichTempFileCouldNotBeWritten(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("gone").resolve("rows.xml");
        DeflatingSheetFile rows = new DeflatingSheetFile(missing.toFile());
        rows.start(3);
        SheetDataFileWriter.UnsynchronizedWriter writer = new SheetDataFileWriter.UnsynchronizedWriter(rows);
        // More than the other thread is handed at once: the writer must not wait on a thread that failed.
        for (int i = 0; i < 20; i++) {
            try {
                writer.write("<row/>".repeat(20_000));
            } catch (IOException failedEarly) {
                break;
            }
        }
        assertThatThrownBy(writer::close).isInstanceOf(IOException.class)
                .hasMessageContaining("could not write the sheet's temp file").hasMessageContaining(missing.toString());
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
