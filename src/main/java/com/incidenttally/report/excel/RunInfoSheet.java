package com.incidenttally.report.excel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.incidenttally.report.ReportTexts;
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
 * SHA-256, encoding, delimiter and row counts (read = accepted + rejected), the time of every step
 * (the report step measured up to the moment this sheet is written) and the run's wall time.
 */
final class RunInfoSheet {

    /** Labels and file names wrap in the first column, values in the second; SHA-256 fits on one line. */
    private static final int[] WIDTHS = {30, 67, 13, 11, 11, 11, 11, 11};

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private final String printTitle;
    private Sheet sheet;
    private int next;

    RunInfoSheet(SXSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
        this.printTitle = printTitle;
    }

    void write(ReportData data) {
        RunInfo run = data.runInfo();
        String name = texts.text("sheet.runInfo");
        sheet = workbook.createSheet(name);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        TableSheet.Printing.landscape(sheet, printTitle + " — " + name);
        TableSheet.Printing.fitWidth(sheet, 1);

        cells.styled(row(), 0, name, styles.title);
        next++;
        pair(texts.text("run.version"), run == null ? null : run.version());
        Row generated = row();
        cells.wrapped(generated, 0, texts.text("generatedAt"), styles.wrappedLabel);
        cells.styled(generated, 1, null, styles.dateTimeSeconds);
        if (data.generatedAt() != null) {
            generated.getCell(1).setCellValue(LocalDateTime.ofInstant(data.generatedAt(), ZoneOffset.UTC));
        }
        pair(texts.text("run.period"), texts.period(data.period()));
        pair(texts.text("run.language"), texts.optional("language." + texts.language().code(), texts.language().code()));
        if (run == null) {
            return;
        }

        next++;
        cells.styled(row(), 0, texts.text("run.parameters"), styles.subtitle);
        header(List.of(Column.text(texts.text("run.parameter"), 0), Column.text(texts.text("run.value"), 0)));
        if (run.parameters() == null || run.parameters().isEmpty()) {
            cells.styled(row(), 0, texts.text("run.defaults"), styles.note);
        } else {
            for (Map.Entry<String, String> parameter : run.parameters().entrySet()) {
                pair(texts.optional("run.param." + parameter.getKey().replace(' ', '_'), parameter.getKey()),
                        parameterValue(parameter.getValue()));
            }
        }

        next++;
        cells.styled(row(), 0, texts.text("run.files"), styles.subtitle);
        int fileHeader = next;
        header(List.of(Column.text(texts.text("run.file"), 0), Column.text("SHA-256", 0),
                Column.text(texts.text("run.encoding"), 0), Column.text(texts.text("run.delimiter"), 0),
                Column.number(texts.text("run.rowsRead"), 0), Column.number(texts.text("run.accepted"), 0),
                Column.number(texts.text("run.rejected"), 0), Column.text(texts.text("run.status"), 0)));
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        for (InputFileInfo file : run.files() == null ? List.<InputFileInfo>of() : run.files()) {
            Row row = row();
            cells.wrapped(row, 0, file.path());
            cells.text(row, 1, file.sha256());
            cells.wrapped(row, 2, file.encoding());
            cells.wrapped(row, 3, delimiterName(file.delimiter()));
            cells.number(row, 4, file.rowsRead());
            cells.number(row, 5, file.rowsAccepted());
            cells.number(row, 6, file.rowsRejected());
            cells.wrapped(row, 7, file.status() == null ? null
                    : texts.optional("run.fileStatus." + file.status().replaceAll("[^A-Za-z]+", "_"), file.status()));
            read += file.rowsRead();
            accepted += file.rowsAccepted();
            rejected += file.rowsRejected();
        }
        int lastFile = next - 1;
        Row fileTotal = row();
        cells.styled(fileTotal, 0, texts.text("total"), styles.totalLabel);
        for (int i = 1; i < 4; i++) {
            cells.styled(fileTotal, i, null, styles.totalLabel);
        }
        cells.styled(fileTotal, 4, null, styles.totalInteger).setCellValue(read);
        cells.styled(fileTotal, 5, null, styles.totalInteger).setCellValue(accepted);
        cells.styled(fileTotal, 6, null, styles.totalInteger).setCellValue(rejected);
        cells.styled(fileTotal, 7, null, styles.totalLabel);
        sheet.setAutoFilter(new CellRangeAddress(fileHeader, lastFile, 0, WIDTHS.length - 1));

        next++;
        cells.styled(row(), 0, texts.text("run.timings"), styles.subtitle);
        header(List.of(Column.text(texts.text("run.step"), 0), Column.number(texts.text("run.seconds"), 0)));
        if (run.timings() != null) {
            for (Map.Entry<String, Duration> timing : run.timings().entrySet()) {
                seconds(texts.optional("run.stepName." + timing.getKey(), timing.getKey()), timing.getValue(), styles.decimal);
            }
        }
        RunInfo.RunningStep running = run.running();
        if (running != null) {
            // The report step cannot know its end: measured up to now, when its last sheet is written.
            Instant now = Instant.now();
            seconds(texts.text("run.runningStep", texts.optional("run.stepName." + running.name(), running.name())), Duration.between(running.started(), now),
                    styles.decimal);
            Row total = seconds(texts.text("run.wallTime"), Duration.between(running.jobStarted(), now),
                    styles.totalDecimal);
            total.getCell(0).setCellStyle(styles.totalLabel);
        }

        next++;
        cells.styled(row(), 0, texts.text("run.rows"), styles.subtitle);
        count(texts.text("run.read"), run.rowsRead());
        count(texts.text("run.accepted"), run.rowsAccepted());
        count(texts.text("run.rejected"), run.rowsRejected());
        count(texts.text("run.merged"), run.rowsMerged());
        cells.styled(row(), 0, texts.text("note.merged"), styles.note);
        fitPages();
    }

