package com.incidenttally.report.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Summary's own look, read in ten seconds: one font family (the workbook's), plain labels,
 * headers of normal height with a rule under them, and changes in colour. More incidents is bad
 * news: a rise is red, a fall green, no change grey.
 */
final class SummaryLook {

    static final byte[] RED = {(byte) 0xC0, 0x00, 0x00};
    static final byte[] GREEN = {0x1E, (byte) 0x7B, 0x34};
    static final byte[] GREY = {(byte) 0x80, (byte) 0x80, (byte) 0x80};
    static final byte[] AMBER = {(byte) 0x9C, 0x57, 0x00};

    /** The workbook's default font family, which the charts use too. */
    final String family;
    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle headline;
    final XSSFCellStyle provisional;
    final XSSFCellStyle caption;
    final XSSFCellStyle header;
    final XSSFCellStyle headerNumber;
    final XSSFCellStyle label;
    final XSSFCellStyle integer;
    final XSSFCellStyle percent;
    final XSSFCellStyle totalLabel;
    final XSSFCellStyle totalInteger;
    final XSSFCellStyle note;
    /** Signed change by direction: up, down, none; then the same for totals and for percentages. */
    final XSSFCellStyle[] change = new XSSFCellStyle[3];
    final XSSFCellStyle[] totalChange = new XSSFCellStyle[3];
    final XSSFCellStyle[] percentChange = new XSSFCellStyle[3];
    final XSSFCellStyle[] totalPercentChange = new XSSFCellStyle[3];
    final XSSFFont[] changeFont = new XSSFFont[3];

    SummaryLook(XSSFWorkbook workbook) {
        family = workbook.getFontAt(0).getFontName();
        DataFormat format = workbook.createDataFormat();
        title = style(workbook, font(workbook, 16, true, null));
        subtitle = style(workbook, font(workbook, 11, false, GREY));
        XSSFFont big = font(workbook, 13, false, null);
        headline = style(workbook, big);
        headline.setWrapText(true);
        headline.setVerticalAlignment(VerticalAlignment.TOP);
        provisional = style(workbook, font(workbook, 11, true, AMBER));
        XSSFFont bold = font(workbook, 11, true, null);
        caption = style(workbook, bold);
        header = style(workbook, bold);
        header.setBorderBottom(BorderStyle.THIN);
        headerNumber = style(workbook, bold);
        headerNumber.setBorderBottom(BorderStyle.THIN);
        headerNumber.setAlignment(HorizontalAlignment.RIGHT);
        XSSFFont plain = font(workbook, 11, false, null);
        label = style(workbook, plain);
        integer = style(workbook, plain);
        integer.setDataFormat(format.getFormat("#,##0"));
        percent = style(workbook, plain);
        percent.setDataFormat(format.getFormat("0.0%"));
        totalLabel = style(workbook, bold);
        totalLabel.setBorderTop(BorderStyle.THIN);
        totalInteger = style(workbook, bold);
        totalInteger.setBorderTop(BorderStyle.THIN);
        totalInteger.setDataFormat(format.getFormat("#,##0"));
        XSSFFont small = font(workbook, 9, false, GREY);
        small.setItalic(true);
        note = style(workbook, small);
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        byte[][] colours = {RED, GREEN, GREY};
        for (int i = 0; i < 3; i++) {
            changeFont[i] = font(workbook, 11, false, colours[i]);
            XSSFFont totalFont = font(workbook, 11, true, colours[i]);
            change[i] = style(workbook, changeFont[i]);
            change[i].setDataFormat(format.getFormat("+#,##0;-#,##0;0"));
            percentChange[i] = style(workbook, changeFont[i]);
            percentChange[i].setDataFormat(format.getFormat("+0.0%;-0.0%;0.0%"));
            totalChange[i] = style(workbook, totalFont);
            totalChange[i].setDataFormat(format.getFormat("+#,##0;-#,##0;0"));
            totalChange[i].setBorderTop(BorderStyle.THIN);
            totalPercentChange[i] = style(workbook, totalFont);
            totalPercentChange[i].setDataFormat(format.getFormat("+0.0%;-0.0%;0.0%"));
            totalPercentChange[i].setBorderTop(BorderStyle.THIN);
        }
    }

    /** 0 for a rise (bad news), 1 for a fall, 2 for no change. */
    static int direction(long change) {
        return change > 0 ? 0 : change < 0 ? 1 : 2;
    }

    private XSSFFont font(XSSFWorkbook workbook, int points, boolean bold, byte[] rgb) {
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
