package com.incidenttally.ingest;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a workbook's cells into the text a person would have typed in a CSV file: a date cell
 * into a date and time the date parser reads ({@code 2025-12-08 03:30}, {@code 2025-12-08} for a
 * whole day, {@code 03:30} for a time alone), a number into its digits ({@code 3}, not {@code 3.0}
 * or {@code 3E0}), a formula into its saved result.
 */
final class XlsxCells {

    /** What a cell's number format shows. */
    enum Shows { NUMBER, DATE, TIME, DATE_TIME }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** The digits Excel itself shows of a number; past them lie binary fractions, not data. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<String, Shows> byStyle = new HashMap<>();
    private String[] sharedText = new String[16];

    XlsxCells(SharedStrings strings, StylesTable styles, boolean date1904) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /**
     * The text of a cell.
     *
     * @param type  its {@code t} attribute (null for a number)
     * @param style its {@code s} attribute (the index of its cell format), or null
     * @param value the text of its {@code <v>}, or of its inline string
     */
    String text(String type, String style, String value) {
        if (value == null) {
            return null;
        }
        if (type == null || type.equals("n")) {
            return number(value, showsByStyle(style));
        }
        return switch (type) {
            case "s" -> sharedString(value);
            case "b" -> value.strip().equals("1") || value.strip().equalsIgnoreCase("true") ? "TRUE" : "FALSE";
            // inlineStr, str (a formula's text result), e (an error such as #N/A), d (an ISO date)
            default -> value;
        };
    }

    private String sharedString(String index) {
        try {
            int i = Integer.parseInt(index.strip());
            // The table makes a rich-text object (an XML tree) at every call: each text is taken once.
            if (i >= sharedText.length) {
                sharedText = Arrays.copyOf(sharedText, Math.max(i + 1, sharedText.length * 2));
            }
            String text = sharedText[i];
            if (text == null) {
                text = strings.getItemAt(i).getString();
                sharedText[i] = text;
            }
            return text;
        } catch (RuntimeException e) {
            throw new IllegalStateException("a cell refers to shared string " + index + ", which the workbook does not have", e);
        }
    }

    private String number(String value, Shows shows) {
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        if (shows != Shows.NUMBER && DateUtil.isValidExcelDate(number)) {
            return dateTime(number, shows);
        }
        try {
            return new BigDecimal(value.strip()).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private String dateTime(double number, Shows shows) {
        LocalDateTime at = DateUtil.getLocalDateTime(number, date1904, true);
        LocalTime time = at.toLocalTime();
        String clock = (time.getSecond() == 0 ? MINUTES : SECONDS).format(time);
        if (shows == Shows.TIME && number < 1) {
            return clock;
        }
        // A time the format does not show is still data; a whole day is a date alone.
        if (shows == Shows.DATE && time.equals(LocalTime.MIDNIGHT)) {
            return DATE.format(at);
        }
        return DATE.format(at) + " " + clock;
    }

    private Shows showsByStyle(String style) {
        if (style == null || styles == null) {
            return Shows.NUMBER;
        }
        return byStyle.computeIfAbsent(style, this::showsOf);
    }

    private Shows showsOf(String style) {
        XSSFCellStyle cellStyle;
        try {
            cellStyle = styles.getStyleAt(Integer.parseInt(style.strip()));
        } catch (RuntimeException e) {
            return Shows.NUMBER;
        }
        if (cellStyle == null) {
            return Shows.NUMBER;
        }
        int index = cellStyle.getDataFormat();
        String format = cellStyle.getDataFormatString();
        if (format == null || !DateUtil.isADateFormat(index, format)) {
            return Shows.NUMBER;
        }
        return showsByFormat(format);
    }

    /** Whether a date format shows a date, a time or both: its letters outside quotes and brackets. */
    static Shows showsByFormat(String format) {
        String letters = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "")
                .replaceAll("\\[(?![hms]+\\])[^\\]]*\\]", "").toLowerCase(java.util.Locale.ROOT);
        boolean date = letters.indexOf('d') >= 0 || letters.indexOf('y') >= 0 || letters.contains("mmm");
        boolean time = letters.indexOf('h') >= 0 || letters.indexOf('s') >= 0;
        if (date && !time) {
            return Shows.DATE;
        }
        if (time && !date) {
            return Shows.TIME;
        }
        return Shows.DATE_TIME;
    }
}
