package com.incidenttally.bench;

import com.incidenttally.ingest.Column;
import com.incidenttally.ingest.FileRejectedException;
import com.incidenttally.ingest.IncidentCsvReader;
import com.incidenttally.ingest.RawRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an incident CSV file's rows as an {@code .xlsx} logbook, for the benchmark of workbook
 * input: one sheet, the CSV file's columns, {@code yyyy-MM-dd HH:mm} dates as real date cells and
 * whole numbers as number cells, everything else as text (in a shared strings table, as Excel writes it). Rows the CSV reader finds malformed are
 * written with the fields it could read.
 *
 * <pre>java -cp … com.incidenttally.bench.CsvToXlsx IN.csv OUT.xlsx</pre>
 */
public final class CsvToXlsx {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final Set<Column> COUNTS = Set.of(Column.UAV_COUNT, Column.KILLED, Column.INJURED);

    private CsvToXlsx() {
    }

    public static void main(String[] args) throws IOException, FileRejectedException {
        if (args.length != 2) {
            System.err.println("CsvToXlsx: IN.csv OUT.xlsx");
            System.exit(2);
        }
        long start = System.nanoTime();
        long rows = convert(Path.of(args[0]), Path.of(args[1]));
        System.out.printf(java.util.Locale.ROOT, "Wrote %d rows into %s (%.1f MB) in %.1f s%n", rows, args[1],
                Files.size(Path.of(args[1])) / 1e6, (System.nanoTime() - start) / 1e9);
    }

    static long convert(Path csv, Path xlsx) throws IOException, FileRejectedException {
        long rows = 0;
        try (IncidentCsvReader reader = IncidentCsvReader.open(csv, csv.getFileName().toString());
             SXSSFWorkbook workbook = new SXSSFWorkbook(null, 1_000, true, true)) {
            List<Column> columns = reader.columns();
            Sheet sheet = workbook.createSheet("Log");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).header());
            }
            for (RawRow raw = reader.read(); raw != null; raw = reader.read()) {
                Row row = sheet.createRow((int) ++rows);
                for (int c = 0; c < columns.size(); c++) {
                    String value = raw.get(columns.get(c));
                    if (value == null || value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (columns.get(c) == Column.OCCURRED_AT && dateCell(cell, value)) {
                        cell.setCellStyle(date);
                    } else if (COUNTS.contains(columns.get(c)) && WHOLE.matcher(value).matches()) {
                        cell.setCellValue(Long.parseLong(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        }
        return rows;
    }

    private static boolean dateCell(Cell cell, String value) {
        try {
            cell.setCellValue(LocalDateTime.parse(value, MINUTES));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
