package com.incidenttally.ingest;

import static com.incidenttally.TestReasons.english;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentCsvReaderTests {

    private static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(IncidentCsvReaderTests.class.getResource("/ingest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<RawRow> readAll(IncidentCsvReader reader) {
        List<RawRow> rows = new ArrayList<>();
        for (RawRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }

    static List<RawRow> readFixture(String name) throws FileRejectedException {
        try (IncidentCsvReader reader = IncidentCsvReader.open(fixture(name), name)) {
            return readAll(reader);
        }
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static String rejection(Path path, String name) {
        try (IncidentCsvReader reader = IncidentCsvReader.open(path, name)) {
            throw new AssertionError("expected " + name + " to be rejected, read " + reader.columns());
        } catch (FileRejectedException e) {
            assertThat(e.file()).isEqualTo(name);
            assertThat(e.getMessage()).isEqualTo(name + ": " + e.reason());
            return e.reason();
        }
    }

    /** Files joined with cat: each header inside the file is passed over, and the file's warning names its lines. */
    @Test
    void aHeaderRepeatedInsideTheFileIsNoRowAndTheWarningNamesItsLines() throws Exception {
        StringBuilder text = new StringBuilder("night,region,event_type,source\n2025-12-07/08,Kursk,shot_down,a\n");
        for (int i = 0; i < 7; i++) {
            text.append(i % 2 == 0 ? "\uFEFF Night , REGION,event_type,Source,,\n" : "night,region,event_type,source\n")
                    .append("2025-12-07/08,Kursk,shot_down,b").append(i).append('\n');
        }
        Path path = write("joined.csv", text.toString());
        try (IncidentCsvReader reader = IncidentCsvReader.open(path, "joined.csv")) {
            List<RawRow> rows = readAll(reader);

            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L);
            assertThat(rows).allMatch(row -> row.malformed() == null);
            assertThat(rows.get(7).get(Column.SOURCE)).isEqualTo("b6");
            assertThat(reader.rowsRead()).isEqualTo(8);
            assertThat(reader.warnings()).containsExactly(
                    "the header row again on lines 3, 5, 7, 9, 11 and 2 more: passed over, not read as incidents");
        }
    }

    /** A sheet with a header of two rows saved as CSV: the group's name, then columns without one, named below. */
    @Test
    void aHeaderOfTwoLinesNamesTheColumnsUnderItsGroup() throws Exception {
        Path path = write("two.csv", "Дата,Регион,Тип,Последствия,,Источник\n"
                + ",,,погибшие,раненые,\n"
                + "07.12.2025 23:40,Ростовская область,сбит,0,1,Губернатор\n");
        try (IncidentCsvReader reader = IncidentCsvReader.open(path, "two.csv")) {
            List<RawRow> rows = readAll(reader);

            assertThat(rows).extracting(RawRow::line).containsExactly(3L);
            assertThat(rows.get(0).get(Column.KILLED)).isEqualTo("0");
            assertThat(rows.get(0).get(Column.INJURED)).isEqualTo("1");
            assertThat(rows.get(0).malformed()).isNull();
            assertThat(reader.warnings()).containsExactly("the header is lines 1 and 2: the columns under 'Последствия'"
                    + " are read by their names in line 2: 'погибшие', 'раненые'");
        }
        // Trailing columns without a name, as Excel exports them, and a first row under them: that row is data.
        Path trailing = write("trailing.csv", "night,region,event_type,source,,\n"
                + ",,,Governor,Telegram,\n2025-12-07/08,Kursk,shot_down,a,,\n");
        try (IncidentCsvReader reader = IncidentCsvReader.open(trailing, "trailing.csv")) {
            List<RawRow> rows = readAll(reader);
            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L);
            assertThat(rows.get(0).get(Column.SOURCE)).isEqualTo("Governor");
            assertThat(reader.warnings()).noneMatch(warning -> warning.contains("lines 1 and 2"));
        }
    }

    /** Only the header itself is passed over: a row that shares some of its words is a row, read and judged. */
    @Test
    void aRowThatOnlyLooksLikeTheHeaderIsRead() throws Exception {
        Path path = write("near.csv", "night,region,event_type,source\n"
                + "night,region,event_type,source b\n"
                + "night,region,event_type,source,x\n"
                + "night,region\n");
        try (IncidentCsvReader reader = IncidentCsvReader.open(path, "near.csv")) {
            assertThat(readAll(reader)).extracting(RawRow::line).containsExactly(2L, 3L, 4L);
            assertThat(reader.warnings()).isEmpty();
        }
    }

    /** The checksum of a file is taken on its first pass, so the job need not read it again for that. */
    @ParameterizedTest
    @CsvSource({"bom.csv", "semicolon.csv", "tab.csv", "crlf.csv", "quoted-newline.csv"})
    void theFirstPassHashesEveryByteOfTheFile(String name) throws Exception {
        Path path = fixture(name);
        try (IncidentCsvReader reader = IncidentCsvReader.open(path, name)) {
            assertThat(reader.contentSha256()).isEqualTo(InputFiles.sha256(path));
        }
        byte[] big = new byte[3 * 65_536 + 17];
        java.util.Arrays.fill(big, (byte) 'x');
        System.arraycopy("night,region,event_type,source\n".getBytes(StandardCharsets.UTF_8), 0, big, 0, 31);
        Path large = write("large.csv", big);
        try (IncidentCsvReader reader = IncidentCsvReader.open(large, "large.csv")) {
            assertThat(reader.contentSha256()).isEqualTo(InputFiles.sha256(large));
        }
    }

    @Nested
    class Dialects {

        @Test
        void readsUtf8WithBomAndQuotedFirstHeader() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("bom.csv"), "bom.csv")) {
                assertThat(reader.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, true, ','));
                assertThat(reader.dialect().describe()).isEqualTo("UTF-8 (BOM), ','");
                assertThat(reader.warnings()).isEmpty();
                assertThat(reader.columns()).containsExactly(
                        Column.INCIDENT_ID, Column.OCCURRED_AT, Column.REGION, Column.EVENT_TYPE, Column.SOURCE);
                RawRow row = reader.read();
                assertThat(row.file()).isEqualTo("bom.csv");
                assertThat(row.line()).isEqualTo(2);
                assertThat(row.get(Column.INCIDENT_ID)).isEqualTo("A1");
                assertThat(row.get(Column.SOURCE)).isEqualTo("Governor of Rostov Oblast");
                assertThat(row.get(Column.NIGHT)).isNull();
                assertThat(english(row.malformed())).isNull();
                assertThat(reader.read()).isNull();
                assertThat(reader.rowsRead()).isEqualTo(1);
            }
        }

        @Test
        void detectsSemicolonAndKeepsCommasInsideFields() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("semicolon.csv"), "semicolon.csv")) {
                assertThat(reader.dialect().describe()).isEqualTo("UTF-8, ';'");
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L);
                assertThat(rows.get(0).get(Column.REGION)).isEqualTo("Ростовская область");
                assertThat(rows.get(0).get(Column.LOCATION)).isEqualTo("Millerovo, Lenina st");
                assertThat(rows.get(0).get(Column.UAV_COUNT)).isEqualTo("3");
                assertThat(rows.get(1).get(Column.DISTRICT)).isEmpty();
                assertThat(rows.get(1).get(Column.LOCATION)).isEqualTo("Shebekino; market");
                assertThat(rows.get(1).raw())
                        .isEqualTo("2025-12-08 01:40;Belgorod Oblast;;\"Shebekino; market\";impact;;Ministry");
                assertThat(rows).extracting(r -> english(r.malformed())).containsOnlyNulls();
            }
        }

        @Test
        void detectsTab() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("tab.csv"), "tab.csv")) {
                assertThat(reader.dialect().describe()).isEqualTo("UTF-8, tab");
                RawRow row = reader.read();
                assertThat(row.get(Column.REGION)).isEqualTo("Kursk Oblast");
                assertThat(row.get(Column.NOTES)).isEqualTo("three, maybe four; unconfirmed");
                assertThat(english(row.malformed())).isNull();
            }
        }

        @Test
        void readsCrlfLineEndingsWithoutKeepingTheCarriageReturn() throws Exception {
            List<RawRow> rows = readFixture("crlf.csv");
            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L);
            assertThat(rows.get(0).get(Column.NOTES)).isEqualTo("two lines\r\nof notes");
            assertThat(rows.get(1).get(Column.NOTES)).isEqualTo("last");
            assertThat(rows.get(1).get(Column.SOURCE)).isEqualTo("Ministry");
        }

        @Test
        void countsDelimitersOnlyOutsideQuotes() throws Exception {
            Path path = write("quoted-header.csv",
                    "\"what, where, when\";occurred_at;region;event_type;source\nx;2025-12-07;Rostov Oblast;debris;A\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "quoted-header.csv")) {
                assertThat(reader.dialect().delimiter()).isEqualTo(';');
                assertThat(reader.warnings()).containsExactly("unknown columns ignored: what, where, when");
                assertThat(reader.read().get(Column.REGION)).isEqualTo("Rostov Oblast");
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
                "'region'|,",
                "'a,b;c'|,",
                "'a;b;c,d'|;",
                "'a\tb\tc;d,e'|'\t'",
                "'\"a;b;c\",d'|,",
                "'\n\na;b\nc,d,e,f'|;",
                "',,,,\n  \n;;;\na;b;c'|;",
                "',,,'|,",
                "''|,",
        })
        void picksTheMostFrequentDelimiterOfTheHeaderLine(String start, char expected) {
            byte[] bytes = start.getBytes(StandardCharsets.UTF_8);
            assertThat(FileScan.delimiterOf(bytes, 0, bytes.length)).isEqualTo(expected);
        }
    }

    @Nested
    class ExcelSeparatorLine {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {"sep=;|;", "SEP=,|,", "sep=\\t|\\t"})
        void excelsSepLineNamesTheDelimiterAndTheHeaderIsTheNextLine(String sepLine, String delimiter) throws Exception {
            char d = delimiter.equals("\\t") ? '\t' : delimiter.charAt(0);
            String text = sepLine.replace("\\t", "\t") + "\r\n" + String.join(String.valueOf(d),
                    "occurred_at", "region", "event_type", "source") + "\r\n"
                    + String.join(String.valueOf(d), "07.12.2025 23:10", "Rostov Oblast", "debris", "Governor") + "\r\n";
            for (boolean bom : new boolean[] {false, true}) {
                byte[] bytes = text.getBytes(bom ? StandardCharsets.UTF_8 : CP1251);
                if (bom) {
                    bytes = java.nio.ByteBuffer.allocate(bytes.length + 3).put(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                            .put(bytes).array();
                }
                Path path = write("sep-" + bom + ".csv", bytes);
                try (IncidentCsvReader reader = IncidentCsvReader.open(path, "sep.csv")) {
                    assertThat(reader.dialect().delimiter()).isEqualTo(d);
                    RawRow row = reader.read();
                    assertThat(row.get(Column.REGION)).isEqualTo("Rostov Oblast");
                    assertThat(row.get(Column.SOURCE)).isEqualTo("Governor");
                    // Line 1 is sep=, line 2 the header: the row is line 3 of the file.
                    assertThat(row.line()).isEqualTo(3);
                    assertThat(reader.read()).isNull();
                }
            }
        }
    }

    @Nested
    class Encodings {

        @Test
        void readsWindows1251WhenNotValidUtf8AndSaysSo() throws Exception {
            Path path = write("cp1251.csv", ("occurred_at;region;district;event_type;source\r\n"
                    + "07.12.2025 23:10;Ростовская область;Чертковский район;обломки;Губернатор\r\n").getBytes(CP1251));
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "cp1251.csv")) {
                assertThat(reader.dialect()).isEqualTo(new CsvDialect(CP1251, false, ';'));
                assertThat(reader.dialect().fallback()).isTrue();
                assertThat(reader.dialect().describe()).isEqualTo("windows-1251, ';'");
                assertThat(reader.warnings()).containsExactly("not valid UTF-8: read as windows-1251");
                RawRow row = reader.read();
                assertThat(row.get(Column.REGION)).isEqualTo("Ростовская область");
                assertThat(row.get(Column.DISTRICT)).isEqualTo("Чертковский район");
                assertThat(row.get(Column.EVENT_TYPE)).isEqualTo("обломки");
                assertThat(row.raw()).isEqualTo("07.12.2025 23:10;Ростовская область;Чертковский район;обломки;Губернатор");
            }
        }

        @Test
        void fallsBackWhenOnlyTheLastRowIsNotUtf8() throws Exception {
            StringBuilder text = new StringBuilder("occurred_at,region,event_type,source\n");
            for (int i = 0; i < 20_000; i++) {
                text.append("2025-12-07,Rostov Oblast,debris,A").append(i).append('\n');
            }
            byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
            byte[] tail = "2025-12-08,Курская область,debris,B\n".getBytes(CP1251);
            byte[] bytes = new byte[head.length + tail.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(tail, 0, bytes, head.length, tail.length);
            try (IncidentCsvReader reader = IncidentCsvReader.open(write("late.csv", bytes), "late.csv")) {
                assertThat(reader.dialect().fallback()).isTrue();
                List<RawRow> rows = readAll(reader);
                assertThat(rows).hasSize(20_001);
                assertThat(rows.get(20_000).get(Column.REGION)).isEqualTo("Курская область");
                assertThat(rows.get(20_000).line()).isEqualTo(20_002);
            }
        }

        @Test
        void keepsAMostlyUtf8FileUtf8AndRejectsOnlyTheRowWithAnInvalidByte() throws Exception {
            byte[] head = ("occurred_at,region,event_type,source\n"
                    + "2025-12-07,Ростовская область,сбит,Губернатор\n"
                    + "2025-12-07,Курская область,обломки,Губернатор\n").getBytes(StandardCharsets.UTF_8);
            byte[] bad = "2025-12-08,Брянская область,сбит,Губер?натор\n".getBytes(StandardCharsets.UTF_8);
            bad["2025-12-08,Брянская область,сбит,Губер".getBytes(StandardCharsets.UTF_8).length] = (byte) 0xFF;
            byte[] tail = "2025-12-08,Белгородская область,сбит,Губернатор\n".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(bad, 0, bytes, head.length, bad.length);
            System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);
            try (IncidentCsvReader reader = IncidentCsvReader.open(write("one-bad-byte.csv", bytes), "one-bad-byte.csv")) {
                assertThat(reader.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, false, ','));
                assertThat(reader.warnings()).containsExactly(
                        "not valid UTF-8 in 1 place: read as UTF-8, as most of it is; rows with invalid bytes are rejected");
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L, 4L, 5L);
                assertThat(rows).extracting(r -> english(r.malformed())).containsExactly(null, null,
                        "not valid UTF-8 in column source: fix those characters, or save the whole file as CSV UTF-8", null);
                assertThat(rows.get(2).raw()).startsWith("2025-12-08,Брянская область,сбит,Губер");
                assertThat(rows.get(3).get(Column.REGION)).isEqualTo("Белгородская область");
            }
        }

        @Test
        void rejectsTheRowWithAnInvalidByteInAFileWithAUtf8ByteOrderMark() throws Exception {
            byte[] bytes = "\uFEFFoccurred_at,region,event_type,source\n2025-12-07,Rostov Oblast,debris,A?\n2025-12-07,Rostov Oblast,debris,B\n"
                    .getBytes(StandardCharsets.UTF_8);
            bytes[new String(bytes, StandardCharsets.UTF_8).indexOf('?') + 2] = (byte) 0xC0;
            try (IncidentCsvReader reader = IncidentCsvReader.open(write("bom-bad.csv", bytes), "bom-bad.csv")) {
                assertThat(reader.warnings()).containsExactly(
                        "not valid UTF-8 in 1 place: read as UTF-8, as its byte order mark says; rows with invalid bytes are rejected");
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(r -> english(r.malformed())).containsExactly(
                        "not valid UTF-8 in column source: fix those characters, or save the whole file as CSV UTF-8", null);
            }
        }

        @Test
        void readsValidUtf8Cyrillic() throws Exception {
            Path path = write("utf8.csv", "occurred_at,region,event_type,source\n2025-12-07,Ростовская область,сбит,Губернатор\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "utf8.csv")) {
                assertThat(reader.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, false, ','));
                assertThat(reader.warnings()).isEmpty();
                assertThat(reader.read().get(Column.REGION)).isEqualTo("Ростовская область");
            }
        }

        @Test
        void rejectsUtf16() throws Exception {
            byte[] text = "occurred_at,region,event_type,source\n".getBytes(StandardCharsets.UTF_16LE);
            byte[] bytes = new byte[text.length + 2];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFE;
            System.arraycopy(text, 0, bytes, 2, text.length);
            assertThat(rejection(write("utf16.csv", bytes), "utf16.csv"))
                    .isEqualTo("encoded as UTF-16: save it as CSV UTF-8");
        }

        @Test
        void rejectsABinaryFileAsNotText() throws Exception {
            // The start of a PNG image, then compressed-looking bytes: not a CSV, whatever its name says.
            byte[] bytes = new byte[4096];
            new java.util.Random(7).nextBytes(bytes);
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
            System.arraycopy(png, 0, bytes, 0, png.length);

            assertThat(rejection(write("chart.csv", bytes), "chart.csv")).startsWith("not a text file");
        }

        @Test
        void rejectsAFileOfNulBytesAsNotText() throws Exception {
            byte[] text = "occurred_at,region,event_type,source\n".getBytes(StandardCharsets.UTF_16LE);

            assertThat(rejection(write("utf16-no-bom.csv", text), "utf16-no-bom.csv")).startsWith("not a text file");
        }

        @Test
        void aStrayNulInAFieldLeavesTheFileText() throws Exception {
            Path path = write("nul.csv", "occurred_at,region,event_type,source\n"
                    + "2025-12-07,Rostov Oblast,debris,Gov\u0000ernor\n2025-12-07,Rostov Oblast,debris,Governor\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "nul.csv")) {
                assertThat(reader.read().get(Column.SOURCE)).isEqualTo("Gov\u0000ernor");
                assertThat(reader.read().get(Column.SOURCE)).isEqualTo("Governor");
            }
        }
    }

    @Nested
    class Header {

        @Test
        void matchesHeaderInAnyCaseAndOrder() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("header-any-case-and-order.csv"), "h.csv")) {
                assertThat(reader.columns()).containsExactly(Column.SOURCE, Column.EVENT_TYPE, Column.REGION,
                        Column.OCCURRED_AT, Column.UAV_COUNT, Column.INCIDENT_ID);
                assertThat(reader.warnings()).isEmpty();
                RawRow row = reader.read();
                assertThat(row.get(Column.SOURCE)).isEqualTo("Governor");
                assertThat(row.get(Column.EVENT_TYPE)).isEqualTo("Shot down");
                assertThat(row.get(Column.REGION)).isEqualTo("Voronezh Oblast");
                assertThat(row.get(Column.OCCURRED_AT)).isEqualTo("2025-12-07 22:00");
                assertThat(row.get(Column.UAV_COUNT)).isEqualTo("multiple");
                assertThat(row.get(Column.INCIDENT_ID)).isEqualTo("V-7");
                assertThat(english(row.malformed())).isNull();
            }
        }

        @Test
        void ignoresUnknownColumnsAndNamesEachOnce() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("unknown-column.csv"), "unknown-column.csv")) {
                assertThat(reader.warnings()).containsExactly("unknown columns ignored: colour, weather");
                assertThat(reader.columns()).containsExactly(
                        Column.OCCURRED_AT, Column.REGION, Column.EVENT_TYPE, Column.SOURCE);
                RawRow row = reader.read();
                assertThat(row.get(Column.SOURCE)).isEqualTo("A");
                assertThat(english(row.malformed())).isNull();
                assertThat(row.raw()).isEqualTo("2025-12-07,red,Rostov Oblast,debris,rain,A,blue");
            }
        }

        @Test
        void ignoresColumnsWithoutAName() throws Exception {
            Path path = write("trailing.csv", "occurred_at;region;event_type;source;;\n2025-12-07;Rostov Oblast;debris;A;;\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "trailing.csv")) {
                assertThat(reader.warnings()).containsExactly("2 columns without a name ignored");
                assertThat(english(reader.read().malformed())).isNull();
            }
        }

        @Test
        void rejectsMissingRequiredColumns() {
            assertThat(rejection(fixture("missing-required-column.csv"), "missing-required-column.csv"))
                    .isEqualTo("no column for event_type, source; found 'occurred_at', 'region', 'district';"
                            + " map them with --columns (see docs/input.md)");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "region,event_type,source|no column for occurred_at or night; found 'region', 'event_type', 'source';"
                        + " map them with --columns (see docs/input.md)",
                "occurred_at,event_type,source|no column for region; found 'occurred_at', 'event_type', 'source';"
                        + " map them with --columns (see docs/input.md)",
                "district,location|no column for occurred_at or night, region, event_type, source;"
                        + " found 'district', 'location'; map them with --columns (see docs/input.md)",
        })
        void namesEveryMissingRequiredColumn(String header, String reason) throws Exception {
            assertThat(rejection(write("h.csv", header + "\n"), "h.csv")).isEqualTo(reason);
        }

        @Test
        void acceptsNightInsteadOfOccurredAt() throws Exception {
            Path path = write("night.csv", "night,region,event_type,source\n2025-12-07/08,Rostov Oblast,debris,A\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "night.csv")) {
                assertThat(reader.read().get(Column.NIGHT)).isEqualTo("2025-12-07/08");
            }
        }

        @Test
        void rejectsAColumnGivenTwice() {
            assertThat(rejection(fixture("duplicate-column.csv"), "duplicate-column.csv"))
                    .isEqualTo("column given twice: region");
        }

        @Test
        void rejectsAnEmptyFile() {
            assertThat(rejection(fixture("empty.csv"), "empty.csv")).isEqualTo("no header row");
        }

        @Test
        void rejectsAFileOfBlankLines() throws Exception {
            assertThat(rejection(write("blank.csv", "\n\r\n  \n,,,\n"), "blank.csv")).isEqualTo("no header row");
        }

        @Test
        void readsAHeaderWithoutRows() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(write("h.csv", "occurred_at,region,event_type,source"), "h.csv")) {
                assertThat(reader.read()).isNull();
                assertThat(reader.read()).isNull();
                assertThat(reader.rowsRead()).isZero();
            }
        }

        @Test
        void rejectsAHeaderWithAQuoteNeverClosed() throws Exception {
            assertThat(rejection(write("h.csv", "occurred_at,\"region,event_type,source\n1,2,3,4\n"), "h.csv"))
                    .isEqualTo("unbalanced quotes: the quoted field opened on line 1 is never closed");
        }
    }

    @Nested
    class Rows {

        @Test
        void countsLinesInsideQuotedFields() throws Exception {
            List<RawRow> rows = readFixture("quoted-newline.csv");
            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 5L, 6L);
            assertThat(rows.get(0).get(Column.NOTES)).isEqualTo("first line\nsecond line\nthird line");
            assertThat(rows.get(1).get(Column.REGION)).isEqualTo("Belgorod Oblast");
            assertThat(rows.get(2).get(Column.REGION)).isEqualTo("Kursk Oblast");
            assertThat(rows).extracting(r -> english(r.malformed())).containsOnlyNulls();
        }

        @Test
        void undoublesQuotesInValuesAndKeepsThemInRaw() throws Exception {
            RawRow row = readFixture("quoted-newline.csv").get(1);
            assertThat(row.get(Column.NOTES)).isEqualTo("said \"two\" drones");
            assertThat(row.raw()).isEqualTo("2025-12-08 01:00,Belgorod Oblast,debris,Ministry,\"said \"\"two\"\" drones\"");
        }

        @Test
        void skipsBlankLinesAndEmptyRowsButCountsTheirLines() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("blank-lines.csv"), "blank-lines.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(3L, 7L);
                assertThat(rows).extracting(row -> row.get(Column.SOURCE)).containsExactly("A", "B");
                assertThat(reader.rowsRead()).isEqualTo(2);
            }
        }

        @Test
        void returnsFieldsUntrimmed() throws Exception {
            Path path = write("spaces.csv", "occurred_at,region,event_type,source\n 2025-12-07 ,  Rostov Oblast,debris ,\" A \"\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "spaces.csv")) {
                RawRow row = reader.read();
                assertThat(row.get(Column.OCCURRED_AT)).isEqualTo(" 2025-12-07 ");
                assertThat(row.get(Column.REGION)).isEqualTo("  Rostov Oblast");
                assertThat(row.get(Column.EVENT_TYPE)).isEqualTo("debris ");
                assertThat(row.get(Column.SOURCE)).isEqualTo(" A ");
            }
        }

        @Test
        void readsAQuoteInsideAnUnquotedFieldAsText() throws Exception {
            Path path = write("inch.csv", "occurred_at,region,event_type,source,notes\n2025-12-07,Rostov Oblast,debris,A,5\" shell\n2025-12-08,Kursk Oblast,impact,B,x\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "inch.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L);
                assertThat(rows.get(0).get(Column.NOTES)).isEqualTo("5\" shell");
                assertThat(rows).extracting(r -> english(r.malformed())).containsOnlyNulls();
            }
        }

        @Test
        void capsRawAtTenThousandCharactersWithAMarker() throws Exception {
            String notes = "x".repeat(20_000);
            Path path = write("long.csv", "occurred_at,region,event_type,source,notes\n2025-12-07,Rostov Oblast,debris,A," + notes + "\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "long.csv")) {
                RawRow row = reader.read();
                assertThat(row.get(Column.NOTES)).isEqualTo(notes);
                assertThat(row.raw()).hasSize(10_000)
                        .startsWith("2025-12-07,Rostov Oblast,debris,A,xxx")
                        .endsWith("x …[cut: longer than 10,000 characters]");
            }
        }

        @Test
        void readsManyRowsAcrossBufferBoundaries() throws Exception {
            StringBuilder text = new StringBuilder("occurred_at,region,event_type,source,notes\n");
            for (int i = 0; i < 30_000; i++) {
                text.append("2025-12-07,Rostov Oblast,debris,S").append(i).append(i % 1000 == 0 ? ",\"two\nlines\"\n" : ",n\n");
            }
            try (IncidentCsvReader reader = IncidentCsvReader.open(write("many.csv", text.toString()), "many.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).hasSize(30_000);
                // Row i starts after the header, the rows before it, and one extra line per earlier two-line note.
                int i = 29_999;
                assertThat(rows.get(i).line()).isEqualTo(2 + i + (i / 1000 + 1));
                assertThat(rows.get(i).get(Column.SOURCE)).isEqualTo("S29999");
                assertThat(reader.rowsRead()).isEqualTo(30_000);
            }
        }
    }

    @Nested
    class Malformed {

        @Test
        void returnsRowsWithTheWrongNumberOfFieldsAsMalformed() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("wrong-field-count.csv"), "wrong-field-count.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L, 4L, 5L);
                assertThat(rows).extracting(r -> english(r.malformed())).containsExactly(
                        null, "expected 4 fields, found 3", "expected 4 fields, found 5", null);
                assertThat(rows.get(1).raw()).isEqualTo("2025-12-07,Rostov Oblast,debris");
                assertThat(rows.get(1).get(Column.EVENT_TYPE)).isEqualTo("debris");
                assertThat(rows.get(1).get(Column.SOURCE)).isNull();
                assertThat(rows.get(2).raw()).isEqualTo("2025-12-07,Rostov Oblast,debris,A,extra");
                assertThat(reader.rowsRead()).isEqualTo(4);
            }
        }

        @Test
        void rejectsTheLineOfAQuoteNeverClosedAndReadsTheRowsAfterIt() throws Exception {
            try (IncidentCsvReader reader = IncidentCsvReader.open(fixture("unbalanced-quotes.csv"), "unbalanced-quotes.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L, 4L);
                assertThat(english(rows.get(0).malformed())).isNull();
                assertThat(english(rows.get(1).malformed()))
                        .startsWith("unbalanced quotes: the quoted field opened on line 3 is never closed");
                assertThat(rows.get(1).raw()).isEqualTo("2025-12-07,Rostov Oblast,debris,B,\"never closed");
                assertThat(rows.get(1).values()).hasSize(Column.values().length).containsOnlyNulls();
                assertThat(english(rows.get(2).malformed())).isNull();
                assertThat(rows.get(2).get(Column.SOURCE)).isEqualTo("C");
                assertThat(reader.rowsRead()).isEqualTo(3);
                assertThat(reader.read()).isNull();
            }
        }

        @Test
        void namesTheLineTheUnclosedQuoteOpenedOnAndRejectsEachLineOfTheRecordOnce() throws Exception {
            Path path = write("late-quote.csv", "occurred_at,region,event_type,source,notes\r\n"
                    + "2025-12-07,\"Rostov\r\nOblast\",debris,\"A\"\"\",ok\r\n"
                    + "2025-12-07,\"Rostov\r\nOblast\",debris,B,\"open\r\nand on\r\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "late-quote.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L, 5L, 6L);
                assertThat(rows.get(0).get(Column.REGION)).isEqualTo("Rostov\r\nOblast");
                assertThat(rows.get(0).get(Column.SOURCE)).isEqualTo("A\"");
                assertThat(english(rows.get(1).malformed()))
                        .isEqualTo("unbalanced quotes: the quoted field opened on line 5 is never closed;"
                                + " line 4 is rejected and the lines after it are read on");
                assertThat(rows.get(1).raw()).isEqualTo("2025-12-07,\"Rostov");
                assertThat(rows.get(2).raw()).isEqualTo("Oblast\",debris,B,\"open");
                assertThat(english(rows.get(3).malformed())).isEqualTo("expected 5 fields, found 1");
            }
        }

        @Test
        void oneStrayQuoteCostsOneRow() throws Exception {
            Path path = write("stray.csv", "occurred_at,region,event_type,source,notes\n"
                    + "2025-12-07,Rostov Oblast,debris,A,\"he said \"\"hi\"\" and \"left\"\n"
                    + "2025-12-07,Rostov Oblast,debris,B,one\n"
                    + "2025-12-07,Rostov Oblast,debris,C,\"two\"\n"
                    + "2025-12-07,Rostov Oblast,debris,D,three\n"
                    + "2025-12-07,Rostov Oblast,debris,E,four\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "stray.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L, 4L, 5L, 6L);
                assertThat(english(rows.get(0).malformed())).isEqualTo("unbalanced quotes: the quoted field opened on line 2"
                        + " closes before more text (a quote inside a quoted field is written \"\");"
                        + " line 2 is rejected and the lines after it are read on");
                assertThat(rows.get(0).raw()).isEqualTo("2025-12-07,Rostov Oblast,debris,A,\"he said \"\"hi\"\" and \"left\"");
                assertThat(rows.subList(1, 5)).extracting(r -> english(r.malformed())).containsOnlyNulls();
                assertThat(rows.subList(1, 5)).extracting(row -> row.get(Column.SOURCE)).containsExactly("B", "C", "D", "E");
            }
        }

        @Test
        void aStrayOpeningQuoteDoesNotSwallowTheLinesUpToTheNextQuote() throws Exception {
            Path path = write("stray-open.csv", "occurred_at,region,event_type,source,notes\n"
                    + "2025-12-07,Rostov Oblast,debris,A,\"oops\n"
                    + "2025-12-07,Rostov Oblast,debris,B,one\n"
                    + "2025-12-07,Rostov Oblast,debris,C,\"two\"\n"
                    + "2025-12-07,Rostov Oblast,debris,D,\"three\"\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "stray-open.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L, 4L, 5L);
                assertThat(english(rows.get(0).malformed())).startsWith("unbalanced quotes: the quoted field opened on line 2 closes on line 4");
                assertThat(rows.subList(1, 4)).extracting(row -> row.get(Column.SOURCE)).containsExactly("B", "C", "D");
                assertThat(rows.subList(1, 4)).extracting(r -> english(r.malformed())).containsOnlyNulls();
            }
        }

        @Test
        void aStrayQuoteThatGluesLinesIntoOneRecordCostsOnlyItsFirstLine() throws Exception {
            Path path = write("glued.csv", "occurred_at,region,event_type,source,notes\n"
                    + "2025-12-07,Rostov Oblast,debris,\"A oops,x\n"
                    + "2025-12-07,Rostov Oblast,debris,B,he said yes\"\n"
                    + "2025-12-07,Rostov Oblast,debris,C,fine\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "glued.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L, 4L);
                assertThat(english(rows.get(0).malformed())).isEqualTo("expected 5 fields, found 4 in a record over lines 2–3"
                        + " (a stray or missing quote?); line 2 is rejected and the lines after it are read on");
                assertThat(rows.get(1).get(Column.NOTES)).isEqualTo("he said yes\"");
                assertThat(rows.get(2).get(Column.SOURCE)).isEqualTo("C");
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"''", "'\n'", "'\r\n'", "'\r'"})
        void keepsAQuotedLastFieldHoldingALoneCarriageReturn(String end) throws Exception {
            Path path = write("cr.csv", "occurred_at,region,event_type,source,notes\n"
                    + "2025-12-07,Rostov Oblast,debris,A,\"line one\rline two\"\n"
                    + "2025-12-08,Kursk Oblast,impact,B,\"line one\rline two\"" + end);
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "cr.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L);
                assertThat(rows).extracting(row -> row.get(Column.NOTES)).containsOnly("line one\rline two");
                assertThat(rows).extracting(r -> english(r.malformed())).containsOnlyNulls();
                assertThat(rows.get(1).get(Column.SOURCE)).isEqualTo("B");
            }
        }

        @Test
        void findsAQuoteNeverClosedFarIntoALargeFile() throws Exception {
            StringBuilder text = new StringBuilder("\uFEFFoccurred_at,region,event_type,source\n");
            for (int i = 0; i < 10_000; i++) {
                text.append("2025-12-07,Ростовская область,debris,S").append(i).append('\n');
            }
            text.append("2025-12-08,Kursk Oblast,impact,\"").append("y".repeat(50_000)).append('\n');
            text.append("2025-12-08,Kursk Oblast,impact,after\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(write("big.csv", text.toString()), "big.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).hasSize(10_002);
                assertThat(rows.get(9_999).get(Column.SOURCE)).isEqualTo("S9999");
                RawRow bad = rows.get(10_000);
                assertThat(bad.line()).isEqualTo(10_002);
                assertThat(english(bad.malformed())).startsWith("unbalanced quotes: the quoted field opened on line 10002 is never closed");
                assertThat(bad.raw()).hasSize(10_000).startsWith("2025-12-08,Kursk Oblast,impact,\"yyy")
                        .endsWith(" …[cut: longer than 10,000 characters]");
                assertThat(rows.get(10_001).get(Column.SOURCE)).isEqualTo("after");
                assertThat(rows.get(10_001).line()).isEqualTo(10_003);
            }
        }

        @Test
        void rejectsARowTooLongToReadAndReadsOn() throws Exception {
            String huge = "z".repeat(17_000_000);
            Path path = write("huge.csv", "occurred_at,region,event_type,source,notes\n"
                    + "2025-12-07,Rostov Oblast,debris,A,ok\n"
                    + "2025-12-07,Rostov Oblast,debris,B,\"" + huge + "\"\n"
                    + "2025-12-08,Kursk Oblast,impact,C,read\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "huge.csv")) {
                List<RawRow> rows = readAll(reader);
                assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L, 4L);
                assertThat(english(rows.get(1).malformed())).isEqualTo("too long to read: a row may hold at most 16 MB");
                assertThat(rows.get(1).raw()).hasSize(10_000).startsWith("2025-12-07,Rostov Oblast,debris,B,\"zzz")
                        .endsWith(" …[cut: longer than 10,000 characters]");
                assertThat(rows.get(2).get(Column.SOURCE)).isEqualTo("C");
                assertThat(english(rows.get(2).malformed())).isNull();
                assertThat(reader.rowsRead()).isEqualTo(3);
            }
        }
    }

    @Nested
    class Unreadable {

        @Test
        void rejectsADirectory() throws Exception {
            Files.createDirectory(dir.resolve("folder.csv"));
            assertThat(rejection(dir.resolve("folder.csv"), "folder.csv")).isEqualTo("is a directory, not a file");
        }

        @Test
        void rejectsAMissingFile() {
            assertThat(rejection(dir.resolve("gone.csv"), "gone.csv")).isEqualTo("file not found");
        }
    }

    /**
     * The reader marks a row free of control characters only when none of its bytes is one, so the
     * normalizer may skip its control-character pass for that row and no other.
     */
    @Nested
    class ControlFree {

        private static final String HEADER = "occurred_at,region,event_type,source,notes\n";

        @Test
        void aRowOfPlainTextTabsAndQuotedLineBreaksIsControlFree() throws Exception {
            Path path = write("plain.csv", HEADER + "2025-12-07,Rostov Oblast,debris,Governor,\"two\r\nlines\tand a tab\"\n"
                    + "2025-12-07,Ростовская область,debris,Губернатор,ёлка\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "plain.csv")) {
                assertThat(readAll(reader)).extracting(RawRow::controlFree).containsExactly(true, true);
            }
        }

        @Test
        void aControlByteAnywhereInTheRowLeavesItToThePass() throws Exception {
            Path path = write("controls.csv", HEADER + "2025-12-07,Rostov Oblast,debris,Gov\u0000ernor,x\n"
                    + "2025-12-07,Rostov Oblast,debris,Governor,bell\u0007\n"
                    + "2025-12-07,Rostov Oblast,debris,Governor,del\u007F\n"
                    + "2025-12-07,Rostov Oblast,debris,Governor,\"quoted\u001B\"\n"
                    + "2025-12-07,Rostov Oblast,debris,Governor,clean\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "controls.csv")) {
                assertThat(readAll(reader)).extracting(RawRow::controlFree).containsExactly(false, false, false, false, true);
            }
        }

        @Test
        void aControlByteInWindows1251TextIsSeenToo() throws Exception {
            byte[] bytes = (HEADER + "2025-12-07,Ростовская область,debris,Губер\u0001натор,x\n"
                    + "2025-12-07,Ростовская область,debris,Губернатор,x\n").getBytes(CP1251);
            try (IncidentCsvReader reader = IncidentCsvReader.open(write("cp1251-controls.csv", bytes), "c.csv")) {
                assertThat(readAll(reader)).extracting(RawRow::controlFree).containsExactly(false, true);
            }
        }

        @Test
        void aControlBytePastTheCutOfTheRawTextIsSeenInTheFields() throws Exception {
            Path path = write("long.csv", HEADER + "2025-12-07,Rostov Oblast,debris,Governor," + "n".repeat(60_000) + "\u0002\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "long.csv")) {
                RawRow row = reader.read();
                assertThat(row.raw()).doesNotContain("\u0002");
                assertThat(row.get(Column.NOTES)).endsWith("\u0002");
                assertThat(row.controlFree()).isFalse();
            }
        }

        @Test
        void aMalformedRowIsNeverMarked() throws Exception {
            Path path = write("short.csv", HEADER + "2025-12-07,Rostov Oblast,debris\n");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "short.csv")) {
                RawRow row = reader.read();
                assertThat(row.malformed()).isNotNull();
                assertThat(row.controlFree()).isFalse();
            }
        }

        @Test
        void aConstantOfTheMappingFileWithAControlCharacterLeavesEveryRowToThePass() throws Exception {
            Path path = write("feed.csv", "occurred_at,region,event_type\n2025-12-07,Rostov Oblast,debris\n");
            ColumnRules rules = new ColumnRules(java.util.Map.of(), java.util.Map.of(Field.SOURCE, "Fe\u0000ed"),
                    java.util.Map.of(), "columns.csv");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "feed.csv", rules)) {
                RawRow row = reader.read();
                assertThat(row.get(Column.SOURCE)).isEqualTo("Fe\u0000ed");
                assertThat(row.controlFree()).isFalse();
            }
            ColumnRules clean = new ColumnRules(java.util.Map.of(), java.util.Map.of(Field.SOURCE, "Feed"),
                    java.util.Map.of(), "columns.csv");
            try (IncidentCsvReader reader = IncidentCsvReader.open(path, "feed.csv", clean)) {
                assertThat(reader.read().controlFree()).isTrue();
            }
        }
    }
}
