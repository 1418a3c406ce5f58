package com.incidenttally.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * A CSV file as Excel opens it right: UTF-8 with a byte-order mark (so Cyrillic shows), CRLF, RFC 4180
 * quoting, and untrusted text that a spreadsheet would run as a formula prefixed with {@code '}.
 */
public final class ExcelCsv {

    /** Writes the records of one file; may throw {@link UncheckedIOException} from a callback. */
    interface Records {
        void write(CsvWriter csv) throws IOException;
    }

    private ExcelCsv() {
    }

    static void write(Path csv, String[] header, Records records) throws IOException {
        try (OutputStream out = Files.newOutputStream(csv)) {
            // The BOM is what makes Excel read the file as UTF-8 instead of the system code page.
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                 CsvWriter csvWriter = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer)) {
                csvWriter.writeRecord(header);
                try {
                    records.write(csvWriter);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
    }

    /** Keeps a spreadsheet from running untrusted text as a formula (CSV injection). */
    public static String escape(String text) {
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
