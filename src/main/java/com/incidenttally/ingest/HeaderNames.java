package com.incidenttally.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names people give our columns in English, Russian and Ukrainian (the resource
 * {@code header-synonyms.csv}), and how a header cell is compared with them: case, {@code ё}/{@code е},
 * spaces and punctuation folded away, text in brackets dropped, and table-header abbreviations
 * ({@code кол-во}, {@code нас. пункт}; {@code header-abbreviations.csv}) read in full.
 */
public final class HeaderNames {

    /** One name of the list, as written there. */
    public record Synonym(Field field, String language, String name) {
    }

    /** A unit of count after a comma at the end of a header: {@code , чел.}, {@code , шт}, {@code , people}. */
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(
            ",\\s*(?:чел|человек|шт|ед|осіб|ос|од|people|persons|pcs|units)\\.?\\s*$");

    private static final HeaderNames BUNDLED = load();

    private final List<Synonym> synonyms;
    private final Map<String, Set<Field>> fieldsByKey;
    private final Map<String, String> abbreviations;

    private HeaderNames(List<Synonym> synonyms, Map<String, String> abbreviations) {
        this.synonyms = List.copyOf(synonyms);
        this.abbreviations = Map.copyOf(abbreviations);
        Map<String, Set<Field>> byKey = new HashMap<>();
        for (Field field : Field.values()) {
            // Our own names come first and always match: an old file reads as it always did.
            if (field != Field.DATE && field != Field.TIME) {
                byKey.computeIfAbsent(key(field.key()), k -> EnumSet.noneOf(Field.class)).add(field);
            }
        }
        for (Synonym synonym : synonyms) {
            byKey.computeIfAbsent(key(synonym.name()), k -> EnumSet.noneOf(Field.class)).add(synonym.field());
        }
        this.fieldsByKey = Map.copyOf(byKey);
    }

    public static HeaderNames bundled() {
        return BUNDLED;
    }

    /** Every name of the list, in its order. */
    public List<Synonym> synonyms() {
        return synonyms;
    }

    /**
     * The fields a header cell could name: none, one, or (for a name two fields share, such as
     * {@code territory}) several, which the caller must not guess between.
     */
    public Set<Field> fieldsOf(String header) {
        return fieldsByKey.getOrDefault(key(header), Set.of());
    }

    /** Whether the cell is one of our own column names, as files of earlier versions write them. */
    public boolean isOwnName(String header, Field field) {
        return field.column().header().replace("_", "").equals(key(header)) && field != Field.DATE && field != Field.TIME;
    }

    /**
     * The folded form of a header cell: lower case, {@code ё} as {@code е}, text in brackets dropped,
     * abbreviations written out, nothing but letters and digits. {@code "Кол-во (шт.)"} and
     * {@code "КОЛИЧЕСТВО"} both give {@code количество}.
     */
    public String key(String header) {
        if (header == null) {
            return "";
        }
        String text = header.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('\uFEFF', ' ');
        // A unit after a comma is a bracket's note too: "Погибшие, чел." as "Погибшие (чел.)".
        String unbracketed = UNIT.matcher(text.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ")).replaceAll(" ");
        if (!letters(unbracketed).isEmpty()) {
            text = unbracketed;
        }
        StringBuilder key = new StringBuilder(text.length());
        for (String word : text.split("[\\s\\p{Z}_/]+")) {
            String folded = letters(word);
            String full = abbreviations.get(folded);
            key.append(full != null ? full : folded);
        }
        return key.toString();
    }

    private static String letters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static HeaderNames load() {
        List<Synonym> synonyms = new ArrayList<>();
        for (String[] row : rows("header-synonyms.csv", 3)) {
            Field field = Field.of(row[0]).orElseThrow(() -> new IllegalStateException(
                    "header-synonyms.csv: unknown field " + row[0]));
            synonyms.add(new Synonym(field, row[1], row[2]));
        }
        Map<String, String> abbreviations = new LinkedHashMap<>();
        for (String[] row : rows("header-abbreviations.csv", 2)) {
            abbreviations.put(letters(row[0].toLowerCase(Locale.ROOT).replace('ё', 'е')),
                    letters(row[1].toLowerCase(Locale.ROOT).replace('ё', 'е')));
        }
        return new HeaderNames(Collections.unmodifiableList(synonyms), abbreviations);
    }

    /** The resource's lines: comments and the header line left out, fields split on commas. */
    private static List<String[]> rows(String resource, int fields) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = HeaderNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] row = line.split(",", fields);
                if (row.length != fields) {
                    throw new IllegalStateException(resource + ": expected " + fields + " fields: " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
