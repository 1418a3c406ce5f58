package com.incidenttally.report.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The fixed set of cell styles the workbook uses. Created once per workbook: a style per cell
 * would hit Excel's 64,000-style limit and bloat the file.
 */
final class WorkbookStyles {

    /** A whole number with a thousands separator and a bracket's width of room on its right. */
    static final String PADDED_INTEGER = "#,##0_)";

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    /** The heading of a column of numbers: right-aligned, so it stands over its numbers. */
    final CellStyle headerNumber;
    final CellStyle label;
    final CellStyle text;
    /** Text that looks like a formula: shown with a quote prefix so editing the cell keeps it text. */
    final CellStyle quotedText;
    /** Free text that should be read whole (reasons, raw lines): wrapped, top-aligned. */
    final CellStyle wrappedText;
    final CellStyle quotedWrappedText;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle date;
    final CellStyle dateTime;
    /** When the report was made, to the second. */
    final CellStyle dateTimeSeconds;
    final CellStyle totalDecimal;
    final CellStyle totalLabel;
    final CellStyle totalInteger;
    final CellStyle signedInteger;
    final CellStyle totalSigned;
    /** A row's own total, beside its figures: bold, without the rule a total row has. */
    final CellStyle rowTotal;
    final CellStyle note;
    /** A note that wraps within the cells it is given, top-aligned: printed whole, never past the page. */
    final CellStyle wrappedNote;
    /** A change as a share of the previous figure: {@code +12.5%}. */
    final CellStyle signedPercent;
    /** A share of a total: {@code 42.0%}. */
    final CellStyle percent;
    final CellStyle totalPercent;
    /** A group's heading row inside a table (Data quality): bold, shaded, over its rows. */
    final CellStyle groupLabel;
    final CellStyle groupInteger;
    final CellStyle groupWrapped;
    /** Night headings of the matrix: level, centred over the counts, on two lines. */
    final CellStyle centredHeader;
    /** A bold label that wraps in its column rather than running into the next (Run info). */
    final CellStyle wrappedLabel;
    /** Matrix counts: zeros left blank so the nights with incidents stand out. */
    final CellStyle matrixCount;

