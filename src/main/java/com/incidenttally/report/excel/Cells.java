package com.incidenttally.report.excel;

import com.incidenttally.tally.CellText;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.incidenttally.report.ReportTexts;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes values into cells the one safe way: text always as a string cell (never a formula),
 * cut to what a cell holds with a visible marker; numbers and dates as real numbers and dates.
 */
final class Cells {

    /** The most characters an Excel cell holds. */
    static final int MAX_TEXT = 32_767;

    private static final int MAX_WRAPPED_LINES = 12;
    private static final float LINE_HEIGHT = 14.5f;

    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private Sheet widthsSheet;
    private int[] widths = new int[0];

    Cells(WorkbookStyles styles) {
        this(styles, ReportTexts.english());
    }

    Cells(WorkbookStyles styles, ReportTexts texts) {
        this.styles = styles;
        this.texts = texts;
    }

    /** Text as it may go into a cell: at most {@link #MAX_TEXT} characters, a cut one says so. */
    static String fit(String text) {
        return CellText.cut(text, MAX_TEXT);
    }

    Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        if (value == null || value.isEmpty()) {
            cell.setCellStyle(styles.text);
            return cell;
        }
        String fitted = fit(value);
        // setCellValue(String) makes a string cell whatever the text; the quote prefix also keeps
        // Excel from turning it into a formula when someone edits the cell.
        cell.setCellValue(fitted);
        cell.setCellStyle(looksLikeFormula(fitted) ? styles.quotedText : styles.text);
        return cell;
    }

    /** Text to be read whole, wrapped in its column; formula-like text keeps its quote prefix. */
    Cell wrapped(Row row, int column, String value) {
        Cell cell = text(row, column, value);
        cell.setCellStyle(cell.getCellStyle() == styles.quotedText ? styles.quotedWrappedText : styles.wrappedText);
        fitHeight(row, column, cell);
        return cell;
    }

    /** Our own text in a wrapping style, on a row tall enough for it. */
    Cell wrapped(Row row, int column, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        Cell cell = styled(row, column, value, style);
        fitHeight(row, column, cell);
        return cell;
    }

    private void fitHeight(Row row, int column, Cell cell) {
        String value = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING ? cell.getStringCellValue() : null;
        if (value != null && !value.isEmpty()) {
            // Neither Excel nor LibreOffice reliably re-measures streamed rows, so set the height
            // from an estimate of the wrapped lines, capped so one huge value cannot fill a screen.
            // Column widths count the widest digit; most letters are narrower, but lines break at words.
            int perLine = Math.max(1, columnWidth(row.getSheet(), column) / 256);
            int lines = 0;
            int start = 0;
            while (lines < MAX_WRAPPED_LINES) {
                int end = value.indexOf('\n', start);
                int length = (end < 0 ? value.length() : end) - start;
                lines += Math.max(1, (length + perLine - 1) / perLine);
                if (end < 0) {
                    break;
                }
                start = end + 1;
            }
            float height = Math.min(lines, MAX_WRAPPED_LINES) * LINE_HEIGHT;
            if (height > row.getHeightInPoints()) {
                row.setHeightInPoints(height);
            }
        }
    }

    /**
     * A column's width, read from the sheet once: POI looks it up in the sheet's XML each time, which
     * cost more than the rest of a wrapped cell. A table's widths are set before its rows.
     */
    private int columnWidth(Sheet sheet, int column) {
        if (sheet != widthsSheet) {
            widthsSheet = sheet;
            widths = new int[0];
        }
        if (column >= widths.length) {
            int known = widths.length;
            widths = java.util.Arrays.copyOf(widths, column + 1);
            java.util.Arrays.fill(widths, known, widths.length, -1);
        }
        if (widths[column] < 0) {
            widths[column] = sheet.getColumnWidth(column);
        }
        return widths[column];
    }

    Cell styled(Row row, int column, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(fit(value));
        }
        cell.setCellStyle(style);
        return cell;
    }

    Cell number(Row row, int column, long value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.integer);
        return cell;
    }

    /** A count that may be unknown: an empty cell, not a zero. */
    Cell number(Row row, int column, Integer value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(styles.integer);
        return cell;
    }

    /** A number nobody reported: a blank cell in a numbers column, not a zero. */
    Cell blankNumber(Row row, int column) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.integer);
        return cell;
    }

    Cell decimal(Row row, int column, double value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.decimal);
        return cell;
    }

    Cell date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(styles.date);
        return cell;
    }

    Cell dateTime(Row row, int column, LocalDateTime value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(styles.dateTime);
        return cell;
    }

    Cell yesNo(Row row, int column, boolean value) {
        return text(row, column, texts.yesNo(value));
    }

    private static boolean looksLikeFormula(String text) {
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@';
    }
}
