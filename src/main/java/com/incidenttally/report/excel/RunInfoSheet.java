package com.incidenttally.report.excel;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.incidenttally.tally.InputFileInfo;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.RunInfo;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code Run info}: what produced this report — parameters, version, every input file with its
 * SHA-256 and row counts (read = accepted + rejected), step timings and the run's totals.
 */
final class RunInfoSheet {

    private static final String[] FILE_HEADER = {"File", "SHA-256", "Encoding", "Delimiter", "Rows read",
            "Accepted", "Rejected", "Status"};

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final Cells cells;
    private final String printTitle;
    private Sheet sheet;
    private int next;

    RunInfoSheet(SXSSFWorkbook workbook, WorkbookStyles styles, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.cells = new Cells(styles);
        this.printTitle = printTitle;
    }

    void write(ReportData data) {
        RunInfo run = data.runInfo();
        sheet = workbook.createSheet("Run info");
        int[] widths = {40, 66, 12, 10, 11, 11, 11, 12};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        TableSheet.Printing.landscapeOnePageWide(sheet, printTitle + " — Run info");

        cells.styled(row(), 0, "Run info", styles.title);
        next++;
        pair("Version", run == null ? null : run.version());
        Row generated = row();
        cells.styled(generated, 0, "Generated at (UTC)", styles.label);
        cells.dateTime(generated, 1, data.generatedAt() == null ? null
                : LocalDateTime.ofInstant(data.generatedAt(), ZoneOffset.UTC));
        pair("Period", data.period().label());
        if (run == null) {
            return;
        }

        next++;
        cells.styled(row(), 0, "Parameters", styles.subtitle);
        header("Parameter", "Value");
        if (run.parameters() == null || run.parameters().isEmpty()) {
            cells.styled(row(), 0, "(defaults)", styles.note);
        } else {
            for (Map.Entry<String, String> parameter : run.parameters().entrySet()) {
                pair(parameter.getKey(), parameter.getValue());
            }
        }

        next++;
        cells.styled(row(), 0, "Input files", styles.subtitle);
        int fileHeader = next;
        header(FILE_HEADER);
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        for (InputFileInfo file : run.files() == null ? java.util.List.<InputFileInfo>of() : run.files()) {
            Row row = row();
            cells.text(row, 0, file.path());
            cells.text(row, 1, file.sha256());
            cells.text(row, 2, file.encoding());
            cells.text(row, 3, delimiterName(file.delimiter()));
            cells.number(row, 4, file.rowsRead());
            cells.number(row, 5, file.rowsAccepted());
            cells.number(row, 6, file.rowsRejected());
            cells.text(row, 7, file.status());
            read += file.rowsRead();
            accepted += file.rowsAccepted();
            rejected += file.rowsRejected();
        }
        int lastFile = next - 1;
        Row fileTotal = row();
        cells.styled(fileTotal, 0, "Total", styles.totalLabel);
        for (int i = 1; i < 4; i++) {
            cells.styled(fileTotal, i, null, styles.totalLabel);
        }
        cells.styled(fileTotal, 4, null, styles.totalInteger).setCellValue(read);
        cells.styled(fileTotal, 5, null, styles.totalInteger).setCellValue(accepted);
        cells.styled(fileTotal, 6, null, styles.totalInteger).setCellValue(rejected);
        cells.styled(fileTotal, 7, null, styles.totalLabel);
        sheet.setAutoFilter(new CellRangeAddress(fileHeader, lastFile, 0, FILE_HEADER.length - 1));

        next++;
        cells.styled(row(), 0, "Step timings", styles.subtitle);
        header("Step", "Seconds");
        double totalSeconds = 0;
        if (run.timings() != null) {
            for (Map.Entry<String, Duration> timing : run.timings().entrySet()) {
                Row row = row();
                cells.text(row, 0, timing.getKey());
                double seconds = timing.getValue().toMillis() / 1000.0;
                cells.decimal(row, 1, seconds);
                totalSeconds += seconds;
            }
        }
        Row timingTotal = row();
        cells.styled(timingTotal, 0, "Total", styles.totalLabel);
        cells.styled(timingTotal, 1, null, styles.totalLabel).setCellValue(totalSeconds);
        timingTotal.getCell(1).setCellStyle(styles.decimal);

        next++;
        cells.styled(row(), 0, "Rows", styles.subtitle);
        count("Read", run.rowsRead());
        count("Accepted", run.rowsAccepted());
        count("Rejected", run.rowsRejected());
        count("Merged into another row's incident", run.rowsMerged());
    }

    private Row row() {
        return sheet.createRow(next++);
    }

    private void pair(String name, String value) {
        Row row = row();
        cells.styled(row, 0, name, styles.label);
        cells.text(row, 1, value);
    }

    private void count(String name, long value) {
        Row row = row();
        cells.styled(row, 0, name, styles.label);
        cells.number(row, 1, value);
    }

    private void header(String... titles) {
        Row row = row();
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(styles.header);
        }
    }

    private static String delimiterName(String delimiter) {
        if (delimiter == null) {
            return null;
        }
        return switch (delimiter) {
            case "\t" -> "tab";
            case ";" -> "semicolon";
            case "," -> "comma";
            default -> delimiter;
        };
    }
}
