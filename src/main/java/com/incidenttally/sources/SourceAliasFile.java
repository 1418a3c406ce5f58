package com.incidenttally.sources;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The source lines of a user's aliases file: those whose {@code kind} column says {@code source}, e.g.
 * {@code Russian MoD,,Минобороны России,source}. The region column of a source line is blank. The
 * place lines, and the file's layout, are the gazetteer's to check.
 */
public final class SourceAliasFile {

    private static final int INPUT = 0;
    private static final int REGION = 1;
    private static final int CANONICAL = 2;

    private SourceAliasFile() {
    }

    /**
     * @throws IllegalArgumentException naming the file and line when a source line is wrong
     */
    public static SourceNames read(Path file) {
        Map<String, String> canonicalByAlias = new LinkedHashMap<>();
        Map<String, Long> lineByKey = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).detectBomHeader(true)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            int kindColumn = -1;
            boolean header = true;
            for (CsvRecord row : reader) {
                if (header) {
                    kindColumn = row.getFields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList().indexOf("kind");
                    header = false;
                    if (kindColumn < 0) {
                        return SourceNames.NONE;
                    }
                    continue;
                }
                List<String> fields = row.getFields();
                if (fields.size() <= Math.max(kindColumn, CANONICAL)
                        || !fields.get(kindColumn).trim().equalsIgnoreCase("source")) {
                    continue;
                }
                long line = row.getStartingLineNumber();
                String alias = fields.get(INPUT).trim();
                String canonical = fields.get(CANONICAL).trim();
                if (alias.isEmpty() || canonical.isEmpty()) {
                    // Blank names are the place lines' rules to report, or a name not yet decided.
                    continue;
                }
                if (!fields.get(REGION).isBlank()) {
                    throw new IllegalArgumentException(file + ":" + line + ": a source's alias has a blank region column,"
                            + " not '" + fields.get(REGION).trim() + "'");
                }
                String key = SourceNames.fold(alias);
                String earlier = canonicalByAlias.get(key);
                if (earlier != null && !SourceNames.fold(earlier).equals(SourceNames.fold(canonical))) {
                    throw new IllegalArgumentException(file + ":" + line + ": '" + alias + "' is already an alias of '"
                            + earlier + "' on line " + lineByKey.get(key));
                }
                canonicalByAlias.putIfAbsent(key, canonical);
                lineByKey.putIfAbsent(key, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (CsvParseException e) {
            throw new IllegalArgumentException(file + ": is not valid CSV: " + e.getMessage(), e);
        }
        try {
            return SourceNames.of(canonicalByAlias);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
