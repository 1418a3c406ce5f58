package com.incidenttally.report.excel;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A sheet holding one table: a frozen, filtered, printable header row and fixed widths. When the
 * rows outgrow a sheet the table goes on in {@code Name (2)}, {@code Name (3)}, … each with its
 * own header, so no row is ever lost to Excel's row limit.
 */
final class TableSheet {

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final String name;
    private final List<Column> columns;
    private final int maxRows;
    private final int frozenColumns;
    private final String printTitle;

    private Sheet sheet;
    private int part;
    private int nextRow;
    private int lastDataRow;

    TableSheet(SXSSFWorkbook workbook, WorkbookStyles styles, String name, List<Column> columns, int maxRows,
               int frozenColumns, String printTitle) {
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
        startSheet();
    }

    /** The first sheet of this table, for cells that go beside it (notes, formats). */
    Sheet sheet() {
        return sheet;
    }

    /** The next data row, on a continuation sheet when this one is full. */
    Row dataRow() {
        if (nextRow >= maxRows) {
            finishSheet();
            startSheet();
        }
        lastDataRow = nextRow;
        return sheet.createRow(nextRow++);
    }

    /** A row after the data that the filter leaves out, such as a total. */
    Row trailingRow() {
        if (nextRow >= maxRows) {
            finishSheet();
            startSheet();
        }
        return sheet.createRow(nextRow++);
    }

    int columnCount() {
        return columns.size();
    }

    void finish() {
        finishSheet();
    }

    private void startSheet() {
        part++;
        String sheetName = part == 1 ? name : name + " (" + part + ")";
        sheet = workbook.createSheet(sheetName);
        Row header = sheet.createRow(0);
        // Nothing re-measures rows when the file is opened, so give wrapped headings their lines.
        int lines = 1;
        for (Column column : columns) {
            lines = Math.max(lines, (column.title().length() + column.width() - 3) / Math.max(1, column.width() - 2));
        }
        header.setHeightInPoints(Math.min(4, lines) * 15f);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            sheet.setColumnWidth(i, column.width() * 256);
            Cell cell = header.createCell(i);
            cell.setCellValue(column.title());
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(frozenColumns, 1);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        Printing.landscapeOnePageWide(sheet, printTitle + " — " + sheetName);
        nextRow = 1;
        lastDataRow = 0;
    }

    private void finishSheet() {
        sheet.setAutoFilter(new CellRangeAddress(0, lastDataRow, 0, columns.size() - 1));
    }

    /** How every sheet prints: landscape, one page wide, with its name and page numbers. */
    static final class Printing {

        private Printing() {
        }

        static void landscapeOnePageWide(Sheet sheet, String title) {
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            sheet.setMargin(PageMargin.LEFT, 0.4);
            sheet.setMargin(PageMargin.RIGHT, 0.4);
            sheet.setMargin(PageMargin.TOP, 0.6);
            sheet.setMargin(PageMargin.BOTTOM, 0.6);
            sheet.getHeader().setCenter(title.replace("&", "&&"));
            sheet.getFooter().setCenter("Page &P of &N");
        }
    }
}
