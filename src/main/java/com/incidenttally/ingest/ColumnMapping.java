package com.incidenttally.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A mapping file ({@code --columns=FILE}): how to read layouts that no synonym covers. A CSV file
 * with the header {@code files,field,column,value}, one rule a line:
 * <ul>
 *   <li>{@code files}: a glob over the file's path inside the input folder ({@code feeds/*.csv});
 *       a glob without a {@code /} is matched against the file's name in any folder; blank is every file;</li>
 *   <li>{@code field}: one of ours ({@code region}, {@code event_type} …, or {@code date} and
 *       {@code time} for the two halves of {@code occurred_at});</li>
 *   <li>either {@code column}, the header as written in those files, or {@code value}, a constant
 *       for every row of those files (the {@code source} of a feed that has no such column).</li>
 * </ul>
 * Several rules may name one field for different files; two rules for one field and one file are
 * an error. Lines starting with {@code #} are comments.
 */
public final class ColumnMapping {

    public static final ColumnMapping NONE = new ColumnMapping("", List.of());

    private static final List<String> HEADER = List.of("files", "field", "column", "value");

    /** One line of the file. */
    record Rule(long line, String files, PathMatcher matcher, boolean byName, Field field, String column, String value) {

        boolean matches(String path) {
            if (matcher == null) {
                return true;
            }
            Path candidate = Path.of(path);
            return matcher.matches(byName ? candidate.getFileName() : candidate);
        }

        String text() {
            return files + "," + field.key() + "," + (column == null ? "" : column) + "," + (value == null ? "" : value);
        }
    }

    private final String name;
    private final List<Rule> rules;

    private ColumnMapping(String name, List<Rule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads and checks a mapping file on its own: its header, and on every line a known field and
     * exactly one of column and value.
     *
     * @throws ColumnMappingException naming the file and the line at fault
     */
    public static ColumnMapping read(Path file) throws ColumnMappingException {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new ColumnMappingException(String.valueOf(file), 0, "no such file");
        }
        List<Rule> rules = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).detectBomHeader(true)
                .allowExtraFields(true).allowMissingFields(true).commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord row : reader) {
                long line = row.getStartingLineNumber();
                List<String> fields = row.getFields();
                if (header) {
                    List<String> names = fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
                    if (!names.equals(HEADER)) {
                        throw new ColumnMappingException(name, line, "the header must be files,field,column,value, not "
                                + String.join(",", fields));
                    }
                    header = false;
                    continue;
                }
                if (fields.size() != HEADER.size()) {
                    throw new ColumnMappingException(name, line, "expected 4 fields (files,field,column,value), found "
                            + fields.size());
                }
                rules.add(rule(name, line, fields));
            }
            if (header) {
                throw new ColumnMappingException(name, 1, "the file is empty; expected the header files,field,column,value");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ColumnMappingException(name, 0, "cannot be read: " + e.getMessage());
        } catch (CsvParseException e) {
            throw new ColumnMappingException(name, 0, "is not valid CSV: " + e.getMessage());
        }
        return new ColumnMapping(name, rules);
    }

    private static Rule rule(String name, long line, List<String> fields) throws ColumnMappingException {
        String files = fields.get(0).strip();
        String fieldName = fields.get(1).strip();
        String column = fields.get(2).strip();
        String value = fields.get(3).strip();
        Field field = Field.of(fieldName).orElseThrow(() -> new ColumnMappingException(name, line,
                "unknown field '" + fieldName + "': expected one of "
                        + Arrays.stream(Field.values()).map(Field::key).collect(Collectors.joining(", "))));
        if (column.isEmpty() == value.isEmpty()) {
            throw new ColumnMappingException(name, line, column.isEmpty()
                    ? "give the column that holds " + field.key() + ", or a value for every row"
                    : "give either a column or a value for " + field.key() + ", not both");
        }
        if (!value.isEmpty() && (field == Field.DATE || field == Field.TIME)) {
            throw new ColumnMappingException(name, line, "a constant " + field.key() + " is not a field of its own:"
                    + " give occurred_at or night a value instead");
        }
        PathMatcher matcher = null;
        boolean byName = !files.contains("/");
        if (!files.isEmpty()) {
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + files);
            } catch (IllegalArgumentException e) {
                throw new ColumnMappingException(name, line, "files '" + files + "' is not a glob: " + e.getMessage());
            }
        }
        return new Rule(line, files, matcher, byName, field, column.isEmpty() ? null : column, value.isEmpty() ? null : value);
    }

    /** The name messages give the mapping file. */
    public String name() {
        return name;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * What the mapping says about one input file.
     *
     * @throws IllegalArgumentException when two rules name one field for it (checked at start-up
     *                                  by {@link #check}, so a run does not meet it)
     */
    public ColumnRules rulesFor(String path) {
        return rulesFor(path, null);
    }

    /**
     * What the mapping says about one sheet of a workbook: the rules whose {@code files} match the
     * workbook's path, or the sheet's as {@code file.xlsx#Sheet}.
     *
     * @param sheet the sheet's name, or null for a CSV file
     * @throws IllegalArgumentException when two rules name one field for it
     */
    public ColumnRules rulesFor(String path, String sheet) {
        if (rules.isEmpty()) {
            return ColumnRules.NONE;
        }
        String where = sheet == null ? path : path + "#" + sheet;
        Map<Field, String> columns = new EnumMap<>(Field.class);
        Map<Field, String> values = new EnumMap<>(Field.class);
        Map<Field, Long> lines = new HashMap<>();
        for (Rule rule : rules) {
            if (!rule.matches(path) && (sheet == null || !rule.matches(where))) {
                continue;
            }
            Long earlier = lines.putIfAbsent(rule.field(), rule.line());
            if (earlier != null) {
                throw new IllegalArgumentException(name + ":" + rule.line() + ": a second rule for " + rule.field().key()
                        + " in " + where + " (line " + earlier + " is the first)");
            }
            if (rule.column() != null) {
                columns.put(rule.field(), rule.column());
            } else {
                values.put(rule.field(), rule.value());
            }
        }
        return columns.isEmpty() && values.isEmpty() ? ColumnRules.NONE : new ColumnRules(columns, values, lines, name);
    }

    /**
     * The rules that apply to a file, as text: what identifies how the file was read, so a file
     * whose rules change is read again (and one whose rules stay is not).
     */
    public String fingerprintFor(String path) {
        // A workbook's sheets may have rules of their own (file.xlsx#Sheet): any of those counts for every workbook.
        boolean workbook = InputFiles.isWorkbook(path);
        return rules.stream().filter(rule -> rule.matches(path) || workbook && rule.files().contains("#"))
                .map(Rule::text).collect(Collectors.joining("\n"));
    }

    /** Every rule as text, in the file's order: what a later run compares its own mapping with. */
    public String text() {
        return rules.stream().map(Rule::text).collect(Collectors.joining("\n"));
    }

    /** A mapping from {@link #text()}, as a store remembers it. */
    public static ColumnMapping fromText(String text) {
        List<Rule> rules = new ArrayList<>();
        long line = 1;
        for (String row : text.split("\n")) {
            line++;
            if (row.isEmpty()) {
                continue;
            }
            String[] fields = row.split(",", 4);
            try {
                rules.add(rule("(earlier)", line, List.of(fields)));
            } catch (ColumnMappingException | IndexOutOfBoundsException e) {
                return null;
            }
        }
        return new ColumnMapping("(earlier)", rules);
    }

    /**
     * Checks the mapping against the input folder before any work: no two rules name one field for
     * one file, and every column a rule names is in the header of at least one file it matches.
     *
     * @param files    the input files, by their path inside the input folder
     * @param headerOf a file's header cells, or null when the file's header cannot be read here
     *                 (it is then rejected with the reason when it is read)
     * @throws ColumnMappingException naming the mapping file's line
     */
    public void check(List<String> files, Function<String, List<String>> headerOf) throws ColumnMappingException {
        Map<String, List<String>> headers = new HashMap<>();
        HeaderNames names = HeaderNames.bundled();
        for (String file : files) {
            Map<Field, Long> first = new EnumMap<>(Field.class);
            Map<String, Rule> byColumn = new HashMap<>();
            for (Rule rule : rules) {
                if (rule.matches(file)) {
                    Long earlier = first.putIfAbsent(rule.field(), rule.line());
                    if (earlier != null) {
                        throw new ColumnMappingException(name, rule.line(), "a second rule for " + rule.field().key()
                                + " in " + file + " (line " + earlier + " is the first)");
                    }
                    if (rule.column() == null) {
                        continue;
                    }
                    // A column feeds one field: the header binds each column once.
                    String folded = names.key(rule.column());
                    String key = folded.isEmpty() ? rule.column().strip().toLowerCase(java.util.Locale.ROOT) : folded;
                    Rule other = byColumn.putIfAbsent(key, rule);
                    if (other != null) {
                        throw new ColumnMappingException(name, rule.line(), "column '" + rule.column() + "' is given for "
                                + rule.field().key() + " here and for " + other.field().key() + " on line " + other.line()
                                + " (in " + file + "): a column feeds one field; choose one of the two rules");
                    }
                }
            }
        }
        for (Rule rule : rules) {
            if (rule.column() == null) {
                continue;
            }
            boolean matched = false;
            boolean found = false;
            for (String file : files) {
                if (!rule.matches(file)) {
                    continue;
                }
                List<String> header = headers.computeIfAbsent(file, f -> {
                    List<String> cells = headerOf.apply(f);
                    return cells == null ? List.of() : cells;
                });
                if (header.isEmpty()) {
                    continue;
                }
                matched = true;
                String wanted = names.key(rule.column());
                found = header.stream().anyMatch(cell -> cell.replace("\uFEFF", "").strip().equalsIgnoreCase(rule.column())
                        || !wanted.isEmpty() && names.key(cell).equals(wanted));
                if (found) {
                    break;
                }
            }
            if (matched && !found) {
                throw new ColumnMappingException(name, rule.line(), "no file " + (rule.files().isEmpty() ? ""
                        : "matching " + rule.files() + " ") + "has a column '" + rule.column() + "' for " + rule.field().key());
            }
        }
    }

    /**
     * The header cells of a CSV file, read from its first bytes without reading the whole file:
     * UTF-8 or, when its first bytes are not, windows-1251; the delimiter as the reader finds it.
     * Null when the file has no header that can be read this way.
     */
    public static List<String> csvHeader(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(1 << 16);
        } catch (IOException e) {
            return null;
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        char delimiter = FileScan.delimiterOf(bytes, start, bytes.length);
        int end = start;
        boolean quoted = false;
        while (end < bytes.length && (quoted || bytes[end] != '\n' && bytes[end] != '\r' || end == start)) {
            if (bytes[end] == '"') {
                quoted = !quoted;
            }
            if (!quoted && end == start && (bytes[end] == '\n' || bytes[end] == '\r')) {
                start++;
            }
            end++;
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            line = new String(bytes, start, end - start, CsvDialect.WINDOWS_1251);
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(line)) {
            for (CsvRecord record : reader) {
                return record.getFields();
            }
        } catch (CsvParseException | IOException | UncheckedIOException e) {
            return null;
        }
        return null;
    }
}
