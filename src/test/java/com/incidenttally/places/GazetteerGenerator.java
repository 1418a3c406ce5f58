package com.incidenttally.places;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the bundled gazetteer ({@code src/main/resources/places/*.csv}) from the public sources in the
 * shared data folder and the hand-made supplements under {@code src/main/gazetteer/}.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.incidenttally.places.GazetteerGenerator \
 *     -Dexec.args="../shared/data/places src/main/resources/places"
 * </pre>
 * Arguments: the data folder, the output folder, and optionally the supplements folder
 * (default {@code src/main/gazetteer}). The output depends only on the inputs: rerunning it changes nothing.
 */
public final class GazetteerGenerator {

    private final Path data;
    private final Path supplements;
    private final List<String> warnings = new ArrayList<>();

    GazetteerGenerator(Path data, Path supplements) {
        this.data = data;
        this.supplements = supplements;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GazetteerGenerator DATA_FOLDER OUTPUT_FOLDER [SUPPLEMENTS_FOLDER]");
            System.exit(2);
        }
        Path supplements = Path.of(args.length > 2 ? args[2] : "src/main/gazetteer");
        GazetteerGenerator generator = new GazetteerGenerator(Path.of(args[0]), supplements);
        generator.writeTo(Path.of(args[1]));
        generator.warnings.forEach(w -> System.err.println("warning: " + w));
    }

    void writeTo(Path output) throws IOException {
        Files.createDirectories(output);
        List<RegionRow> regions = regions();
        write(output.resolve("regions.csv"), List.of("iso_code", "name", "name_ru", "zone", "aliases"),
                regions.stream().map(r -> List.of(r.iso, r.name, r.nameRu, r.zone, String.join("|", r.aliases))).toList());
        System.out.printf("regions.csv: %d regions%n", regions.size());
    }

    List<String> warnings() {
        return warnings;
    }

    // ---------------------------------------------------------------- regions

    record RegionRow(String iso, String name, String nameRu, String zone, String oktmoPrefix,
                     String geonamesAdmin1, List<String> aliases) {
    }

    List<RegionRow> regions() throws IOException {
        Map<String, Map<String, String>> facts = new HashMap<>();
        for (List<String> row : tsv(data.resolve("regions.tsv"))) {
            facts.put(row.get(0), Map.of("oktmo", row.get(1), "geonames", row.get(2), "zone", row.get(3)));
        }
        Map<String, String> geonamesNames = new HashMap<>();
        for (List<String> row : tsv(data.resolve("geonames-admin-RU-UA.tsv"))) {
            geonamesNames.put(row.get(0), row.get(1));
        }
        Map<String, NamedCsvRecord> supplement = new LinkedHashMap<>();
        for (NamedCsvRecord row : csv(supplements.resolve("regions.csv"))) {
            supplement.put(row.getField("iso_code"), row);
        }
        List<RegionRow> rows = new ArrayList<>();
        for (String country : List.of("RU", "UA")) {
            Map<String, Map<String, String>> en = isoNames(country, "en");
            Map<String, Map<String, String>> ru = isoNames(country, "ru");
            for (String iso : new TreeMap<>(en).keySet()) {
                NamedCsvRecord extra = supplement.get(iso);
                Map<String, String> fact = facts.get(iso);
                if (country.equals("UA") && extra == null) {
                    continue;
                }
                String isoEn = en.get(iso).get("name");
                String isoRu = ru.get(iso).get("name");
                String name = field(extra, "name", isoEn);
                String nameRu = field(extra, "name_ru", isoRu);
                String zone = field(extra, "zone", fact == null ? "" : fact.get("zone"));
                if (zone.isEmpty()) {
                    throw new IllegalStateException("No time zone for " + iso);
                }
                String geonamesCode = fact != null ? fact.get("geonames") : country + "." + en.get(iso).get("geonames_admin1");
                Set<String> aliases = new LinkedHashSet<>();
                aliases.add(isoEn);
                aliases.add(isoRu);
                String geonamesName = geonamesNames.get(geonamesCode);
                if (geonamesName != null) {
                    aliases.add(geonamesName);
                }
                aliases.add(latin(nameRu));
                aliases.add(latin(isoRu));
                for (String kind : List.of(" Oblast", " Krai")) {
                    if (name.endsWith(kind)) {
                        String stem = name.substring(0, name.length() - kind.length());
                        aliases.add(stem + " region");
                    }
                }
                if (extra != null) {
                    for (String alias : extra.getField("aliases").split("\\|")) {
                        if (!alias.isBlank()) {
                            aliases.add(alias.trim());
                        }
                    }
                }
                rows.add(new RegionRow(iso, name, nameRu, zone, fact == null ? "" : fact.get("oktmo"),
                        geonamesCode, new ArrayList<>(aliases)));
            }
        }
        return dropAmbiguousRegionAliases(rows);
    }

    /**
     * An alias that another region could also claim (GeoNames calls Kyiv Oblast "Kyiv", Altai Republic
     * "Altai") would resolve to the wrong place: it is left out, and said so.
     */
    private List<RegionRow> dropAmbiguousRegionAliases(List<RegionRow> rows) {
        Map<String, Set<String>> claims = new HashMap<>();
        for (RegionRow row : rows) {
            claims.computeIfAbsent(NameFolding.core(row.name), k -> new LinkedHashSet<>()).add(row.iso);
            claims.computeIfAbsent(NameFolding.normalize(row.name), k -> new LinkedHashSet<>()).add(row.iso);
            claims.computeIfAbsent(NameFolding.normalize(row.nameRu), k -> new LinkedHashSet<>()).add(row.iso);
        }
        List<RegionRow> kept = new ArrayList<>();
        for (RegionRow row : rows) {
            Set<String> seen = new LinkedHashSet<>();
            seen.add(NameFolding.normalize(row.name));
            seen.add(NameFolding.normalize(row.nameRu));
            List<String> aliases = new ArrayList<>();
            for (String alias : row.aliases) {
                String key = NameFolding.normalize(alias);
                Set<String> claimedBy = claims.getOrDefault(key, Set.of());
                if (seen.contains(key)) {
                    continue;
                }
                if (claimedBy.stream().anyMatch(iso -> !iso.equals(row.iso))) {
                    warnings.add("alias '" + alias + "' of " + row.iso + " left out: it names " + claimedBy);
                } else {
                    seen.add(key);
                    aliases.add(alias);
                }
            }
            kept.add(new RegionRow(row.iso, row.name, row.nameRu, row.zone, row.oktmoPrefix, row.geonamesAdmin1, aliases));
        }
        return kept;
    }

    /** BGN/PCGN romanization, without the primes it writes for soft and hard signs. */
    static String latin(String cyrillic) {
        return NameFolding.transliterate(cyrillic).replaceAll("[ʹʺ’”]", "");
    }

    private Map<String, Map<String, String>> isoNames(String country, String language) {
        List<Map<String, String>> list = JsonMapper.builder().build().readValue(
                data.resolve("iso3166-2-" + country + "-" + language + ".json").toFile(),
                new TypeReference<List<Map<String, String>>>() {
                });
        Map<String, Map<String, String>> byIso = new HashMap<>();
        list.forEach(m -> byIso.put(m.get("iso"), m));
        return byIso;
    }

    private static String field(NamedCsvRecord row, String name, String fallback) {
        if (row == null) {
            return fallback;
        }
        String value = row.findField(name).orElse("").trim();
        return value.isEmpty() ? fallback : value;
    }

    // ---------------------------------------------------------------- files

    static List<List<String>> tsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(List.of(line.split("\t", -1)));
            }
        }
        return rows;
    }

    static List<NamedCsvRecord> csv(Path file) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP)
                .ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            return reader.stream().toList();
        }
    }

    static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8)) {
            writer.writeRecord(header);
            rows.forEach(writer::writeRecord);
        }
    }
}
