package com.incidenttally.report.excel;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Summary's own look, read in ten seconds: one font family (the workbook's), plain labels,
 * headers of normal height with a rule under them, and changes in colour. More incidents is bad
 * news: a rise is red, a fall green, no change grey. The colours are conditional formats on the
 * change cells, so the workbook keeps its small fixed set of cell styles.
 */
final class SummaryLook {

    static final byte[] RED = {(byte) 0xC0, 0x00, 0x00};
    static final byte[] GREEN = {0x1E, (byte) 0x7B, 0x34};
    static final byte[] GREY = {(byte) 0x80, (byte) 0x80, (byte) 0x80};
    static final byte[] AMBER = {(byte) 0x9C, 0x57, 0x00};

    /** The workbook's default font family, which the charts use too. */
    final String family;
    final CellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle headline;
    final XSSFCellStyle provisional;
    final CellStyle caption;
    final XSSFCellStyle header;
    final XSSFCellStyle headerNumber;
    /** Plain text, top-aligned like the numbers beside it. */
    final CellStyle label;
    final CellStyle integer;
    final CellStyle percent;
    final CellStyle totalLabel;
    final CellStyle totalInteger;
    final CellStyle change;
    final CellStyle percentChange;
    final CellStyle totalChange;
    final CellStyle totalPercentChange;
    final XSSFCellStyle note;
    /** The fonts of a rise, a fall and no change, at the headline's size. */
    final XSSFFont[] headlineChange = new XSSFFont[3];
    private final List<CellRangeAddress> changes = new ArrayList<>();

    SummaryLook(XSSFWorkbook workbook, WorkbookStyles styles) {
        family = workbook.getFontAt(0).getFontName();
        title = styles.title;
        subtitle = style(workbook, font(workbook, 11, false, GREY));
        headline = style(workbook, font(workbook, 13, false, null));
        headline.setWrapText(true);
        headline.setVerticalAlignment(VerticalAlignment.TOP);
        provisional = style(workbook, font(workbook, 11, true, AMBER));
        caption = styles.label;
        XSSFFont bold = font(workbook, 11, true, null);
        header = style(workbook, bold);
        header.setBorderBottom(BorderStyle.THIN);
        headerNumber = style(workbook, bold);
        headerNumber.setBorderBottom(BorderStyle.THIN);
        headerNumber.setAlignment(HorizontalAlignment.RIGHT);
        label = styles.text;
        integer = styles.integer;
        percent = styles.percent;
        totalLabel = styles.totalLabel;
        totalInteger = styles.totalInteger;
        change = styles.signedInteger;
        percentChange = styles.signedPercent;
        totalChange = styles.totalSigned;
        totalPercentChange = styles.totalPercent;
        XSSFFont small = font(workbook, 9, false, GREY);
        small.setItalic(true);
        note = style(workbook, small);
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        byte[][] colours = {RED, GREEN, GREY};
        for (int i = 0; i < 3; i++) {
            headlineChange[i] = font(workbook, 13, false, colours[i]);
        }
    }

    /** 0 for a rise (bad news), 1 for a fall, 2 for no change. */
    static int direction(long change) {
        return change > 0 ? 0 : change < 0 ? 1 : 2;
    }

    /** Marks the change cells of one row, to be coloured by {@link #colourChanges}. */
    void change(int row, int firstColumn, int lastColumn) {
        changes.add(new CellRangeAddress(row, row, firstColumn, lastColumn));
    }

    /** A rise in red, a fall in green, no change in grey, on every change cell marked. */
    void colourChanges(XSSFSheet sheet) {
        if (changes.isEmpty()) {
            return;
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rise = rule(formatting, ComparisonOperator.GT, RED);
        ConditionalFormattingRule fall = rule(formatting, ComparisonOperator.LT, GREEN);
        ConditionalFormattingRule none = rule(formatting, ComparisonOperator.EQUAL, GREY);
        formatting.addConditionalFormatting(changes.toArray(CellRangeAddress[]::new),
                new ConditionalFormattingRule[] {rise, fall, none});
    }

    private static ConditionalFormattingRule rule(SheetConditionalFormatting formatting, byte operator, byte[] rgb) {
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(operator, "0");
        rule.createFontFormatting().setFontColor(new XSSFColor(rgb));
        return rule;
    }

    private static XSSFFont font(XSSFWorkbook workbook, int points, boolean bold, byte[] rgb) {
        XSSFFont font = workbook.createFont();
        font.setFontName(workbook.getFontAt(0).getFontName());
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        if (rgb != null) {
            font.setColor(new XSSFColor(rgb));
        }
        return font;
    }

    private static XSSFCellStyle style(XSSFWorkbook workbook, XSSFFont font) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
