package com.incidenttally.report.excel;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * A sheet holding one table: a frozen, filtered, printable header row and fixed widths. When the
 * rows outgrow a sheet the table goes on in {@code Name (2)}, {@code Name (3)}, … each with its
 * own header, so no row is ever lost to Excel's row limit.
 */
final class TableSheet {

    /**
     * The widest printed table, in characters of column width, that still prints at 8 pt or more
     * when fitted one page wide on landscape A4 with our margins: in Excel, the wider of the two
     * spreadsheets, 190 characters in 15 columns are {@code (7 × 190 + 5 × 15) × 0.75} = 1,054 pt at
     * 100%, which a 784 pt page holds at 74%, 8.2 pt ({@link PageFit}). LibreOffice with Carlito
     * (Calibri's metric twin) prints them at about 9.6 pt. Fitting only ever shrinks: narrower tables
     * print at 100%.
     */
    static final int LEGIBLE_WIDTH_CHARS = 190;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final String name;
    private final List<Column> columns;
    private final int maxRows;
    private final int frozenColumns;
    private final String printTitle;
    /** Columns printed, from the first: the rest are for the screen. */
    private final int printedColumns;

    private boolean banded = true;
    /** Columns printed on every page, from the first (Region x night's regions). */
    private int repeatedColumns;
    /** The last row of the first sheet's print area; -1 while the whole table prints. */
    private int lastPrintedRow = -1;
    private Sheet sheet;
    private int part;
    private int nextRow;
    private int lastDataRow;
    /** The printed rows' heights so far, in points, the last row's once it is done (wrapped cells grow it). */
    private double printedHeight;
    private Row openRow;
    private float headerHeight;

    TableSheet(SXSSFWorkbook workbook, WorkbookStyles styles, String name, List<Column> columns, int maxRows,
               int frozenColumns, String printTitle) {
        this(workbook, styles, name, columns, maxRows, frozenColumns, printTitle, columns.size());
    }

