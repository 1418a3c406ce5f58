package com.incidenttally.ingest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a mapping file ({@code --columns}) says about one input file: which of its columns feeds a
 * field, and which fields take a constant for every row.
 *
 * @param columns the header, as written in the file, that feeds each field
 * @param values  the constant each field takes
 * @param lines   the mapping file's line of each rule, for messages
 * @param origin  the mapping file's name, for messages
 */
public record ColumnRules(Map<Field, String> columns, Map<Field, String> values, Map<Field, Long> lines, String origin) {

    /** No mapping: the header is read by our names and their synonyms alone. */
    public static final ColumnRules NONE = new ColumnRules(Map.of(), Map.of(), Map.of(), "");

    public ColumnRules {
        columns = Collections.unmodifiableMap(columns.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(columns));
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(values));
        lines = Map.copyOf(lines);
    }

    boolean isEmpty() {
        return columns.isEmpty() && values.isEmpty();
    }

    boolean rules(Field field) {
        return columns.containsKey(field) || values.containsKey(field);
    }

    /** Where a rule was written, {@code columns.csv:3}. */
    String where(Field field) {
        Long line = lines.get(field);
        return line == null ? origin : origin + ":" + line;
    }
}
