package com.incidenttally.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Rejection;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes {@code rejected.csv}: every rejected row with its file, line, column, value, reason and
 * raw text. UTF-8 with a byte-order mark so that Excel shows Cyrillic right; RFC 4180 quoting;
 * text that a spreadsheet would run as a formula is prefixed with {@code '}.
 */
public class RejectedCsvWriter {

    static final String[] HEADER = {"file", "line", "column", "value", "reason", "raw"};

    public void write(ReportData data, Path csv) throws IOException {
        try (OutputStream out = Files.newOutputStream(csv)) {
            // The BOM is what makes Excel read the file as UTF-8 instead of the system code page.
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                 CsvWriter csvWriter = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer)) {
                csvWriter.writeRecord(HEADER);
                try {
                    data.rejections(rejection -> csvWriter.writeRecord(record(rejection)));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
    }

    private static String[] record(Rejection rejection) {
        return new String[] {
                escape(rejection.file()),
                Long.toString(rejection.line()),
                escape(rejection.column()),
                escape(rejection.value()),
                escape(rejection.reason()),
                escape(rejection.raw())};
    }

    /** Keeps a spreadsheet from running untrusted text as a formula (CSV injection). */
    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }
}