    /** The fewest pages at 8 pt or more: one, when the sheet fits on one. */
    private void fitPages() {
        double height = 0;
        int measured = 0;
        for (Row row : sheet) {
            height += row.getHeightInPoints();
            measured++;
        }
        height += (next - measured) * sheet.getDefaultRowHeightInPoints();
        TableSheet.Printing.fit(sheet, PageFit.of(PageFit.width(WIDTHS), 0, height, 0));
    }

    private Row seconds(String step, Duration duration, org.apache.poi.ss.usermodel.CellStyle style) {
        Row row = row();
        cells.wrapped(row, 0, step);
        cells.styled(row, 1, null, style).setCellValue(duration.toMillis() / 1000.0);
        return row;
    }

    private Row row() {
        return sheet.createRow(next++);
    }

    /** The few words the job's parameters are given in, in the report's language; paths and codes as they are. */
    private String parameterValue(String value) {
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher execution = JOB_EXECUTION.matcher(value);
        if (execution.matches()) {
            return texts.text("run.jobExecution", execution.group(1), execution.group(2));
        }
        return switch (value) {
            case "yes" -> texts.yesNo(true);
            case "no" -> texts.yesNo(false);
            case "(none)" -> texts.text("run.none");
            case "all" -> texts.text("period.all");
            case "the gazetteer's" -> texts.text("run.gazetteerZones");
            case "no (--no-merge)" -> texts.yesNo(false) + " (--no-merge)";
            default -> texts.optional("language." + value, value);
        };
    }

    private static final java.util.regex.Pattern JOB_EXECUTION = java.util.regex.Pattern.compile("(\\d+) of run (\\d+)");

    private void pair(String name, String value) {
        Row row = row();
        cells.wrapped(row, 0, name, styles.wrappedLabel);
        cells.wrapped(row, 1, value);
    }

    private void count(String name, long value) {
        Row row = row();
        cells.wrapped(row, 0, name, styles.wrappedLabel);
        cells.number(row, 1, value);
    }

    /** A table's heading row, as tall as its longest heading wrapped in its column. */
    private void header(List<Column> titles) {
        Row row = row();
        int lines = 1;
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i).title());
            cell.setCellStyle(titles.get(i).numeric() ? styles.headerNumber : styles.header);
            lines = Math.max(lines, Cells.lines(titles.get(i).title(), WIDTHS[i], true));
        }
        if (lines > 1) {
            row.setHeightInPoints(Math.min(4, lines) * 15f);
        }
    }

    private String delimiterName(String delimiter) {
        if (delimiter == null) {
            return null;
        }
        return switch (delimiter) {
            case "\t" -> texts.text("delimiter.tab");
            case ";" -> texts.text("delimiter.semicolon");
            case "," -> texts.text("delimiter.comma");
            case "|" -> texts.text("delimiter.pipe");
            default -> delimiter;
        };
    }
}