    WorkbookStyles(Workbook workbook) {
        DataFormat format = workbook.createDataFormat();

        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        title = workbook.createCellStyle();
        title.setFont(titleFont);

        Font boldFont = workbook.createFont();
        boldFont.setBold(true);

        Font subtitleFont = workbook.createFont();
        subtitleFont.setBold(true);
        subtitleFont.setFontHeightInPoints((short) 12);
        subtitle = workbook.createCellStyle();
        subtitle.setFont(subtitleFont);

        header = workbook.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setBorderTop(BorderStyle.THIN);
        header.setBorderLeft(BorderStyle.HAIR);
        header.setBorderRight(BorderStyle.HAIR);

        headerNumber = workbook.createCellStyle();
        headerNumber.cloneStyleFrom(header);
        headerNumber.setAlignment(HorizontalAlignment.RIGHT);

        label = workbook.createCellStyle();
        label.setFont(boldFont);

        text = workbook.createCellStyle();
        text.setDataFormat(format.getFormat("@"));

        quotedText = workbook.createCellStyle();
        quotedText.setDataFormat(format.getFormat("@"));
        quotedText.setQuotePrefixed(true);

        wrappedText = workbook.createCellStyle();
        wrappedText.setDataFormat(format.getFormat("@"));
        wrappedText.setWrapText(true);
        wrappedText.setVerticalAlignment(VerticalAlignment.TOP);

        quotedWrappedText = workbook.createCellStyle();
        quotedWrappedText.cloneStyleFrom(wrappedText);
        quotedWrappedText.setQuotePrefixed(true);

        // "_)" keeps the width of a bracket free right of every count, so a number never touches
        // the text of the column after it on paper (an Injured 0 beside "none reported").
        integer = workbook.createCellStyle();
        integer.setDataFormat(format.getFormat(PADDED_INTEGER));

        signedInteger = workbook.createCellStyle();
        signedInteger.setDataFormat(format.getFormat("+#,##0;-#,##0;0"));

        decimal = workbook.createCellStyle();
        decimal.setDataFormat(format.getFormat("0.00"));

        date = workbook.createCellStyle();
        date.setDataFormat(format.getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.LEFT);

        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        dateTime.setAlignment(HorizontalAlignment.LEFT);

        dateTimeSeconds = workbook.createCellStyle();
        dateTimeSeconds.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
        dateTimeSeconds.setAlignment(HorizontalAlignment.LEFT);

        totalLabel = workbook.createCellStyle();
        totalLabel.setFont(boldFont);
        totalLabel.setBorderTop(BorderStyle.THIN);

        totalInteger = workbook.createCellStyle();
        totalInteger.setFont(boldFont);
        totalInteger.setBorderTop(BorderStyle.THIN);
        totalInteger.setDataFormat(format.getFormat(PADDED_INTEGER));

        totalDecimal = workbook.createCellStyle();
        totalDecimal.cloneStyleFrom(totalInteger);
        totalDecimal.setDataFormat(format.getFormat("0.00"));

        totalSigned = workbook.createCellStyle();
        totalSigned.cloneStyleFrom(totalInteger);
        totalSigned.setDataFormat(format.getFormat("+#,##0;-#,##0;0"));

        rowTotal = workbook.createCellStyle();
        rowTotal.setFont(boldFont);
        rowTotal.setDataFormat(format.getFormat("#,##0"));

        centredHeader = workbook.createCellStyle();
        centredHeader.cloneStyleFrom(header);
        centredHeader.setAlignment(HorizontalAlignment.CENTER);

        wrappedLabel = workbook.createCellStyle();
        wrappedLabel.cloneStyleFrom(label);
        wrappedLabel.setWrapText(true);
        wrappedLabel.setVerticalAlignment(VerticalAlignment.TOP);

        matrixCount = workbook.createCellStyle();
        matrixCount.setDataFormat(format.getFormat("#,##0;-#,##0;"));
        matrixCount.setAlignment(HorizontalAlignment.CENTER);

        // Top-aligned everywhere, so a row made tall by wrapped text still reads across.
        for (CellStyle style : new CellStyle[] {text, quotedText, integer, signedInteger, decimal, date, dateTime}) {
            style.setVerticalAlignment(VerticalAlignment.TOP);
        }

        Font noteFont = workbook.createFont();
        noteFont.setItalic(true);
        note = workbook.createCellStyle();
        note.setFont(noteFont);
        wrappedNote = workbook.createCellStyle();
        wrappedNote.setFont(noteFont);
        wrappedNote.setWrapText(true);
        wrappedNote.setVerticalAlignment(VerticalAlignment.TOP);

        signedPercent = workbook.createCellStyle();
        signedPercent.setDataFormat(format.getFormat("+0.0%;-0.0%;0.0%"));
        signedPercent.setVerticalAlignment(VerticalAlignment.TOP);

        percent = workbook.createCellStyle();
        percent.setDataFormat(format.getFormat("0.0%"));
        percent.setVerticalAlignment(VerticalAlignment.TOP);

        totalPercent = workbook.createCellStyle();
        totalPercent.cloneStyleFrom(totalInteger);
        totalPercent.setDataFormat(format.getFormat("+0.0%;-0.0%;0.0%"));

        groupLabel = workbook.createCellStyle();
        groupLabel.setFont(boldFont);
        groupLabel.setFillForegroundColor(IndexedColors.LEMON_CHIFFON.getIndex());
        groupLabel.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        groupLabel.setBorderTop(BorderStyle.THIN);
        groupLabel.setVerticalAlignment(VerticalAlignment.TOP);

        groupWrapped = workbook.createCellStyle();
        groupWrapped.cloneStyleFrom(groupLabel);
        groupWrapped.setWrapText(true);

        groupInteger = workbook.createCellStyle();
        groupInteger.cloneStyleFrom(groupLabel);
        groupInteger.setWrapText(false);
        groupInteger.setDataFormat(format.getFormat(PADDED_INTEGER));
    }
}
