package com.incidenttally.report.excel;

import com.incidenttally.incident.CellText;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.incidenttally.report.ReportTexts;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFRow;

/**
 * Writes values into cells the one safe way: text always as a string cell (never a formula),
 * cut to what a cell holds with a visible marker; numbers and dates as real numbers and dates.
 */
final class Cells {

    /** The most characters an Excel cell holds. */
    static final int MAX_TEXT = 32_767;

    /** Enough for the file:line list of an incident reported two dozen times; a cell longer than that is cut on paper. */
    static final int MAX_WRAPPED_LINES = 24;
    static final float LINE_HEIGHT = 14.5f;

    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private Sheet widthsSheet;
    private int[] widths = new int[0];
    private Sheet defaultHeightSheet;
    private float defaultHeight;

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
            boolean bold = cell.getCellStyle() != styles.wrappedText
                    && row.getSheet().getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getBold();
            int lines = lines(value, columnWidth(row.getSheet(), column) / 256.0, bold);
            float height = Math.min(lines, MAX_WRAPPED_LINES) * LINE_HEIGHT;
            if (height > heightInPoints(row)) {
                row.setHeightInPoints(height);
            }
        }
    }

    /**
     * The lines a text takes wrapped in a column {@code width} characters wide (Excel's unit: the width
     * of a digit), as a spreadsheet breaks it: at spaces and after hyphens and dashes, a word wider than
     * the column broken where it reaches the edge. Letters are weighed by their width in Calibri (and
     * Carlito), rounded up, so that the estimate errs towards a line too many: a row too short would cut
     * the last line off on paper. Stops counting at {@link #MAX_WRAPPED_LINES} + 1.
     */
    static int lines(String text, double width) {
        return lines(text, width, false);
    }

    /** {@link #lines(String, double)} for bold text, such as a heading. */
    static int lines(String text, double width, boolean bold) {
        double factor = bold ? BOLD : 1;
        // A cell keeps a little padding on each side.
        double room = Math.max(1, width - 0.5);
        int lines = 1;
        double line = 0;
        // The width of the word the line ends with, which moves down whole when the next letter does not fit.
        double word = 0;
        for (int i = 0; i < text.length() && lines <= MAX_WRAPPED_LINES; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                lines++;
                line = 0;
                word = 0;
                continue;
            }
            double w = charWidth(c) * factor;
            if (line + w > room) {
                lines++;
                if (c == ' ') {
                    // A space at the edge is where the line breaks: it takes no room.
                    line = 0;
                    word = 0;
                } else if (word < line && word + w <= room) {
                    line = word + w;
                    word = line;
                } else {
                    // A word wider than the column is broken where it reaches the edge.
                    line = w;
                    word = w;
                }
                continue;
            }
            line += w;
            // A line may break after a space, a hyphen or a dash.
            boolean breakAfter = c == ' ' || c == '-' || c == '\u2013' || c == '\u2014';
            word = breakAfter ? 0 : word + w;
        }
        return lines;
    }

    /**
     * Widths of the printable ASCII characters (from the space) and of the Russian letters (U+0410 to
     * U+044F) in digits of Calibri (regular), in twentieths over a half: a
     * character {@code ch} stands for {@code (ch - '0' + 10) / 20}. Measured on Carlito, Calibri's metric
     * twin, and rounded up.
     */
    private static final String ASCII_WIDTHS =
            "/36::CA/22::0306::::::::::11:::9J=<<?:9??03;7H@A;A<9:@=J;:9363::29;7;:39;0080F;;;;464;8C886393:";
    private static final String RUSSIAN_WIDTHS = "=<<7@:F9@@<?H?A?;<:;B;@<IJ?E;<I<9<94=:B7<<9;A<;;;768?8<9CD<A98C9";
    /** Bold letters are up to this much wider. */
    private static final double BOLD = 1.05;

    /** A character's width in digits of Calibri 11; an unknown letter is taken wide. */
    private static double charWidth(int c) {
        if (c >= 32 && c < 32 + ASCII_WIDTHS.length()) {
            return (ASCII_WIDTHS.charAt(c - 32) - '0' + 10) / 20.0;
        }
        if (c >= 0x410 && c < 0x410 + RUSSIAN_WIDTHS.length()) {
            return (RUSSIAN_WIDTHS.charAt(c - 0x410) - '0' + 10) / 20.0;
        }
        return c < 0x2E80 ? 1.4 : 2.1;
    }

    /**
     * A row's height: a streamed row of no height of its own has the sheet's default, which POI looks
     * up in the sheet's XML each time it is asked (a fifth of a wrapped cell's time); read once here.
     */
    private float heightInPoints(Row row) {
        if (row instanceof SXSSFRow streamed && !streamed.hasCustomHeight()) {
            Sheet sheet = row.getSheet();
            if (sheet != defaultHeightSheet) {
                defaultHeightSheet = sheet;
                defaultHeight = sheet.getDefaultRowHeightInPoints();
            }
            return defaultHeight;
        }
        return row.getHeightInPoints();
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
