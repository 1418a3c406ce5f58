package com.incidenttally.places;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's aliases file: {@code input_name,region,canonical_name}, one spelling a line.
 * Region blank: the spelling is a region's; otherwise a district's inside that region.
 * The canonical name must be a place of the gazetteer (its English or Russian name, or a region's ISO code).
 * <p>
 * More columns may follow the three, as in {@code unresolved-names.csv}: a {@code kind} column says
 * whether a line is a region's, a district's or a source's spelling (source lines are read by
 * {@code SourceNames}, not here); any other column is for the reader and ignored. In such a file a
 * line whose canonical_name is still blank is a name not yet decided, and is skipped.
 */
record AliasFile(Map<String, Region> regions, Map<String, Map<String, District>> districts) {

    static final List<String> HEADER = List.of("input_name", "region", "canonical_name");
    /** The optional column that says what a line's input name is. */
    static final String KIND = "kind";
    static final String KIND_REGION = "region";
    static final String KIND_DISTRICT = "district";
    static final String KIND_SOURCE = "source";
    /** A team's own word for an event type; read by {@code EventWords}, not here. */
    static final String KIND_EVENT_TYPE = "event_type";

    static AliasFile read(Path file, Gazetteer gazetteer) throws AliasFileException {
        if (!Files.isRegularFile(file)) {
            throw new AliasFileException(file, "no such file", null);
        }
        Map<String, Region> regions = new HashMap<>();
        Map<String, Long> regionLines = new HashMap<>();
        Map<String, Map<String, District>> districts = new HashMap<>();
        Map<String, Long> districtLines = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).detectBomHeader(true)
                .allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            int columns = HEADER.size();
            int kindColumn = -1;
            for (CsvRecord row : reader) {
                long line = row.getStartingLineNumber();
                if (header) {
                    List<String> names = row.getFields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
                    if (names.size() < HEADER.size() || !names.subList(0, HEADER.size()).equals(HEADER)) {
                        throw new AliasFileException(file, line,
                                "the header must be input_name,region,canonical_name, not " + String.join(",", row.getFields()));
                    }
                    columns = names.size();
                    kindColumn = names.indexOf(KIND);
                    header = false;
                    continue;
                }
                if (row.getFieldCount() < HEADER.size() || row.getFieldCount() > columns) {
                    throw new AliasFileException(file, line, (columns == HEADER.size() ? "expected 3 fields"
                            : "expected 3 to " + columns + " fields") + " (input_name,region,canonical_name"
                            + (columns == HEADER.size() ? "" : ", …") + "), found " + row.getFieldCount());
                }
                String input = row.getField(0).trim();
                String regionName = row.getField(1).trim();
                String canonical = row.getField(2).trim();
                String kind = kindColumn >= 0 && kindColumn < row.getFieldCount()
                        ? row.getField(kindColumn).trim().toLowerCase(Locale.ROOT) : "";
                if (!kind.isEmpty() && !List.of(KIND_REGION, KIND_DISTRICT, KIND_SOURCE, KIND_EVENT_TYPE).contains(kind)) {
                    throw new AliasFileException(file, line, "kind must be region, district, source or event_type, not '"
                            + kind + "'");
                }
                if (input.isEmpty()) {
                    throw new AliasFileException(file, line, "input_name is blank");
                }
                if (canonical.isEmpty() && columns > HEADER.size()) {
                    continue;
                }
                if (canonical.isEmpty()) {
                    throw new AliasFileException(file, line, "canonical_name is blank");
                }
                if (kind.equals(KIND_SOURCE) || kind.equals(KIND_EVENT_TYPE)) {
                    continue;
                }
                if (kind.equals(KIND_REGION) && !regionName.isEmpty()) {
                    throw new AliasFileException(file, line, "a region's alias has a blank region column, not '" + regionName + "'");
                }
                if (kind.equals(KIND_DISTRICT) && regionName.isEmpty()) {
                    throw new AliasFileException(file, line, "a district's alias needs the region it lies in");
                }
                String key = NameFolding.normalize(input);
                if (key.isEmpty()) {
                    throw new AliasFileException(file, line, "input_name '" + input + "' has no letters or digits");
                }
                if (regionName.isEmpty()) {
                    Region region = canonicalRegion(gazetteer, canonical).orElseThrow(() -> new AliasFileException(file, line,
                            "'" + canonical + "' is not a region of the gazetteer (give its English name, e.g. Rostov Oblast, or ISO code)"));
                    Region earlier = regions.putIfAbsent(key, region);
                    if (earlier != null && !earlier.equals(region)) {
                        throw new AliasFileException(file, line, "'" + input + "' is already an alias of "
                                + earlier.name() + " on line " + regionLines.get(key));
                    }
                    regionLines.putIfAbsent(key, line);
                } else {
                    PlaceMatch<Region> match = gazetteer.resolveRegion(regionName);
                    if (!match.resolved() || match.method() == MatchMethod.FUZZY) {
                        throw new AliasFileException(file, line, "region '" + regionName + "' is not a region of the gazetteer");
                    }
                    Region region = match.place();
                    District district = canonicalDistrict(gazetteer, region, canonical).orElseThrow(() -> new AliasFileException(file, line,
                            "'" + canonical + "' is not a district of " + region.name() + " in the gazetteer"));
                    Map<String, District> inRegion = districts.computeIfAbsent(region.isoCode(), k -> new HashMap<>());
                    District earlier = inRegion.putIfAbsent(key, district);
                    String lineKey = region.isoCode() + '\u0000' + key;
                    if (earlier != null && !earlier.equals(district)) {
                        throw new AliasFileException(file, line, "'" + input + "' is already an alias of "
                                + earlier.name() + " on line " + districtLines.get(lineKey));
                    }
                    districtLines.putIfAbsent(lineKey, line);
                }
            }
            if (header) {
                throw new AliasFileException(file, 1, "the file is empty; expected the header input_name,region,canonical_name");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new AliasFileException(file, "cannot be read: " + e.getMessage(), e);
        } catch (CsvParseException e) {
            throw new AliasFileException(file, "is not valid CSV: " + e.getMessage(), e);
        }
        return new AliasFile(Map.copyOf(regions), Map.copyOf(districts));
    }

    private static java.util.Optional<Region> canonicalRegion(Gazetteer gazetteer, String canonical) {
        String key = NameFolding.normalize(canonical);
        return gazetteer.regions().stream()
                .filter(r -> key.equals(NameFolding.normalize(r.name())) || key.equals(NameFolding.normalize(r.nameRu()))
                        || key.equals(NameFolding.normalize(r.isoCode())))
                .findFirst();
    }

    private static java.util.Optional<District> canonicalDistrict(Gazetteer gazetteer, Region region, String canonical) {
        String key = NameFolding.normalize(canonical);
        List<District> matches = gazetteer.districts(region).stream()
                .filter(d -> key.equals(NameFolding.normalize(d.name())) || key.equals(NameFolding.normalize(d.nameRu())))
                .toList();
        return matches.size() == 1 ? java.util.Optional.of(matches.get(0)) : java.util.Optional.empty();
    }
}
