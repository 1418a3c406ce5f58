package com.incidenttally.report;

import java.io.IOException;
import java.nio.file.Path;

import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Rejection;

/**
 * Writes {@code rejected.csv}: every rejected row with its file, line, column, value, reason and
 * raw text. UTF-8 with a byte-order mark so that Excel shows Cyrillic right; RFC 4180 quoting;
 * text that a spreadsheet would run as a formula is prefixed with {@code '}.
 */
public class RejectedCsvWriter {

    static final String[] HEADER = {"file", "line", "column", "value", "reason", "raw"};

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
        ExcelCsv.write(csv, HEADER, writer -> data.rejections(rejection -> writer.writeRecord(record(rejection))));
    }

    private String[] record(Rejection rejection) {
        return new String[] {
                escape(rejection.file()),
                Long.toString(rejection.line()),
                escape(rejection.column()),
                escape(rejection.value()),
                escape(texts.reason(rejection.reason())),
                escape(rejection.raw())};
    }

    /** Keeps a spreadsheet from running untrusted text as a formula (CSV injection). */
    static String escape(String text) {
        return ExcelCsv.escape(text);
    }
}
