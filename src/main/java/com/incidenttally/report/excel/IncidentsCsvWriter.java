package com.incidenttally.report.excel;

import com.incidenttally.report.ExcelCsv;
import com.incidenttally.report.OutputFolder;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.MergedIncident;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Writes {@code incidents.csv}: the period's merged incidents, one line each in listing order, with
 * the Incidents sheet's columns (its headers, in its order), for loading into pandas or a database.
 * UTF-8 without a byte-order mark, RFC 4180 (CRLF, quotes doubled); texts whole and as they are
 * (the workbook is what a spreadsheet opens); dates ISO 8601 ({@code 2025-12-08 01:30:00}); an
 * unknown count is an empty field.
 */
public final class IncidentsCsvWriter implements Consumer<MergedIncident>, Closeable {

    public static final String FILE = OutputFolder.INCIDENTS_CSV;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReportTexts texts;
    private final CsvWriter csv;
    private final String[] record;

    public IncidentsCsvWriter(ReportTexts texts, Path file) throws IOException {
        this.texts = texts;
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
        var columns = IncidentsSheet.columns(texts);
        this.record = new String[columns.size()];
        for (int i = 0; i < record.length; i++) {
            record[i] = columns.get(i).title();
        }
        csv.writeRecord(record);
    }

    /** Writes {@code file} with the report's incidents. */
    public static void write(ReportTexts texts, com.incidenttally.tally.ReportData data, Path file)
            throws IOException {
        try (IncidentsCsvWriter csv = new IncidentsCsvWriter(texts, file)) {
            data.incidents().forEach(csv);
        }
    }

    /** One incident, in listing order. */
    @Override
    public void accept(MergedIncident incident) {
        int c = 0;
        record[c++] = incident.id();
        record[c++] = incident.night() == null ? null : texts.night(incident.night());
        record[c++] = incident.localTime() == null ? null : TIME.format(incident.localTime());
        record[c++] = texts.region(incident.isoCode(), incident.region());
        record[c++] = incident.district() == null && incident.isSea() ? null
                : text(texts.district(incident.isoCode(), incident.shownDistrict()));
        record[c++] = text(incident.location());
        record[c++] = texts.eventType(incident.eventType());
        record[c++] = number(incident.uavCount());
        record[c++] = number(incident.killed());
        record[c++] = number(incident.injured());
        record[c++] = text(incident.damage());
        record[c++] = text(incident.sources());
        record[c++] = text(incident.origins());
        record[c++] = text(incident.measures());
        record[c++] = incident.night() == null ? null : incident.night().toString();
        record[c++] = texts.text(incident.localTime() == null ? "timeOfDay.unknown"
                : incident.nightTime() ? "timeOfDay.night" : "timeOfDay.day");
        record[c++] = texts.yesNo(incident.nightInferred());
        record[c++] = incident.isoCode();
        record[c++] = text(incident.sourceUrls());
        record[c++] = text(incident.notes());
        record[c] = Long.toString(incident.reports());
        // FastCSV reports a failed write as an UncheckedIOException: the report fails with it.
        csv.writeRecord(record);
    }

    /** Free text as data, never a formula: escaped as every CSV output of the report escapes it. */
    private static String text(String value) {
        return value == null ? null : ExcelCsv.escape(value);
    }

    private static String number(Integer value) {
        return value == null ? null : value.toString();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
