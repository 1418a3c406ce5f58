package com.incidenttally.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which column of a file feeds which field, decided from its header row alone: a pure function of
 * the header cells (as strings, from a CSV file or a spreadsheet's first row) and the mapping rules
 * that apply to the file.
 *
 * <p>A field is fed, in this order of precedence, by a {@code --columns} rule (a column or a
 * constant), by a column under our own name ({@code event_type}), or by a column under one of the
 * names in {@link HeaderNames}. Names of a field that a stronger source already feeds are ignored,
 * so a file of an earlier version, whose unknown columns were ignored, reads as it always did. Two
 * columns for one field, or one column two fields could claim, are an error naming both, never a
 * guess. A date column and a time column combine into {@code occurred_at}.
 */
public final class HeaderBinding {

    static final String HELP = "map them with --columns (see docs/input.md)";
    private static final int COLUMNS = Column.values().length;

    private final List<String> header;
    /** For each header index, the column it feeds, or -1. */
    private final int[] columnOf;
    private final int dateIndex;
    private final int timeIndex;
    /** Constants by column ordinal, null where the rows say. */
    private final String[] constants;
    private final List<Column> columns;
    private final List<String> warnings;

    private HeaderBinding(List<String> header, int[] columnOf, int dateIndex, int timeIndex, String[] constants,
                          List<Column> columns, List<String> warnings) {
        this.header = header;
        this.columnOf = columnOf;
        this.dateIndex = dateIndex;
        this.timeIndex = timeIndex;
        this.constants = constants;
        this.columns = columns;
        this.warnings = warnings;
    }

    /** Binds a header by our names and their synonyms alone. */
    public static HeaderBinding of(String file, List<String> header) throws FileRejectedException {
        return of(file, header, ColumnRules.NONE, HeaderNames.bundled());
    }

    /**
     * @param file   the file's name, for the message of a header that cannot be bound
     * @param header the header row's cells as written (null cells read as blank)
     * @param rules  what {@code --columns} says about this file
     * @throws FileRejectedException naming what is missing or ambiguous, and the columns found
     */
    public static HeaderBinding of(String file, List<String> header, ColumnRules rules) throws FileRejectedException {
        return of(file, header, rules, HeaderNames.bundled());
    }

    static HeaderBinding of(String file, List<String> header, ColumnRules rules, HeaderNames names)
            throws FileRejectedException {
        List<String> cells = header.stream().map(HeaderBinding::label).toList();
        Map<Field, Integer> byRule = new EnumMap<>(Field.class);
        for (Map.Entry<Field, String> rule : rules.columns().entrySet()) {
            String wanted = names.key(rule.getValue());
            int found = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).equalsIgnoreCase(rule.getValue().strip())
                        || found < 0 && !wanted.isEmpty() && names.key(cells.get(i)).equals(wanted)) {
                    found = i;
                }
            }
            if (found < 0) {
                throw new FileRejectedException(file, "no column '" + rule.getValue() + "' as " + rules.where(rule.getKey())
                        + " says for " + rule.getKey().key() + "; found " + listed(cells));
            }
            byRule.put(rule.getKey(), found);
        }
        // Fields fed by a rule, by our own name, or by a synonym: the strongest wins.
        Map<Field, List<Integer>> own = new EnumMap<>(Field.class);
        Map<Field, List<Integer>> synonym = new EnumMap<>(Field.class);
        Set<Integer> ruled = Set.copyOf(byRule.values());
        List<Integer> ambiguous = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (ruled.contains(i) || cell.isEmpty()) {
                continue;
            }
            Set<Field> fields = names.fieldsOf(cell);
            Field ownField = fields.stream().filter(f -> names.isOwnName(cell, f)).findFirst().orElse(null);
            if (ownField != null) {
                own.computeIfAbsent(ownField, f -> new ArrayList<>()).add(i);
            } else if (fields.size() == 1) {
                synonym.computeIfAbsent(fields.iterator().next(), f -> new ArrayList<>()).add(i);
            } else if (fields.size() > 1) {
                ambiguous.add(i);
            }
        }
        int[] columnOf = new int[cells.size()];
        java.util.Arrays.fill(columnOf, -1);
        Map<Field, Integer> bound = new EnumMap<>(byRule);
        Set<Field> given = EnumSet.noneOf(Field.class);
        given.addAll(rules.columns().keySet());
        given.addAll(rules.values().keySet());
        List<String> ignored = new ArrayList<>();
        // What makes the header unreadable, said all at once so one mapping fixes it.
        List<String> problems = new ArrayList<>();
        Set<Column> contested = EnumSet.noneOf(Column.class);
        for (Map.Entry<Field, List<Integer>> entry : own.entrySet()) {
            Field field = entry.getKey();
            List<Integer> at = entry.getValue();
            if (fed(field, given)) {
                at.forEach(i -> ignored.add(cells.get(i)));
                continue;
            }
            if (at.size() > 1) {
                throw new FileRejectedException(file, "column given twice: " + field.key());
            }
            bound.put(field, at.get(0));
            given.add(field);
        }
        for (Map.Entry<Field, List<Integer>> entry : synonym.entrySet()) {
            Field field = entry.getKey();
            List<Integer> at = entry.getValue();
            if (fed(field, given)) {
                at.forEach(i -> ignored.add(cells.get(i)));
                continue;
            }
            if (at.size() > 1) {
                problems.add("columns " + listed(at.stream().map(cells::get).toList()) + (at.size() == 2 ? " both" : " all")
                        + " name " + field.key());
                contested.add(field.column());
                continue;
            }
            bound.put(field, at.get(0));
            given.add(field);
        }
        for (int i : ambiguous) {
            Set<Field> could = names.fieldsOf(cells.get(i));
            if (could.stream().allMatch(f -> fed(f, given))) {
                ignored.add(cells.get(i));
            } else {
                problems.add("'" + cells.get(i) + "' could be " + could.stream().map(Field::key).collect(Collectors.joining(" or ")));
                could.forEach(field -> contested.add(field.column()));
            }
        }
        String[] constants = new String[COLUMNS];
        rules.values().forEach((field, value) -> constants[field.column().ordinal()] = value);
        int dateIndex = -1;
        int timeIndex = -1;
        Integer date = bound.get(Field.DATE);
        Integer time = bound.get(Field.TIME);
        if (date != null && time != null) {
            dateIndex = date;
            timeIndex = time;
        } else if (date != null || time != null) {
            columnOf[date != null ? date : time] = Column.OCCURRED_AT.ordinal();
        }
        for (Map.Entry<Field, Integer> entry : bound.entrySet()) {
            if (entry.getKey() != Field.DATE && entry.getKey() != Field.TIME) {
                columnOf[entry.getValue()] = entry.getKey().column().ordinal();
            }
        }
        Set<Column> present = EnumSet.noneOf(Column.class);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < columnOf.length; i++) {
            if (columnOf[i] >= 0 || i == dateIndex) {
                Column column = i == dateIndex ? Column.OCCURRED_AT : Column.values()[columnOf[i]];
                if (present.add(column)) {
                    columns.add(column);
                }
            }
        }
        rules.values().keySet().forEach(field -> {
            if (present.add(field.column())) {
                columns.add(field.column());
            }
        });
        List<String> missing = new ArrayList<>();
        present.addAll(contested);
        if (!present.contains(Column.OCCURRED_AT) && !present.contains(Column.NIGHT)) {
            missing.add("occurred_at or night");
        }
        for (Column required : List.of(Column.REGION, Column.EVENT_TYPE, Column.SOURCE)) {
            if (!present.contains(required)) {
                missing.add(required.header());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(0, "no column for " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            List<String> found = cells.stream().filter(c -> !c.isEmpty()).toList();
            throw new FileRejectedException(file, String.join("; ", problems) + "; found "
                    + (found.isEmpty() ? "no named column" : listed(found)) + "; " + HELP);
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Boolean> unknown = new LinkedHashMap<>();
        int unnamed = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (columnOf[i] >= 0 || i == dateIndex || i == timeIndex) {
                continue;
            }
            if (cells.get(i).isEmpty()) {
                unnamed++;
            } else if (!ignored.contains(cells.get(i))) {
                unknown.put(cells.get(i), true);
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add("unknown columns ignored: " + String.join(", ", unknown.keySet()));
        }
        if (!ignored.isEmpty()) {
            warnings.add("columns ignored, their fields given by another column: " + String.join(", ", ignored));
        }
        if (unnamed > 0) {
            warnings.add(unnamed == 1 ? "1 column without a name ignored" : unnamed + " columns without a name ignored");
        }
        if (dateIndex >= 0) {
            warnings.add("occurred_at read from the columns " + cells.get(dateIndex) + " and " + cells.get(timeIndex));
        }
        return new HeaderBinding(List.copyOf(header), columnOf, dateIndex, timeIndex, constants, List.copyOf(columns),
                List.copyOf(warnings));
    }

    /**
     * Whether a stronger source already feeds the field: the field itself, or for the halves of
     * occurred_at occurred_at as a whole; occurred_at is fed too when a rule names its date or time.
     */
    private static boolean fed(Field field, Set<Field> given) {
        return switch (field) {
            case DATE, TIME -> given.contains(field) || given.contains(Field.OCCURRED_AT);
            case OCCURRED_AT -> given.contains(Field.OCCURRED_AT) || given.contains(Field.DATE) || given.contains(Field.TIME);
            default -> given.contains(field);
        };
    }

    /** The fields each row gives, in the header's order, constants last. */
    public List<Column> columns() {
        return columns;
    }

    /** The header cells as read. */
    public List<String> header() {
        return header;
    }

    /** What a person should know about how the header was read. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * One row's values by {@link Column#ordinal()}: the fields the header binds, the constants of
     * the mapping, and a date and a time column joined by a space ({@code 2025-12-07 23:40}).
     */
    /**
     * Whether the constants a mapping file gives hold no control character other than tab, CR and
     * LF: then a row's values are as free of them as its fields.
     */
    boolean constantsControlFree() {
        for (String constant : constants) {
            if (constant != null) {
                for (int i = 0; i < constant.length(); i++) {
                    char c = constant.charAt(i);
                    if (c < 0x20 ? c != '\t' && c != '\r' && c != '\n' : c == 0x7F) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    public String[] values(String[] fields) {
        String[] values = new String[COLUMNS];
        int n = Math.min(fields.length, columnOf.length);
        for (int i = 0; i < n; i++) {
            if (columnOf[i] >= 0) {
                values[columnOf[i]] = fields[i];
            }
        }
        for (int c = 0; c < COLUMNS; c++) {
            if (constants[c] != null) {
                values[c] = constants[c];
            }
        }
        if (dateIndex >= 0) {
            String date = dateIndex < fields.length ? fields[dateIndex] : null;
            String time = timeIndex < fields.length ? fields[timeIndex] : null;
            values[Column.OCCURRED_AT.ordinal()] = date == null || date.isBlank() ? date
                    : time == null || time.isBlank() ? date : withoutMidnight(date.strip()) + " " + time.strip();
        }
        return values;
    }

    private static final List<String> MIDNIGHTS = List.of(" 0:00:00", " 00:00:00", "T00:00:00", " 0:00", " 00:00", "T00:00");

    /**
     * A date cell as Excel writes it beside a time column: {@code 07.12.2025 0:00:00}, the date's
     * midnight, which the time column then gives.
     */
    private static String withoutMidnight(String date) {
        for (String midnight : MIDNIGHTS) {
            if (date.endsWith(midnight) && date.length() > midnight.length()) {
                return date.substring(0, date.length() - midnight.length());
            }
        }
        return date;
    }

    /**
     * How many of the four things every row needs (a date or night, a region, an event type, a source) a header
     * names by our names or their synonyms, whether or not it binds: three or four say a table of incidents, not
     * a "Read me" page or a pivot table by region.
     */
    static int requiredFieldsNamed(List<String> header) {
        HeaderNames names = HeaderNames.bundled();
        Set<Column> named = EnumSet.noneOf(Column.class);
        for (String cell : header) {
            for (Field field : names.fieldsOf(label(cell))) {
                named.add(field.column());
            }
        }
        int date = named.contains(Column.OCCURRED_AT) || named.contains(Column.NIGHT) ? 1 : 0;
        return date + (int) List.of(Column.REGION, Column.EVENT_TYPE, Column.SOURCE).stream().filter(named::contains).count();
    }

    /** A header cell as a name: without a byte-order mark and surrounding spaces, a missing cell blank. */
    static String label(String cell) {
        return cell == null ? "" : cell.replace("\uFEFF", "").strip();
    }

    private static String listed(List<String> cells) {
        return cells.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    }
}
