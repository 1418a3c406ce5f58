package com.incidenttally.ingest;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads one incident CSV file row by row, streaming, whatever its size.
 *
 * <p>Opening the file decides how to read it (a first pass over its bytes settles the encoding),
 * then reads and checks the header; a file that cannot be read at all is rejected with a
 * {@link FileRejectedException}. After that, {@link #read()} returns every record that is not
 * blank, in order, each with the line it starts on. Rows that cannot be read properly (wrong
 * number of fields, a stray quote, bytes not valid in the file's encoding, too long) are returned
 * too, with {@link RawRow#malformed()} saying why, so the caller can reject them and count them as
 * read. Every physical line of the file belongs to exactly one row (or is blank): a stray quote
 * costs its own row and no other (see {@link RecordParser}).
 */
public final class IncidentCsvReader implements IncidentRows {

    private static final int COLUMNS = Column.values().length;

    private final String file;
    private final String contentSha256;
    private final CsvDialect dialect;
    private final List<String> warnings;
    private final RecordParser parser;
    private List<Column> columns;
    private final ColumnRules rules;
    private List<String> headerNames;
    private HeaderBinding binding;
    private RepeatedHeader repeatedHeader;
    /** The line read after the header to see whether it names the header's groups, when it does not. */
    private RecordParser.Parsed readAhead;
    /** Whether the mapping file's constants are free of control characters, as the parser checks each row. */
    private boolean constantsControlFree;
    private long rowsRead;

    /** Where the bytes come from: opened once to scan the file, once to read it. */
    @FunctionalInterface
    interface Source {
        SeekableByteChannel open() throws IOException;
    }

    private IncidentCsvReader(Source source, String file, FileScan scan, ColumnRules rules) throws IOException {
        this.file = file;
        this.rules = rules;
        this.contentSha256 = scan.sha256();
        FileScan.Encoding encoding = scan.encoding();
        Charset charset = encoding == FileScan.Encoding.NOT_UTF_8 ? CsvDialect.WINDOWS_1251 : StandardCharsets.UTF_8;
        this.dialect = new CsvDialect(charset, scan.bom(), scan.delimiter());
        this.warnings = new ArrayList<>();
        boolean someInvalid = encoding == FileScan.Encoding.UTF_8_INVALID || encoding == FileScan.Encoding.UTF_8_BOM_INVALID;
        if (encoding == FileScan.Encoding.NOT_UTF_8) {
            warnings.add("not valid UTF-8: read as windows-1251");
        } else if (someInvalid) {
            warnings.add("not valid UTF-8 in " + scan.invalidUtf8() + (scan.invalidUtf8() == 1 ? " place" : " places")
                    + ": read as UTF-8, " + (scan.bom() ? "as its byte order mark says" : "as most of it is")
                    + "; rows with invalid bytes are rejected");
        }
        this.parser = new RecordParser(source.open(), scan.bom() ? 3 : 0, scan.delimiter(), charset, someInvalid, scan.lastOddQuoteRun());
    }

    /**
     * Opens a file and reads its header.
     *
     * @param displayName the name rows and messages give the file: its path relative to the input directory
     * @throws FileRejectedException when the file cannot be read at all, with the reason
     */
    public static IncidentCsvReader open(Path path, String displayName) throws FileRejectedException {
        return open(path, displayName, ColumnRules.NONE);
    }

    /**
     * Opens a file whose header is read with what a mapping file says about it ({@code --columns}).
     *
     * @throws FileRejectedException when the file cannot be read at all, with the reason
     */
    public static IncidentCsvReader open(Path path, String displayName, ColumnRules rules) throws FileRejectedException {
        if (Files.isDirectory(path)) {
            throw new FileRejectedException(displayName, "is a directory, not a file");
        }
        return open(() -> FileChannel.open(path, StandardOpenOption.READ), displayName, rules);
    }

    /** Opens bytes from anywhere (tests read from memory), as {@link #open(Path, String)} does a file. */
    static IncidentCsvReader open(Source source, String displayName) throws FileRejectedException {
        return open(source, displayName, ColumnRules.NONE);
    }

    static IncidentCsvReader open(Source source, String displayName, ColumnRules rules) throws FileRejectedException {
        IncidentCsvReader reader;
        try {
            FileScan scan = FileScan.of(source);
            if (scan.encoding() == FileScan.Encoding.UTF_16) {
                throw new FileRejectedException(displayName, "encoded as UTF-16: save it as CSV UTF-8");
            }
            if (scan.encoding() == FileScan.Encoding.BINARY) {
                throw new FileRejectedException(displayName,
                        "not a text file (binary content such as NUL bytes: a spreadsheet, an image, an archive?);"
                                + " save it as CSV UTF-8");
            }
            reader = new IncidentCsvReader(source, displayName, scan, rules);
        } catch (IOException | UncheckedIOException e) {
            throw new FileRejectedException(displayName, InputFiles.unreadable(e));
        }
        try {
            reader.readHeader();
            return reader;
        } catch (FileRejectedException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * The SHA-256 of the file's bytes as they were when it was opened (its first pass, which also
     * found its encoding, read every byte), lower-case hex.
     */
    @Override
    public String contentSha256() {
        return contentSha256;
    }

    public CsvDialect dialect() {
        return dialect;
    }

    @Override
    public String describe() {
        return dialect.describe();
    }

    @Override
    public String encoding() {
        return dialect.encoding();
    }

    @Override
    public String delimiter() {
        return String.valueOf(dialect.delimiter());
    }

    /** What a person should know about how the file was read; each said once. */
    @Override
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
    @Override
    public RawRow read() {
        RecordParser.Parsed record;
        do {
            try {
                record = readAhead != null ? readAhead : parser.next();
                readAhead = null;
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
            if (record == null) {
                String repeated = repeatedHeader.warning("line");
                if (repeated != null && !warnings.contains(repeated)) {
                    warnings.add(repeated);
                }
                return null;
            }
        } while (record.malformed() == null && record.invalidField() < 0
                && repeatedHeader.passesOver(record.line(), record.fields()));
        rowsRead++;
        if (record.malformed() != null) {
            return new RawRow(file, record.line(), new String[COLUMNS], record.raw(), record.malformed(), false);
        }
        String[] fields = record.fields();
        String[] values = binding.values(fields);
        Reason malformed = null;
        if (record.invalidField() >= 0) {
            malformed = Reason.of(RejectionKind.NOT_UTF8, fieldName(record.invalidField()));
        } else if (fields.length != headerNames.size() && !onlyEmptyFieldsAfter(fields, headerNames.size())) {
            malformed = Reason.of(RejectionKind.WRONG_FIELD_COUNT, headerNames.size(), fields.length);
        }
        return new RawRow(file, record.line(), values, record.rawBytes(), record.charset(), malformed,
                malformed == null && record.controlFree() && constantsControlFree);
    }

    /**
     * Whether a row is longer than the header only by empty fields at its end ({@code 1;2;3;;;} under a
     * three-column header), as spreadsheets export the cells right of the table that were once formatted.
     */
    private static boolean onlyEmptyFieldsAfter(String[] fields, int header) {
        if (fields.length < header) {
            return false;
        }
        for (int i = header; i < fields.length; i++) {
            if (fields[i] != null && !fields[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private String fieldName(int field) {
        String name = field < headerNames.size() ? HeaderBinding.label(headerNames.get(field)) : "";
        return name.isEmpty() ? "#" + (field + 1) : name;
    }

    /** Rows returned so far, malformed ones included. */
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private void readHeader() throws FileRejectedException {
        RecordParser.Parsed header;
        try {
            header = parser.next();
            if (header != null && separatorLine(header.fields())) {
                // Excel's "sep=;" line before the header names the delimiter (the scan took it from that line).
                header = parser.next();
            }
        } catch (IOException e) {
            throw new FileRejectedException(file, InputFiles.unreadable(e));
        }
        if (header == null) {
            throw new FileRejectedException(file, "no header row");
        }
        if (header.malformed() != null) {
            Reason why = header.malformed();
            throw new FileRejectedException(file, why.kind().group() == RejectionKind.UNCLOSED_QUOTE
                    ? "unbalanced quotes: the quoted field opened on line " + why.param("opened")
                    + (why.kind() == RejectionKind.UNCLOSED_QUOTE ? " is never closed" : " closes before more text")
                    : why.kind() == RejectionKind.ROW_TOO_LONG ? "the header row is too long to read"
                    : "the header row cannot be read");
        }
        if (header.invalidField() >= 0) {
            throw new FileRejectedException(file, "the header row is not valid UTF-8");
        }
        List<String> names = List.of(header.fields());
        headerNames = names;
        binding = HeaderBinding.of(file, names, rules);
        repeatedHeader = new RepeatedHeader(names);
        parser.expectFields(names.size());
        List<TwoRowHeader.Group> groups = TwoRowHeader.spelledOut(names);
        if (!groups.isEmpty()) {
            // A sheet's header of two rows saved as CSV: a group's name, then columns without one (Последствия;;).
            try {
                readAhead = parser.next();
            } catch (IOException e) {
                throw new FileRejectedException(file, InputFiles.unreadable(e));
            }
            TwoRowHeader two = readAhead == null || readAhead.malformed() != null || readAhead.invalidField() >= 0 ? null
                    : TwoRowHeader.of(header.line(), names, readAhead.line(), List.of(readAhead.fields()), groups, binding,
                            file, rules, "line");
            if (two != null) {
                headerNames = two.names();
                binding = two.binding();
                warnings.add(two.warning());
                readAhead = null;
            }
        }
        warnings.addAll(binding.warnings());
        columns = binding.columns();
        constantsControlFree = binding.constantsControlFree();
    }

    /** Whether a first line is Excel's {@code sep=;} (or {@code sep=,}, {@code sep=<tab>}): the delimiter and nothing else. */
    private static boolean separatorLine(String[] fields) {
        return fields != null && fields.length == 2 && fields[0].strip().equalsIgnoreCase("sep=") && fields[1].isBlank();
    }
}
