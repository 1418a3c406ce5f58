package com.incidenttally.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Compares two CSV files the job writes ({@code rejected.csv}, {@code unresolved-names.csv}) record by
 * record with Apache Commons CSV, an independent reading of what the job wrote with FastCSV: the byte
 * order mark, then each record's fields, located by record number, the line it starts on and the header's
 * name of the column. Records are streamed; a file of any length is compared in little memory. Line
 * endings and quoting that do not change a field are not differences.
 */
final class CsvDiff {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final String file;
    private final Differences differences;
    private long records;

    CsvDiff(String file, Differences differences) {
        this.file = file;
        this.differences = differences;
    }

    /** How many records of the before file were compared, the header included. */
    long records() {
        return records;
    }

    void compare(Path before, Path after) throws IOException {
        try (Records x = new Records(before); Records y = new Records(after)) {
            if (x.bom != y.bom) {
                differences.add(file, "byte order mark", x.bom ? "yes" : "no", y.bom ? "yes" : "no");
            }
            List<String> header = null;
            CSVRecord a = x.next();
            CSVRecord b = y.next();
            while (a != null || b != null) {
                if (a != null) {
                    records++;
                    if (header == null) {
                        header = a.toList();
                    }
                }
                String where = "record " + (a != null ? a.getRecordNumber() : b.getRecordNumber()) + " (line "
                        + (a != null ? x.line : y.line) + ")";
                if (a == null || b == null) {
                    differences.add(file, where, a == null ? Differences.NONE : shown(a),
                            b == null ? Differences.NONE : shown(b));
                } else {
                    compare(a, b, where, header);
                }
                a = x.next();
                b = y.next();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void compare(CSVRecord a, CSVRecord b, String where, List<String> header) {
        if (a.size() != b.size()) {
            differences.add(file, where + " fields", Integer.toString(a.size()), Integer.toString(b.size()));
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                String column = header != null && i < header.size() ? header.get(i) : "field " + (i + 1);
                differences.add(file, where + " " + column, Differences.quoted(a.get(i)),
                        Differences.quoted(b.get(i)));
            }
        }
    }

    private static String shown(CSVRecord record) {
        return Differences.quoted(String.join(",", record.toList()));
    }

    /** A CSV file's records one at a time, each with the line it starts on. */
    private static final class Records implements AutoCloseable {

        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private final boolean bom;
        private long line;

        Records(Path csv) throws IOException {
            InputStream in = new BufferedInputStream(Files.newInputStream(csv));
            in.mark(BOM.length);
            bom = Arrays.equals(in.readNBytes(BOM.length), BOM);
            if (!bom) {
                in.reset();
            }
            parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), FORMAT);
            iterator = parser.iterator();
        }

        /**
         * The next record, or null after the last. The parser counts the line breaks it has read, and reads
         * a record only when asked: the line after the last break is where the next record starts.
         */
        CSVRecord next() {
            line = parser.getCurrentLineNumber() + 1;
            return iterator.hasNext() ? iterator.next() : null;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
