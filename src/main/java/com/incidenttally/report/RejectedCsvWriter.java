package com.incidenttally.report;

import java.io.IOException;
import java.nio.file.Path;

import com.incidenttally.incident.Rejection;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.tally.RejectionScope;
import com.incidenttally.tally.ReportData;

/**
 * Writes {@code rejected.csv}: the period's rejected rows (see {@link RejectionScope}) with their file,
 * line, column, value, reason and raw text; then the night each names (empty for an undated row, which
 * every report lists until it is fixed, as its note says), and {@code yes} in {@code new} for a row of
 * a file this run read. UTF-8 with a byte-order mark so that Excel shows Cyrillic right; RFC 4180 quoting;
 * text that a spreadsheet would run as a formula is prefixed with {@code '}.
 */
public class RejectedCsvWriter {

    static final String[] HEADER = {"file", "line", "column", "value", "reason", "raw", "night", "new", "note"};

    private final ReportTexts texts;

    /** Reasons in English. */
    public RejectedCsvWriter() {
        this(ReportTexts.english());
    }

    /** Reasons in the report's language. */
    public RejectedCsvWriter(ReportTexts texts) {
        this.texts = texts;
    }

    public void write(ReportData data, Path csv) throws IOException {
        RejectionScope scope = data.rejectionScope();
        ExcelCsv.write(csv, HEADER,
                writer -> data.rejections(rejection -> writer.writeRecord(record(rejection, scope))));
    }

    private String[] record(Rejection rejection, RejectionScope scope) {
        return new String[] {
                escape(rejection.file()),
                Long.toString(rejection.line()),
                escape(rejection.column()),
                escape(rejection.value()),
                escape(texts.reason(rejection.reason())),
                escape(rejection.raw()),
                rejection.undated() ? "" : NightCalendar.label(rejection.night()),
                scope.isNew(rejection) ? texts.yesNo(true) : "",
                rejection.undated() ? texts.text("csv.undated") : ""};
    }

    /** Keeps a spreadsheet from running untrusted text as a formula (CSV injection). */
    static String escape(String text) {
        return ExcelCsv.escape(text);
    }
}
