package com.incidenttally.report.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * The report language's one way of writing a count, as JFreeChart's axes and bar labels take it:
 * left alone they write in the machine's locale ({@code 1,318} on a Russian chart whose other
 * numbers read {@code 1 324}).
 */
final class ChartNumbers extends NumberFormat {

    private static final long serialVersionUID = 1L;

    private final transient ChartTexts texts;

    ChartNumbers(ChartTexts texts) {
        this.texts = texts;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        // Counts are whole; an axis tick between two (never shown with integer tick units) is rounded.
        return toAppendTo.append(texts.number(Math.round(number)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(texts.number(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("chart numbers are only written");
    }
}
