package com.incidenttally.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedCsvWriterTests {

    @TempDir
    Path dir;

    private List<CsvRecord> written() throws IOException {
        return written(new RejectedCsvWriter());
    }

    private List<CsvRecord> written(RejectedCsvWriter writer) throws IOException {
        Path csv = dir.resolve("rejected.csv");
        writer.write(ReportFixtures.seventyNights(), csv);
        String text = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
            reader.forEach(records::add);
        }
        return records;
    }

    @Test
    void startsWithAByteOrderMarkSoExcelReadsUtf8() throws IOException {
        Path csv = dir.resolve("rejected.csv");
        new RejectedCsvWriter().write(ReportFixtures.seventyNights(), csv);

        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Смоленская область");
    }

    @Test
    void writesTheHeaderAndOneRecordPerRejectionWithItsLineNumber() throws IOException {
        List<CsvRecord> records = written();

        assertThat(records.get(0).getFields()).containsExactly("file", "line", "column", "value", "reason", "raw",
                "night", "new", "note");
        assertThat(records).hasSize(1 + 4);
        assertThat(records.subList(1, records.size())).extracting(r -> r.getField(0) + ":" + r.getField(1))
                .containsExactly("digest.csv:3", "digest.csv:7", "governors.csv:15", "broken.csv:0");
    }

    @Test
    void theNoteOnAnUndatedRowIsInTheReportsLanguage() throws IOException {
        assertThat(written().get(1).getField(8)).isEqualTo("undated: no usable date; listed in every report until fixed");
        assertThat(written(new RejectedCsvWriter(ReportTexts.of(Language.RU))).get(1).getField(8))
                .isEqualTo("без даты: нет пригодной даты; показывается в каждом отчёте, пока её не исправят");
    }

    @Test
    void escapesValuesThatASpreadsheetWouldRunAsFormulas() throws IOException {
        List<CsvRecord> records = written();

        assertThat(records.get(1).getField(3)).isEqualTo("'-3");
        assertThat(records.get(2).getField(3)).isEqualTo("'" + ReportFixtures.HYPERLINK);
        assertThat(records.get(2).getField(5)).isEqualTo("'" + ReportFixtures.HYPERLINK + ";debris;\"multi\nline\"");
        assertThat(records.get(3).getField(3)).isEqualTo("31.02.2025 25:00");
    }

    @Test
    void quotesFieldsWithSeparatorsQuotesAndNewlines() throws IOException {
        Path csv = dir.resolve("rejected.csv");
        new RejectedCsvWriter().write(ReportFixtures.seventyNights(), csv);

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"15,31.02.2025 25:00,Смоленская область,shot_down,Губернатор\"");
        assertThat(text).contains("\r\n");
    }

    @Test
    void writesOnlyTheHeaderWhenNothingWasRejected() throws IOException {
        Path csv = dir.resolve("rejected.csv");
        new RejectedCsvWriter().write(ReportFixtures.emptyWeek(), csv);

        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFfile,line,column,value,reason,raw,night,new,note\r\n");
    }

    @Test
    void escapeLeavesOrdinaryTextAlone() {
        assertThat(RejectedCsvWriter.escape("Rostov Oblast")).isEqualTo("Rostov Oblast");
        assertThat(RejectedCsvWriter.escape("@cmd")).isEqualTo("'@cmd");
        assertThat(RejectedCsvWriter.escape("+7")).isEqualTo("'+7");
        assertThat(RejectedCsvWriter.escape("\tx")).isEqualTo("'\tx");
        assertThat(RejectedCsvWriter.escape(null)).isEmpty();
    }
}