    TableSheet(SXSSFWorkbook workbook, WorkbookStyles styles, String name, List<Column> columns, int maxRows,
               int frozenColumns, String printTitle, int printedColumns) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for its header and one row, not " + maxRows);
        }
        this.workbook = workbook;
        this.styles = styles;
        this.name = name;
        this.columns = columns;
        this.maxRows = maxRows;
        this.frozenColumns = frozenColumns;
        this.printTitle = printTitle;
        this.printedColumns = printedColumns;
        startSheet();
    }

    /** The first sheet of this table, for cells that go beside it (notes, formats). */
    Sheet sheet() {
        return sheet;
    }

    /** The sheet rows go on now: the first, or the continuation the last row went to. */
    Sheet currentSheet() {
        return sheet;
    }

    /** The next data row, on a continuation sheet when this one is full. */
    Row dataRow() {
        if (nextRow >= maxRows) {
            finishSheet();
            startSheet();
        }
        lastDataRow = nextRow;
        return open(sheet.createRow(nextRow++));
    }

    /** A row after the data that the filter leaves out, such as a total. */
    Row trailingRow() {
        if (nextRow >= maxRows) {
            finishSheet();
            startSheet();
        }
        return open(sheet.createRow(nextRow++));
    }

    /** The row being written; the one before it is measured now, its cells all written. */
    private Row open(Row row) {
        measure();
        openRow = row;
        return row;
    }

    private void measure() {
        if (openRow != null && (lastPrintedRow < 0 || part > 1 || openRow.getRowNum() <= lastPrintedRow)) {
            printedHeight += openRow.getHeightInPoints();
            if (openRow.getRowNum() == 0) {
                headerHeight = openRow.getHeightInPoints();
            }
        }
        openRow = null;
    }

    /** Column 0 to {@code count - 1} printed on every page, as the row headings of a matrix. */
    void repeatColumns(int count) {
        repeatedColumns = count;
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, count - 1));
    }

    /** The first sheet prints up to this row; the rows after it are for the screen. */
    void printUpTo(int lastRow) {
        lastPrintedRow = lastRow;
    }

    /**
     * A note under the table, saying what a figure in it means: across the printed columns, wrapped on
     * a row tall enough for it, so that a long note neither runs past the page nor widens the print.
     */
    void note(Cells cells, String text) {
        Row row = trailingRow();
        cells.styled(row, 0, text, styles.wrappedNote);
        int width = 0;
        for (int i = 0; i < printedColumns; i++) {
            width += columns.get(i).width();
        }
        if (printedColumns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, printedColumns - 1));
        }
        int lines = Math.min(Cells.lines(text, width), Cells.MAX_WRAPPED_LINES);
        row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * Cells.LINE_HEIGHT));
    }

    /** The index the next row will have on the current sheet. */
    int nextRowIndex() {
        return nextRow;
    }

    /** No shading of every other row: the sheet colours its cells by value instead. */
    void noBanding() {
        banded = false;
    }

    int columnCount() {
        return columns.size();
    }

    void finish() {
        finishSheet();
    }

    /** The names of the table's sheets, the first and its continuations, in order. */
    List<String> sheetNames() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i <= part; i++) {
            names.add(i == 1 ? name : name + " (" + i + ")");
        }
        return names;
    }

    private void startSheet() {
        part++;
        String sheetName = part == 1 ? name : name + " (" + part + ")";
        sheet = workbook.createSheet(sheetName);
        Row header = sheet.createRow(0);
        // Nothing re-measures rows when the file is opened, so give wrapped headings their lines.
        int lines = 1;
        int width = 0;
        for (Column column : columns) {
            lines = Math.max(lines, Cells.lines(column.title(), column.width(), true));
        }
        header.setHeightInPoints(Math.min(4, lines) * 15f);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            sheet.setColumnWidth(i, column.width() * 256);
            Cell cell = header.createCell(i);
            cell.setCellValue(column.title());
            cell.setCellStyle(column.numeric() ? styles.headerNumber : styles.header);
            if (i < printedColumns) {
                width += column.width();
            }
        }
        sheet.createFreezePane(frozenColumns, 1);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        Printing.landscape(sheet, printTitle + " — " + sheetName);
        Printing.fitWidth(sheet, Math.max(1, (width + LEGIBLE_WIDTH_CHARS - 1) / LEGIBLE_WIDTH_CHARS));
        nextRow = 1;
        lastDataRow = 0;
        printedHeight = 0;
        openRow = header;
    }

    private void finishSheet() {
        measure();
        sheet.setAutoFilter(new CellRangeAddress(0, lastDataRow, 0, columns.size() - 1));
        if (banded && lastDataRow > 1) {
            band(sheet, new CellRangeAddress(1, lastDataRow, 0, columns.size() - 1));
        }
        int lastRow = part == 1 && lastPrintedRow >= 0 ? Math.min(lastPrintedRow, nextRow - 1) : nextRow - 1;
        if (printedColumns < columns.size() || lastRow < nextRow - 1) {
            workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, printedColumns - 1, 0, Math.max(1, lastRow));
        }
        int[] widths = new int[printedColumns];
        for (int i = 0; i < printedColumns; i++) {
            widths[i] = columns.get(i).width();
        }
        Printing.fit(sheet, PageFit.of(PageFit.width(widths),
                PageFit.width(java.util.Arrays.copyOf(widths, repeatedColumns)), printedHeight, headerHeight));
    }

    /** Every other row shaded, so a long row reads across without a ruler. */
    static void band(Sheet sheet, CellRangeAddress rows) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule("MOD(ROW(),2)=0");
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(new XSSFColor(new byte[] {(byte) 0xF0, (byte) 0xF3, (byte) 0xF7}, null));
        fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        formatting.addConditionalFormatting(new CellRangeAddress[] {rows}, rule);
    }

    /** How sheets print: landscape A4, the sheet's name on top and page numbers below. */
    static final class Printing {

        private Printing() {
        }

        static void landscape(Sheet sheet, String title) {
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setAutobreaks(true);
            sheet.setMargin(PageMargin.LEFT, 0.4);
            sheet.setMargin(PageMargin.RIGHT, 0.4);
            sheet.setMargin(PageMargin.TOP, 0.6);
            sheet.setMargin(PageMargin.BOTTOM, 0.6);
            sheet.setMargin(PageMargin.HEADER, 0.25);
            sheet.setMargin(PageMargin.FOOTER, 0.25);
            sheet.getHeader().setCenter(title.replace("&", "&&"));
            sheet.getFooter().setCenter("&P / &N");
        }

        /** {@code pagesWide} pages wide and as long as it takes. */
        static void fitWidth(Sheet sheet, int pagesWide) {
            PrintSetup print = sheet.getPrintSetup();
            sheet.setFitToPage(true);
            print.setFitWidth((short) pagesWide);
            print.setFitHeight((short) 0);
        }

        /** Orientation, pages wide and pages tall as planned for the table's size. */
        static void fit(Sheet sheet, PageFit plan) {
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(plan.landscape());
            sheet.setFitToPage(true);
            print.setFitWidth((short) plan.pagesWide());
            print.setFitHeight((short) plan.pagesTall());
        }

        /** One page, wide and tall (Summary). */
        static void onePage(Sheet sheet) {
            PrintSetup print = sheet.getPrintSetup();
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 1);
        }
    }
}
