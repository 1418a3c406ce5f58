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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

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
        List<RegionRow> seas = seas();
        List<List<String>> regionRows = new ArrayList<>();
        regions.forEach(r -> regionRows.add(List.of(r.iso, r.name, r.nameRu, r.zone, "region", String.join("|", r.aliases))));
        seas.forEach(r -> regionRows.add(List.of(r.iso, r.name, r.nameRu, r.zone, "sea", String.join("|", r.aliases))));
        write(output.resolve("regions.csv"), List.of("iso_code", "name", "name_ru", "zone", "kind", "aliases"), regionRows);
        System.out.printf("regions.csv: %d regions, %d seas%n", regions.size(), seas.size());
        List<DistrictRow> districts = districts(regions);
        Map<DistrictRow, List<String>> former = formerNames(districts, "former-names.csv");
        Map<DistrictRow, List<String>> abolished = formerNames(districts, "abolished-raions.csv");
        write(output.resolve("districts.csv"), List.of("region_iso", "name", "name_ru", "kind", "aliases", "former_names",
                        "abolished_names"),
                districts.stream().map(d -> List.of(d.regionIso, d.name, d.nameRu, d.kind, String.join("|", d.aliases),
                        String.join("|", former.getOrDefault(d, List.of())),
                        String.join("|", abolished.getOrDefault(d, List.of())))).toList());
        System.out.printf("districts.csv: %d districts, %d with former names, %d that took in abolished ones%n",
                districts.size(), former.size(), abolished.size());
        List<List<String>> wider = widerNames(regions);
        write(output.resolve("wider-names.csv"), List.of("name", "region_iso", "note"), wider);
        System.out.printf("wider-names.csv: %d spellings%n", wider.size());
    }

    // ---------------------------------------------------------------- seas, former and wider names

    /** Sea areas from the hand-made supplement: codes of ours, every spelling given there. */
    List<RegionRow> seas() throws IOException {
        List<RegionRow> rows = new ArrayList<>();
        for (NamedCsvRecord row : csv(supplements.resolve("seas.csv"))) {
            String iso = row.getField("iso_code");
            if (!iso.matches("SEA-[A-Z-]+")) {
                throw new IllegalStateException("A sea's code is SEA- and its English name: " + iso);
            }
            java.time.ZoneId.of(row.getField("zone"));
            List<String> aliases = new ArrayList<>(splitAliases(row.getField("aliases")));
            rows.add(new RegionRow(iso, row.getField("name"), row.getField("name_ru"), row.getField("zone"), "", "", aliases));
        }
        return rows;
    }

    /**
     * Former names of districts, from the hand-made supplement, each with its BGN/PCGN transliteration
     * when it is Cyrillic. A line whose district is not in the generated data stops the generator.
     */
    private Map<DistrictRow, List<String>> formerNames(List<DistrictRow> districts, String file) throws IOException {
        Map<String, DistrictRow> byRussianName = new HashMap<>();
        districts.forEach(d -> byRussianName.put(d.regionIso + "|" + d.nameRu, d));
        Map<DistrictRow, List<String>> former = new java.util.IdentityHashMap<>();
        Path path = supplements.resolve(file);
        if (!Files.exists(path)) {
            return former;
        }
        for (NamedCsvRecord row : csv(path)) {
            DistrictRow district = byRussianName.get(row.getField("region_iso") + "|" + row.getField("name_ru"));
            if (district == null) {
                throw new IllegalStateException(file + " line " + row.getStartingLineNumber() + ": no district "
                        + row.getField("name_ru") + " in " + row.getField("region_iso"));
            }
            List<String> names = former.computeIfAbsent(district, k -> new ArrayList<>());
            String name = row.getField("former_name").trim();
            for (String spelling : List.of(name, latin(name))) {
                if (!names.contains(spelling)) {
                    names.add(spelling);
                }
            }
        }
        return former;
    }

    /**
     * Names of wider areas, one line per spelling: the region it counts under (or blank) and the note
     * that says what it means, in the canonical names of the regions it covers.
     */
    private List<List<String>> widerNames(List<RegionRow> regions) throws IOException {
        Map<String, String> names = new HashMap<>();
        regions.forEach(r -> names.put(r.iso, r.name));
        List<List<String>> rows = new ArrayList<>();
        for (NamedCsvRecord row : csv(supplements.resolve("wider-names.csv"))) {
            List<String> covers = new ArrayList<>();
            for (String iso : splitAliases(row.getField("covers"))) {
                String name = names.get(iso);
                if (name == null) {
                    throw new IllegalStateException("wider-names.csv: unknown region " + iso);
                }
                covers.add(name);
            }
            String under = row.getField("counted_under");
            if (!under.isEmpty() && !names.containsKey(under)) {
                throw new IllegalStateException("wider-names.csv: unknown region " + under);
            }
            String note = under.isEmpty()
                    ? "names several regions: " + String.join(", ", covers)
                    : String.join(" and ", covers) + " together, counted under " + names.get(under);
            List<String> spellings = new ArrayList<>();
            spellings.add(row.getField("name"));
            spellings.addAll(splitAliases(row.getField("aliases")));
            for (String spelling : spellings) {
                rows.add(List.of(spelling, under, note));
            }
        }
        return rows;
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
        return NameFolding.transliterate(cyrillic).replaceAll("[ʹʺ’”·]", "");
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

    // ---------------------------------------------------------------- districts

    static final String MUNICIPAL_DISTRICT = "municipal district";
    static final String URBAN_OKRUG = "urban okrug";
    static final String MUNICIPAL_OKRUG = "municipal okrug";
    static final String CITY_DISTRICT = "city district";
    static final String SETTLEMENT = "settlement";
    static final String TOWN = "town";
    static final String RAION = "raion";

    /** One district as it will be bundled; {@code core} is the English name without its kind. */
    record DistrictRow(String regionIso, String core, String name, String nameRu, String kind, List<String> aliases) {
    }

    private static final Pattern OKTMO_HEADING =
            Pattern.compile("^(Муниципальные|Городские округа|Внутригородские|Межселенные|Сельские|Городские поселения)");
    private static final Pattern RUSSIAN_KIND_WORDS = Pattern.compile(
            "(?iu)(?<![\\p{L}])(\\(?поселок городского типа\\)?|рабочий поселок|город-[\\p{L}]+|муниципальный|муниципальное|городской|округ|район|город|ЗАТО|поселок|посёлок|поселение)(?![\\p{L}])");

    List<DistrictRow> districts(List<RegionRow> regions) throws IOException {
        List<DistrictRow> rows = new ArrayList<>();
        rows.addAll(russianDistricts(regions));
        rows.addAll(cityDistricts(rows));
        rows.addAll(ukrainianRaions(regions));
        return dropAmbiguousDistrictAliases(rows);
    }

    /** Municipal districts, urban and municipal okrugs from OKTMO, named in English through GeoNames. */
    private List<DistrictRow> russianDistricts(List<RegionRow> regions) throws IOException {
        Map<String, String> isoByPrefix = new HashMap<>();
        for (RegionRow region : regions) {
            if (!region.oktmoPrefix.isEmpty() && !AUTONOMOUS_OKRUG_PREFIXES.containsValue(region.iso)) {
                String before = isoByPrefix.put(region.oktmoPrefix, region.iso);
                if (before != null) {
                    throw new IllegalStateException("OKTMO prefix " + region.oktmoPrefix + " of " + before + " and " + region.iso);
                }
            }
        }
        Map<String, RegionRow> byIso = new HashMap<>();
        regions.forEach(r -> byIso.put(r.iso, r));
        Map<String, List<String[]>> geonames = geonamesAdmin2();
        Map<String, String> oktmo = JsonMapper.builder().build().readValue(data.resolve("oktmo-2019.json").toFile(),
                new TypeReference<LinkedHashMap<String, String>>() {
                });
        Set<String[]> usedGeonames = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<String, NamedCsvRecord> overrides = new HashMap<>();
        for (NamedCsvRecord row : csv(supplements.resolve("district-names.csv"))) {
            overrides.put(row.getField("region_iso") + "|" + row.getField("oktmo_name"), row);
        }
        List<DistrictRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(oktmo).entrySet()) {
            String code = entry.getKey().substring(0, 8);
            String nameRu = entry.getValue().replace('\u00a0', ' ').replaceAll("\\s+", " ").replaceAll("[/:;]+$", "").trim();
            if (!code.endsWith("000") || code.substring(3, 5).equals("00") || OKTMO_HEADING.matcher(nameRu).find()) {
                continue;
            }
            String iso = AUTONOMOUS_OKRUG_PREFIXES.getOrDefault(code.substring(0, 3), isoByPrefix.get(code.substring(0, 2)));
            if (iso == null || !byIso.containsKey(iso)) {
                continue;
            }
            String kind = russianKind(code, nameRu);
            String coreRu = RUSSIAN_KIND_WORDS.matcher(nameRu).replaceAll(" ").replaceAll("\\s+", " ").trim();
            List<String> aliases = new ArrayList<>();
            String core = capitalized(englishStyle(latin(coreRu)));
            List<String[]> candidates = geonames.getOrDefault(byIso.get(iso).geonamesAdmin1, List.of());
            String[] match = matchGeonames(coreRu, candidates, usedGeonames);
            if (match != null) {
                core = englishStyle(match[1]);
                aliases.add(match[0]);
                usedGeonames.add(match);
            }
            NamedCsvRecord override = overrides.get(iso + "|" + nameRu);
            if (override != null) {
                core = override.getField("name");
                aliases.addAll(splitAliases(override.getField("aliases")));
            }
            core = capitalized(core.replace("№", "No.").replaceAll("[«»\"]", "").replaceAll("[:;,.\\s]+$", "").trim());
            String name = core + " " + englishKind(kind);
            rows.add(new DistrictRow(iso, core, name, russianDisplayName(nameRu, coreRu, kind), kind, aliases));
        }
        return rows;
    }

    /** OKTMO numbers the autonomous okrugs inside the oblast that surrounds them. */
    private static final Map<String, String> AUTONOMOUS_OKRUG_PREFIXES =
            Map.of("118", "RU-NEN", "718", "RU-KHM", "719", "RU-YAN");

    private static String russianKind(String code, String nameRu) {
        String lower = nameRu.toLowerCase(java.util.Locale.ROOT);
        char level = code.charAt(2);
        if (lower.contains("муниципальный район") || (level == '6' && !lower.contains("округ"))) {
            return MUNICIPAL_DISTRICT;
        }
        if (lower.contains("муниципальный округ")) {
            return MUNICIPAL_OKRUG;
        }
        if (level == '3' || level == '9') {
            if (lower.startsWith("поселок") || lower.startsWith("поселение")) {
                return SETTLEMENT;
            }
            if (lower.startsWith("город ")) {
                return TOWN;
            }
        }
        return URBAN_OKRUG;
    }

    private static String englishKind(String kind) {
        return switch (kind) {
            case MUNICIPAL_DISTRICT, CITY_DISTRICT -> "District";
            case URBAN_OKRUG -> "Urban Okrug";
            case MUNICIPAL_OKRUG -> "Municipal Okrug";
            case SETTLEMENT -> "Settlement";
            case TOWN -> "Town";
            case RAION -> "Raion";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** "Шебекинский" alone says nothing of its kind; the classifier's heading did. */
    private static String russianDisplayName(String nameRu, String coreRu, String kind) {
        if (!nameRu.equals(coreRu)) {
            return nameRu;
        }
        return switch (kind) {
            case URBAN_OKRUG -> coreRu.matches(".*(ий|ый|ой|ое|ая)$") ? coreRu + " городской округ" : "городской округ " + coreRu;
            case MUNICIPAL_OKRUG -> coreRu + " муниципальный округ";
            default -> coreRu + " муниципальный район";
        };
    }

    /** GeoNames admin2 of each region, by admin1 code: {full name, name without its kind}. */
    private Map<String, List<String[]>> geonamesAdmin2() throws IOException {
        Map<String, List<String[]>> byRegion = new HashMap<>();
        for (List<String> row : tsv(data.resolve("geonames-admin-RU-UA.tsv"))) {
            String code = row.get(0);
            int lastDot = code.lastIndexOf('.');
            if (code.indexOf('.') == lastDot) {
                continue;
            }
            String name = row.get(1);
            byRegion.computeIfAbsent(code.substring(0, lastDot), k -> new ArrayList<>())
                    .add(new String[] {name, geonamesCore(name), code});
        }
        return byRegion;
    }

    private static final Pattern GEONAMES_KIND = Pattern.compile(
            "(?iu)(?<![\\p{L}])(Rayon|Raion|District|Urban|City|Okrug|Gorodskoy|Gorod|Munitsipal\\S*|Municipal|ZATO|and|Miskrada)(?![\\p{L}])");

    private static String geonamesCore(String name) {
        return GEONAMES_KIND.matcher(name).replaceAll(" ").replaceAll("\\s+", " ").trim();
    }

    /**
     * The GeoNames name of the same place: equal spelling keys, or failing that the one unused name a
     * single letter away that begins alike (never a neighbour with another first letter: Bisertsky is
     * not Sysertsky).
     */
    private static String[] matchGeonames(String coreRu, List<String[]> candidates, Set<String[]> used) {
        String key = NameFolding.spelling(coreRu);
        List<String[]> equal = candidates.stream().filter(c -> NameFolding.spelling(c[1]).equals(key)).toList();
        if (!equal.isEmpty()) {
            return equal.stream().filter(c -> !c[0].equals(c[1])).findFirst().orElse(equal.get(0));
        }
        if (key.length() < 7) {
            return null;
        }
        List<String[]> close = candidates.stream()
                .filter(c -> !used.contains(c))
                .filter(c -> {
                    String other = NameFolding.spelling(c[1]);
                    return other.regionMatches(0, key, 0, 3) && LevenshteinDistance.getDefaultInstance().apply(key, other) <= 1;
                }).toList();
        return close.size() == 1 ? close.get(0) : null;
    }

    /**
     * One English style whatever the source wrote: BGN/PCGN letters without primes, and the adjective
     * endings as English usage writes them ("Zhirnovskiy" -> "Zhirnovsky", "Krasnyy" -> "Krasny").
     */
    static String englishStyle(String latin) {
        String s = latin.replaceAll("[ʹʺ’'`]", "").replace("ë", "yo").replace("Ë", "Yo").trim();
        StringBuilder out = new StringBuilder();
        Matcher words = Pattern.compile("\\p{L}+|[^\\p{L}]+").matcher(s);
        while (words.find()) {
            String word = words.group();
            if (Character.isLetter(word.charAt(0))) {
                word = word.replaceAll("(?<=[^aeiouy])(iy|yy)$", "y");
            }
            out.append(word);
        }
        return out.toString();
    }

    /** Ukrainian raions from KATOTTG, with GeoNames English names joined by code. */
    private List<DistrictRow> ukrainianRaions(List<RegionRow> regions) throws IOException {
        Map<String, String> isoByGeonames = new HashMap<>();
        regions.forEach(r -> isoByGeonames.put(r.geonamesAdmin1, r.iso));
        Map<String, String[]> geonamesByKatottg = new HashMap<>();
        Map<String, String> isoByKatottgOblast = new HashMap<>();
        for (List<String[]> list : geonamesAdmin2().values()) {
            for (String[] g : list) {
                if (g[2].startsWith("UA.")) {
                    String digits = g[2].substring(g[2].lastIndexOf('.') + 1);
                    String admin1 = g[2].substring(0, g[2].lastIndexOf('.'));
                    geonamesByKatottg.put(digits, g);
                    String iso = isoByGeonames.get(admin1);
                    if (iso != null && digits.length() == 4) {
                        isoByKatottgOblast.putIfAbsent(digits.substring(0, 2), iso);
                    }
                }
            }
        }
        List<DistrictRow> rows = new ArrayList<>();
        for (NamedCsvRecord row : csv(data.resolve("katottg-UA-2025-05-16.csv"), ';')) {
            String category = row.getField("Категорія об’єкта");
            String level1 = row.getField("Перший рівень");
            String oblast = level1.substring(2, 4);
            String nameUk = row.getField("Назва об’єкта").trim();
            String iso;
            String kind;
            if (category.equals("P")) {
                iso = isoByKatottgOblast.get(oblast);
                kind = RAION;
            } else if (category.equals("B") && oblast.equals("80")) {
                iso = "UA-30";
                kind = CITY_DISTRICT;
            } else {
                continue;
            }
            // Crimea and Sevastopol are named by the Russian classifier, as the sources that report them do.
            if (iso == null || iso.equals("UA-43") || iso.equals("UA-40")) {
                continue;
            }
            List<String> aliases = new ArrayList<>();
            String core = ukrainianStyle(NameFolding.transliterateUkrainian(nameUk).replaceAll("[ʹʺ’”·]", ""));
            String[] g = kind.equals(RAION) ? geonamesByKatottg.get(row.getField("Другий рівень").substring(2, 6)) : null;
            if (g != null && NameFolding.spelling(g[1]).equals(NameFolding.spelling(nameUk))) {
                core = ukrainianStyle(g[1]);
                aliases.add(g[0]);
            } else if (g != null) {
                aliases.add(g[0]);
            }
            rows.add(new DistrictRow(iso, core, core + " " + englishKind(kind), nameUk + " район", kind, aliases));
        }
        return rows;
    }

    static List<String> splitAliases(String aliases) {
        List<String> list = new ArrayList<>();
        for (String alias : aliases.split("\\|")) {
            if (!alias.isBlank()) {
                list.add(alias.trim());
            }
        }
        return list;
    }

    /** Ukrainian adjectives the way Ukraine romanizes them: "Bakhmutskyi". */
    static String ukrainianStyle(String latin) {
        return latin.replaceAll("[ʹʺ’'`]", "").replaceAll("(?<=[^aeiouy])(yy|iy|yi)\\b", "yi").trim();
    }

    /**
     * Hand-made: the city districts of the cities reports name most, which no source lists. One whose
     * name a district of the region already has (Rostov-on-Don's Sovetsky District and the region's
     * Sovetsky District) is named with its city, and its bare name stays with the other.
     */
    private List<DistrictRow> cityDistricts(List<DistrictRow> others) throws IOException {
        Map<String, Set<String>> taken = new HashMap<>();
        for (DistrictRow other : others) {
            taken.computeIfAbsent(other.regionIso, k -> new java.util.HashSet<>()).add(NameFolding.spelling(other.name));
        }
        List<DistrictRow> rows = new ArrayList<>();
        for (NamedCsvRecord row : csv(supplements.resolve("city-districts.csv"))) {
            String iso = row.getField("region_iso");
            String city = row.getField("city");
            String cityRu = row.getField("city_ru");
            String name = row.getField("name");
            String nameRu = row.getField("name_ru");
            String core = GEONAMES_KIND.matcher(name).replaceAll(" ").replaceAll("\\s+", " ").trim();
            List<String> aliases = new ArrayList<>();
            aliases.add(city + " " + name);
            aliases.add(name + " " + city);
            aliases.add(cityRu + " " + nameRu);
            if (taken.getOrDefault(iso, Set.of()).contains(NameFolding.spelling(name))) {
                name = name + " (" + city + ")";
                nameRu = nameRu + " (" + cityRu + ")";
                for (String alias : splitAliases(row.getField("aliases"))) {
                    aliases.add(city + " " + alias);
                    aliases.add(alias + " " + city);
                }
            } else {
                aliases.addAll(splitAliases(row.getField("aliases")));
            }
            rows.add(new DistrictRow(iso, core, name, nameRu, CITY_DISTRICT, aliases));
        }
        return rows;
    }

    /**
     * Within a region every canonical name must resolve to its own place: a district whose canonical
     * name clashes with another gets its city or kind added, and an alias two districts could claim is
     * left out, and said so.
     */
    private List<DistrictRow> dropAmbiguousDistrictAliases(List<DistrictRow> rows) {
        Map<String, List<DistrictRow>> byRegion = new LinkedHashMap<>();
        rows.forEach(r -> byRegion.computeIfAbsent(r.regionIso, k -> new ArrayList<>()).add(r));
        List<DistrictRow> kept = new ArrayList<>();
        for (List<DistrictRow> inRegion : byRegion.values()) {
            Map<String, Set<DistrictRow>> claims = new HashMap<>();
            for (DistrictRow row : inRegion) {
                for (String name : List.of(row.name, row.nameRu)) {
                    claims.computeIfAbsent(NameFolding.normalize(name), k -> new LinkedHashSet<>()).add(row);
                }
            }
            Map<String, Set<DistrictRow>> aliasClaims = new HashMap<>();
            for (DistrictRow row : inRegion) {
                for (String alias : row.aliases) {
                    aliasClaims.computeIfAbsent(NameFolding.normalize(alias), k -> new LinkedHashSet<>()).add(row);
                }
            }
            for (DistrictRow row : inRegion) {
                Set<String> seen = new LinkedHashSet<>(List.of(NameFolding.normalize(row.name), NameFolding.normalize(row.nameRu)));
                List<String> aliases = new ArrayList<>();
                for (String alias : row.aliases) {
                    String key = NameFolding.normalize(alias);
                    if (key.isEmpty() || !seen.add(key)) {
                        continue;
                    }
                    Set<DistrictRow> claimedBy = new LinkedHashSet<>(claims.getOrDefault(key, Set.of()));
                    claimedBy.addAll(aliasClaims.getOrDefault(key, Set.of()));
                    if (claimedBy.stream().anyMatch(other -> other != row)) {
                        warnings.add("alias '" + alias + "' of " + row.name + " (" + row.regionIso + ") left out: another district has that name or alias");
                    } else {
                        aliases.add(alias);
                    }
                }
                kept.add(new DistrictRow(row.regionIso, row.core, row.name, row.nameRu, row.kind, aliases));
            }
            for (Map.Entry<String, Set<DistrictRow>> claim : claims.entrySet()) {
                if (claim.getValue().size() > 1) {
                    warnings.add("'" + claim.getKey() + "' names " + claim.getValue().size() + " districts of "
                            + inRegion.get(0).regionIso + ": " + claim.getValue().stream().map(DistrictRow::name).toList());
                }
            }
        }
        return kept;
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
        return csv(file, ',');
    }

    static List<NamedCsvRecord> csv(Path file, char separator) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().skipEmptyLines(true).fieldSeparator(separator)
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
