package com.incidenttally.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two {@code summary.json} files as parsed JSON: every field, wherever it is, located by its JSON
 * pointer ({@code /by_region/3/incidents}) and, in a list, by the region, district or night the entry is
 * about. Objects are compared by their fields, not their order; lists in order. A number equals another when
 * both are whole or both are not, and they are the same number ({@code 5} and {@code 5.0} differ: a
 * reader's program sees an integer in one and a fraction in the other).
 */
final class JsonDiff {

    /**
     * Fields that are the run's own, compared in neither file: none. Every field of {@code summary.json}
     * follows from the input files and the options ({@code --now} included): the label and period from the
     * options and the nights stored, {@code rows} from the files, the rest from the incidents. It carries no
     * generation time, timing, job or execution id, or path. A field added with such a value would show as a
     * difference on every run, and belongs here, by its pointer, with the reason.
     */
    static final Set<String> RUN_OWN_FIELDS = Set.of();

    /** The fields that say which entry of a list a difference is in. */
    private static final List<String> IDENTIFYING = List.of("region", "district", "night");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String file;
    private final Differences differences;
    private long values;

    JsonDiff(String file, Differences differences) {
        this.file = file;
        this.differences = differences;
    }

    /** How many values (numbers, texts, booleans, nulls) of the before file were compared. */
    long values() {
        return values;
    }

    void compare(Path before, Path after) throws IOException {
        compare(read(before), read(after), "", "");
    }

    private static JsonNode read(Path json) throws IOException {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void compare(JsonNode before, JsonNode after, String pointer, String entry) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                String field = pointer + "/" + name;
                if (RUN_OWN_FIELDS.contains(field)) {
                    continue;
                }
                JsonNode x = before.get(name);
                JsonNode y = after.get(name);
                if (x == null || y == null) {
                    differences.add(file, field + entry, x == null ? Differences.NONE : shown(x),
                            y == null ? Differences.NONE : shown(y));
                } else {
                    compare(x, y, field, entry);
                }
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                JsonNode x = before.get(i);
                JsonNode y = after.get(i);
                String element = pointer + "/" + i;
                if (x == null || y == null) {
                    differences.add(file, element + entryOf(x == null ? y : x),
                            x == null ? Differences.NONE : shown(x), y == null ? Differences.NONE : shown(y));
                } else {
                    compare(x, y, element, entryOf(x));
                }
            }
        } else {
            if (!before.isContainer()) {
                values++;
            }
            if (!same(before, after)) {
                differences.add(file, pointer + entry, shown(before), shown(after));
            }
        }
    }

    private static boolean same(JsonNode before, JsonNode after) {
        if (before.isNumber() && after.isNumber()) {
            return before.isIntegralNumber() == after.isIntegralNumber()
                    && before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return before.equals(after);
    }

    /** {@code " (Belgorod Oblast, Belgorodsky District)"}: what a list entry is about, or "". */
    private static String entryOf(JsonNode element) {
        if (element == null || !element.isObject()) {
            return "";
        }
        List<String> about = new ArrayList<>();
        for (String field : IDENTIFYING) {
            JsonNode value = element.get(field);
            if (value != null && value.isString()) {
                about.add(value.stringValue());
            }
        }
        return about.isEmpty() ? "" : " (" + String.join(", ", about) + ")";
    }

    private static String shown(JsonNode node) {
        String json = node.toString();
        return node.isString() ? Differences.quoted(node.stringValue()) : json.length() > 200
                ? json.substring(0, 200) + " … (" + json.length() + " characters)" : json;
    }
}
