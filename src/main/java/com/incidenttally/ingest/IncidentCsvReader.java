package com.incidenttally.ingest;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one incident CSV file row by row, streaming, whatever its size.
 *
 * <p>Opening the file decides how to read it (a first pass over its bytes settles the encoding),
 * then reads and checks the header; a file that cannot be read at all is rejected with a
 * {@link FileRejectedException}. After that, {@link #read()} returns every record that is not
 * blank, in order, each with the line it starts on. Rows that cannot be read properly (wrong
 * number of fields, a quote never closed) are returned too, with
 * {@link RawRow#malformed()} saying why, so the caller can reject them and count them as read.
 */
public final class IncidentCsvReader implements AutoCloseable {

    private static final String UNBALANCED = "unbalanced quotes: the quoted field opened on line %d is never closed";

    private final Path path;
    private final String file;
    private final CsvDialect dialect;
    private final List<String> warnings;
    private final CsvReader<RecordCollector> csv;
    private final CloseableIterator<RecordCollector> records;
    private final RecordCollector collector;
    private final FileScan.Unclosed unclosed;
    private List<Column> columns;
    private int headerFieldCount;
    private long rowsRead;
    private boolean finished;

    private IncidentCsvReader(Path path, String file, FileScan scan) throws IOException {
        this.path = path;
        this.file = file;
        boolean bom = scan.encoding() == FileScan.Encoding.UTF_8_BOM || scan.encoding() == FileScan.Encoding.UTF_8_BOM_INVALID;
        Charset charset = scan.encoding() == FileScan.Encoding.NOT_UTF_8 ? CsvDialect.WINDOWS_1251 : StandardCharsets.UTF_8;
        this.dialect = new CsvDialect(charset, bom, scan.delimiter());
        this.warnings = new ArrayList<>();
        if (scan.encoding() == FileScan.Encoding.NOT_UTF_8) {
            warnings.add("not valid UTF-8: read as windows-1251");
        } else if (scan.encoding() == FileScan.Encoding.UTF_8_BOM_INVALID) {
            warnings.add("not valid UTF-8 although it starts with a UTF-8 byte order mark: invalid bytes read as \uFFFD");
        }
        this.unclosed = scan.unclosed();
        InputStream in = Files.newInputStream(path);
        try {
            in.skipNBytes(bom ? 3 : 0);
            if (unclosed != null) {
                // FastCSV would read the open quote to the end of the file (or fail past 16 MB);
                // it gets the records before it, and that record becomes one malformed row.
                in = new LimitedInputStream(in, unclosed.offset() - (bom ? 3 : 0));
            }
            this.collector = new RecordCollector(dialect.delimiter());
            this.csv = CsvReader.builder()
                    .fieldSeparator(dialect.delimiter())
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .allowExtraCharsAfterClosingQuote(true)
                    .skipEmptyLines(true)
                    .build(collector, new InputStreamReader(in, charset));
            this.records = csv.iterator();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens a file and reads its header.
     *
     * @param displayName the name rows and messages give the file: its path relative to the input directory
     * @throws FileRejectedException when the file cannot be read at all, with the reason
     */
    public static IncidentCsvReader open(Path path, String displayName) throws FileRejectedException {
        if (Files.isDirectory(path)) {
            throw new FileRejectedException(displayName, "is a directory, not a file");
        }
        IncidentCsvReader reader;
        try {
            FileScan scan = FileScan.of(path);
            if (scan.encoding() == FileScan.Encoding.UTF_16) {
                throw new FileRejectedException(displayName, "encoded as UTF-16: save it as CSV UTF-8");
            }
            if (scan.encoding() == FileScan.Encoding.BINARY) {
                throw new FileRejectedException(displayName,
                        "not a text file (binary content such as NUL bytes: a spreadsheet, an image, an archive?);"
                                + " save it as CSV UTF-8");
            }
            reader = new IncidentCsvReader(path, displayName, scan);
        } catch (IOException | UncheckedIOException e) {
            throw new FileRejectedException(displayName, unreadable(e));
        }
        try {
            reader.readHeader();
            return reader;
        } catch (FileRejectedException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public CsvDialect dialect() {
        return dialect;
    }

    /** What a person should know about how the file was read; each said once. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The known columns the file has, in the file's order. */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The next row, or null at the end of the file. Blank rows are skipped.
     *
     * @throws UncheckedIOException when the file can no longer be read
     */
    public RawRow read() {
        if (finished) {
            return null;
        }
        RecordCollector record;
        try {
            record = records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            // Only a single field over FastCSV's 16 MB buffer gets here: the parser cannot go on.
            finished = true;
            rowsRead++;
            return new RawRow(file, collector.line(), new String[Column.values().length], collector.raw(),
                    "a field is too long to read (over 16 million characters); the rest of the file, from this line on, is not read");
        }
        if (record != null) {
            rowsRead++;
            int fields = record.fieldCount();
            String malformed = fields == headerFieldCount ? null
                    : "expected " + headerFieldCount + " fields, found " + fields;
            return new RawRow(file, record.line(), record.values(), record.raw(), malformed);
        }
        finished = true;
        if (unclosed == null) {
            return null;
        }
        rowsRead++;
        return new RawRow(file, unclosed.recordLine(), new String[Column.values().length], rawFrom(unclosed.offset()),
                UNBALANCED.formatted(unclosed.quoteLine()));
    }

    /** Rows returned so far, malformed ones included. */
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private void readHeader() throws FileRejectedException {
        RecordCollector header;
        try {
            header = records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw new FileRejectedException(file, "the header row cannot be read: it is over 16 million characters long");
        } catch (UncheckedIOException e) {
            throw new FileRejectedException(file, unreadable(e));
        }
        if (header == null) {
            if (unclosed != null) {
                throw new FileRejectedException(file, UNBALANCED.formatted(unclosed.quoteLine()));
            }
            throw new FileRejectedException(file, "no header row");
        }
        List<String> names = header.headerFields();
        headerFieldCount = names.size();
        int[] columnOf = new int[names.size()];
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        List<Column> present = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        int unnamed = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Column column = Column.fromHeader(name).orElse(null);
            columnOf[i] = column == null ? -1 : column.ordinal();
            if (column == null) {
                String label = name.replace("\uFEFF", "").strip();
                if (label.isEmpty()) {
                    unnamed++;
                } else {
                    unknown.add(label);
                }
            } else if (found.putIfAbsent(column, i) != null) {
                throw new FileRejectedException(file, "column given twice: " + column.header());
            } else {
                present.add(column);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!found.containsKey(Column.OCCURRED_AT) && !found.containsKey(Column.NIGHT)) {
            missing.add("occurred_at or night");
        }
        for (Column required : List.of(Column.REGION, Column.EVENT_TYPE, Column.SOURCE)) {
            if (!found.containsKey(required)) {
                missing.add(required.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new FileRejectedException(file, "missing required column: " + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            warnings.add("unknown columns ignored: " + String.join(", ", unknown));
        }
        if (unnamed > 0) {
            warnings.add(unnamed == 1 ? "1 column without a name ignored" : unnamed + " columns without a name ignored");
        }
        columns = List.copyOf(present);
        collector.mapColumns(columnOf);
    }

    /** The text of the file from a byte offset, as a person would recognise it (it is not parsed). */
    private String rawFrom(long offset) {
        int maxBytes = RecordCollector.RAW_LIMIT * 4 + 4;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long available = channel.size() - offset;
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(maxBytes, Math.max(0, available)));
            channel.position(offset);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // keep reading until full or at the end
            }
            bytes.flip();
            String text = dialect.charset().decode(bytes).toString();
            if (available > maxBytes && text.length() <= RecordCollector.RAW_LIMIT) {
                return text + RecordCollector.CUT_MARKER;
            }
            return RecordCollector.cap(stripTrailingLineBreaks(text));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String stripTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "file not found";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot be read: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    /** Stops a stream after a number of bytes, so the parser never sees what follows. */
    private static final class LimitedInputStream extends FilterInputStream {

        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
