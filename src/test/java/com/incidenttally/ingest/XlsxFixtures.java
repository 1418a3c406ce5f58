package com.incidenttally.ingest;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/** Workbooks written with POI the way a person's logbook looks: real dates, numbers, a formula, merged and hidden cells. */
public final class XlsxFixtures {

    /** The rows of {@link #logbook}, as the same analyst would have typed them in a CSV file. */
    public static final String LOGBOOK_AS_CSV = """
            occurred_at,region,district,event_type,uav_count,source,notes
            2025-12-07 23:50,Smolensk region,,shot_down,1,Governor (Telegram),first
            2025-12-08 02:10,Rostov region,Chertkovsky,shot_down,3,Governor (Telegram),merged date
            2025-12-08 02:10,Rostov region,Millerovsky,debris,2,Ministry of Defence,"merged date, formula"
            2025-12-09,Belgorod region,,impact,,Ministry of Defence,whole day
            2025-12-09 21:05,Kursk region,,attack,12,Governor (Telegram),"a note, with a comma"
            2025-12-09 22:00,Atlantis,,attack,1,Governor (Telegram),a place nobody knows
            """;

    private XlsxFixtures() {
    }

    /**
     * A logbook workbook: a "Read me" sheet first (prose, no header), then "Log" with its header
     * in row 2 (row 1 blank), real date cells, a number, a formula, a date merged over two rows
     * and a hidden column, then an empty sheet.
     */
    public static Path logbook(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet readMe = workbook.createSheet("Read me");
            readMe.createRow(0).createCell(0).setCellValue("Incidents as the duty officer logs them");
            readMe.createRow(1).createCell(0).setCellValue("One row per report; dates in the first column");

            Sheet log = workbook.createSheet("Log");
            CellStyle dateTime = dateStyle(workbook, "dd.mm.yyyy hh:mm");
            CellStyle date = dateStyle(workbook, "dd.mm.yyyy");
            header(log.createRow(1), "Occurred at", "Region", "District", "Event type", "UAV count", "Source", "Notes");
            row(log, 2, dateTime, LocalDateTime.of(2025, 12, 7, 23, 50), "Smolensk region", null, "shot_down", 1, "Governor (Telegram)", "first");
            row(log, 3, dateTime, LocalDateTime.of(2025, 12, 8, 2, 10), "Rostov region", "Chertkovsky", "shot_down", 3, "Governor (Telegram)", "merged date");
            row(log, 4, null, null, "Rostov region", "Millerovsky", "debris", null, "Ministry of Defence", "merged date, formula");
            log.getRow(4).createCell(4).setCellFormula("1+1");
            log.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            row(log, 5, date, LocalDateTime.of(2025, 12, 9, 0, 0), "Belgorod region", null, "impact", null, "Ministry of Defence", "whole day");
            // A blank row between entries, as people leave them.
            row(log, 7, dateTime, LocalDateTime.of(2025, 12, 9, 21, 5), "Kursk region", null, "attack", 12, "Governor (Telegram)", "a note, with a comma");
            row(log, 8, dateTime, LocalDateTime.of(2025, 12, 9, 22, 0), "Atlantis", null, "attack", 1, "Governor (Telegram)", "a place nobody knows");
            log.setColumnHidden(2, true);

            workbook.createSheet("Sheet3");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return save(workbook, file);
        }
    }

    /** A workbook with the given sheets, each a list of rows of text cells (null = no cell). */
    public static Path sheets(Path file, List<String> names, List<List<List<String>>> sheets) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (int s = 0; s < names.size(); s++) {
                Sheet sheet = workbook.createSheet(names.get(s));
                List<List<String>> rows = sheets.get(s);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        if (rows.get(r).get(c) != null) {
                            row.createCell(c).setCellValue(rows.get(r).get(c));
                        }
                    }
                }
            }
            return save(workbook, file);
        }
    }

    /** The logbook protected by a password, as Excel saves it: an encrypted OLE2 container. */
    public static Path encrypted(Path file) throws Exception {
        Path plain = logbook(file.resolveSibling(file.getFileName() + ".plain"));
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        Files.delete(plain);
        return file;
    }

    /** An old Excel 97–2003 workbook given an .xlsx name. */
    public static Path xlsRenamed(Path file) throws IOException {
        try (Workbook workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Log").createRow(0).createCell(0).setCellValue("occurred_at");
            workbook.write(out);
        }
        return file;
    }

    /** The first half of the logbook's bytes: a zip cut short, as a failed copy leaves it. */
    public static Path truncated(Path file) throws IOException {
        Path whole = logbook(file.resolveSibling(file.getFileName() + ".whole"));
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        return Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static CellStyle dateStyle(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    private static void header(Row row, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    private static void row(Sheet sheet, int index, CellStyle style, LocalDateTime at, String region, String district,
                            String eventType, Integer uavCount, String source, String notes) {
        Row row = sheet.createRow(index);
        if (at != null) {
            Cell cell = row.createCell(0);
            cell.setCellValue(at);
            cell.setCellStyle(style);
        }
        row.createCell(1).setCellValue(region);
        if (district != null) {
            row.createCell(2).setCellValue(district);
        }
        row.createCell(3).setCellValue(eventType);
        if (uavCount != null) {
            row.createCell(4).setCellValue(uavCount);
        }
        row.createCell(5).setCellValue(source);
        row.createCell(6).setCellValue(notes);
    }

    private static Path save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
