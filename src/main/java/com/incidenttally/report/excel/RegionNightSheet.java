package com.incidenttally.report.excel;

import java.util.ArrayList;
import java.util.List;

import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.RegionNightMatrix;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;

/** {@code Region x night}: incidents per region (rows) and night (columns), totals on both axes, a colour scale. */
final class RegionNightSheet {

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final Cells cells;
    private final String printTitle;

    RegionNightSheet(SXSSFWorkbook workbook, WorkbookStyles styles, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.cells = new Cells(styles);
        this.printTitle = printTitle;
    }

    void write(RegionNightMatrix matrix) {
        List<String> regions = matrix == null ? List.of() : matrix.regions();
        List<java.time.LocalDate> nights = matrix == null ? List.of() : matrix.nights();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Region", 28));
        for (java.time.LocalDate night : nights) {
            columns.add(new Column(NightLabels.nightLabel(night), 5));
        }
        columns.add(new Column("Total", 8));
        // One region per row: the matrix never outgrows a sheet (about 90 regions).
        TableSheet table = new TableSheet(workbook, styles, "Region x night", columns, Integer.MAX_VALUE, 1, printTitle);
        Sheet sheet = table.sheet();
        Row header = sheet.getRow(0);
        // Tall enough for a night across a month boundary: 2025-10-31/2025-11-01.
        header.setHeightInPoints(122);
        // Seventy nights on one page wide would print unreadably small: print about a month per
        // page instead, with the region names repeated on each.
        int pagesWide = Math.max(1, (nights.size() + 30) / 31);
        sheet.getPrintSetup().setFitWidth((short) pagesWide);
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
        for (int n = 0; n < nights.size(); n++) {
            header.getCell(1 + n).setCellStyle(styles.verticalHeader);
        }

        long[] nightTotals = new long[nights.size()];
        long grandTotal = 0;
        for (int r = 0; r < regions.size(); r++) {
            Row row = table.dataRow();
            cells.text(row, 0, regions.get(r));
            long regionTotal = 0;
            for (int n = 0; n < nights.size(); n++) {
                long count = matrix.count(r, n);
                Cell cell = row.createCell(1 + n);
                cell.setCellValue(count);
                cell.setCellStyle(styles.matrixCount);
                regionTotal += count;
                nightTotals[n] += count;
            }
            cells.styled(row, 1 + nights.size(), null, styles.rowTotal).setCellValue(regionTotal);
            grandTotal += regionTotal;
        }
        Row total = table.trailingRow();
        cells.styled(total, 0, "Total", styles.totalLabel);
        for (int n = 0; n < nights.size(); n++) {
            cells.styled(total, 1 + n, null, styles.totalInteger).setCellValue(nightTotals[n]);
        }
        cells.styled(total, 1 + nights.size(), null, styles.totalInteger).setCellValue(grandTotal);
        table.finish();

        if (!regions.isEmpty() && !nights.isEmpty()) {
            colourScale(sheet, new CellRangeAddress(1, regions.size(), 1, nights.size()));
        }
    }

    private static void colourScale(Sheet sheet, CellRangeAddress counts) {
        XSSFSheetConditionalFormatting formatting = (XSSFSheetConditionalFormatting) sheet.getSheetConditionalFormatting();
        XSSFConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting scale = rule.getColorScaleFormatting();
        scale.getThresholds()[0].setRangeType(RangeType.MIN);
        scale.getThresholds()[1].setRangeType(RangeType.PERCENTILE);
        scale.getThresholds()[1].setValue(50d);
        scale.getThresholds()[2].setRangeType(RangeType.MAX);
        scale.setColors(new XSSFColor[] {rgb(0xFF, 0xFF, 0xFF), rgb(0xFF, 0xD6, 0x6B), rgb(0xE0, 0x4B, 0x3A)});
        formatting.addConditionalFormatting(new CellRangeAddress[] {counts}, rule);
    }

    private static XSSFColor rgb(int red, int green, int blue) {
        return new XSSFColor(new byte[] {(byte) red, (byte) green, (byte) blue}, null);
    }
}
