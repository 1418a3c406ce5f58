package com.incidenttally.places;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regions and districts that reports name, and the resolution of a name as written to one of them.
 * <p>
 * Names resolve in the order SPEC Places gives: a user's alias, then an exact match on any name or alias
 * after folding, then a transliterated match, then a fuzzy match taken only when one candidate is clearly
 * best. A district resolves only inside its region. Thread-safe; every distinct spelling is resolved once.
 */
public final class Gazetteer {

    private static final String REGIONS = "/places/regions.csv";
    private static final String DISTRICTS = "/places/districts.csv";
    private static volatile Gazetteer bundled;

    private final Places places;
    private final Map<String, Region> userRegionAliases;
    private final Map<String, Map<String, District>> userDistrictAliases;
    private final Map<String, PlaceMatch<Region>> regionMatches = new ConcurrentHashMap<>();
    /** Per region ISO code, each spelling's match: a lookup allocates nothing once a spelling is known. */
    private final Map<String, Map<String, PlaceMatch<District>>> districtMatches = new ConcurrentHashMap<>();

    private Gazetteer(Places places, Map<String, Region> userRegionAliases,
                      Map<String, Map<String, District>> userDistrictAliases) {
        this.places = places;
        this.userRegionAliases = userRegionAliases;
        this.userDistrictAliases = userDistrictAliases;
    }

    /** The gazetteer bundled with the application, read once from the classpath. */
    public static Gazetteer bundled() {
        Gazetteer gazetteer = bundled;
        if (gazetteer == null) {
            synchronized (Gazetteer.class) {
                gazetteer = bundled;
                if (gazetteer == null) {
                    gazetteer = new Gazetteer(Places.load(), Map.of(), Map.of());
                    bundled = gazetteer;
                }
            }
        }
        return gazetteer;
    }

    /**
     * This gazetteer with a user's own spellings added; they win over every bundled rule.
     *
     * @param csv a CSV file with the header {@code input_name,region,canonical_name}; region blank for a
     *            region alias, otherwise the region the district lies in
     * @throws AliasFileException when the file cannot be read or a line is wrong, naming the file and line
     */
    public Gazetteer withAliases(Path csv) throws AliasFileException {
        AliasFile aliases = AliasFile.read(csv, this);
        Map<String, Region> regionAliases = new HashMap<>(userRegionAliases);
        regionAliases.putAll(aliases.regions());
        Map<String, Map<String, District>> districtAliases = new HashMap<>();
        userDistrictAliases.forEach((iso, map) -> districtAliases.put(iso, new HashMap<>(map)));
        aliases.districts().forEach((iso, map) ->
                districtAliases.computeIfAbsent(iso, k -> new HashMap<>()).putAll(map));
        return new Gazetteer(places, Map.copyOf(regionAliases), Map.copyOf(districtAliases));
    }

    public PlaceMatch<Region> resolveRegion(String input) {
        String key = input == null ? "" : input;
        PlaceMatch<Region> known = regionMatches.get(key);
        if (known != null) {
            return known;
        }
        return regionMatches.computeIfAbsent(key, k -> {
            Region alias = userRegionAliases.get(NameFolding.normalize(k));
            return alias != null
                    ? new PlaceMatch<>(k, alias, MatchMethod.ALIAS, 1.0)
                    : places.regionIndex().resolve(k);
        });
    }

    /** Resolves a district among the districts of one region only; unresolved when the region is null. */
    public PlaceMatch<District> resolveDistrict(Region region, String input) {
        String key = input == null ? "" : input;
        if (region == null) {
            return PlaceMatch.unresolved(key);
        }
        Map<String, PlaceMatch<District>> inRegion = districtMatches.get(region.isoCode());
        if (inRegion == null) {
            inRegion = districtMatches.computeIfAbsent(region.isoCode(), k -> new ConcurrentHashMap<>());
        }
        PlaceMatch<District> known = inRegion.get(key);
        if (known != null) {
            return known;
        }
        return inRegion.computeIfAbsent(key, k -> {
            District alias = userDistrictAliases.getOrDefault(region.isoCode(), Map.of())
                    .get(NameFolding.normalize(key));
            if (alias != null) {
                return new PlaceMatch<>(key, alias, MatchMethod.ALIAS, 1.0);
            }
            if (NameFolding.saysRegion(key) && resolveRegion(key).method() == MatchMethod.EXACT) {
                // "Smolensk Oblast" in the district column names the region as a whole, not its capital.
                return PlaceMatch.unresolved(key);
            }
            NameIndex<District> index = places.districtIndexes().get(region.isoCode());
            return index == null ? PlaceMatch.unresolved(key) : index.resolve(key);
        });
    }

    /** The regions (and sea areas) a name might mean, best first: for a person to choose from. */
    public List<Candidate<Region>> regionCandidates(String input, int limit) {
        return places.regionIndex().candidates(input, limit);
    }

    /** The districts of a region a name might mean, best first: for a person to choose from. */
    public List<Candidate<District>> districtCandidates(Region region, String input, int limit) {
        NameIndex<District> index = region == null ? null : places.districtIndexes().get(region.isoCode());
        return index == null ? List.of() : index.candidates(input, limit);
    }

    public Optional<Region> regionByIso(String isoCode) {
        return isoCode == null ? Optional.empty()
                : Optional.ofNullable(places.regions().get(isoCode.trim().toUpperCase(Locale.ROOT)));
    }

    public Collection<Region> regions() {
        return places.regions().values();
    }

    public List<District> districts(Region region) {
        return region == null ? List.of() : places.districts().getOrDefault(region.isoCode(), List.of());
    }

    NameIndex<Region> regionIndex() {
        return places.regionIndex();
    }

    NameIndex<District> districtIndex(Region region) {
        return places.districtIndexes().get(region.isoCode());
    }

    /** The bundled data, shared by a gazetteer and its copies with user aliases. */
    private record Places(Map<String, Region> regions, NameIndex<Region> regionIndex,
                          Map<String, List<District>> districts,
                          Map<String, NameIndex<District>> districtIndexes) {

        static Places load() {
            Map<String, Region> regions = new LinkedHashMap<>();
            NameIndex<Region> regionIndex = new NameIndex<>(true, Set.of());
            for (NamedCsvRecord row : readResource(REGIONS, true)) {
                Region region = new Region(row.getField("iso_code"), row.getField("name"),
                        row.getField("name_ru"), ZoneId.of(row.getField("zone")));
                regions.put(region.isoCode(), region);
                regionIndex.add(region.name(), region);
                regionIndex.add(region.nameRu(), region);
                regionIndex.add(region.isoCode(), region);
                aliases(row).forEach(alias -> regionIndex.add(alias, region));
            }
            Map<String, List<District>> districts = new HashMap<>();
            Map<String, NameIndex<District>> districtIndexes = new HashMap<>();
            // Filled below, before any lookup: every district's spelling, to tell a misspelling from a
            // district of another region.
            Set<String> allDistrictSpellings = new HashSet<>();
            for (NamedCsvRecord row : readResource(DISTRICTS, false)) {
                District district = new District(row.getField("region_iso"), row.getField("name"),
                        row.getField("name_ru"), row.getField("kind"));
                if (!regions.containsKey(district.regionIso())) {
                    throw new IllegalStateException("Bundled district " + district + " names an unknown region");
                }
                districts.computeIfAbsent(district.regionIso(), k -> new ArrayList<>()).add(district);
                NameIndex<District> index =
                        districtIndexes.computeIfAbsent(district.regionIso(), k -> new NameIndex<>(true, allDistrictSpellings));
                index.add(district.name(), district);
                index.add(district.nameRu(), district);
                aliases(row).forEach(alias -> index.add(alias, district));
            }
            districtIndexes.values().forEach(index -> allDistrictSpellings.addAll(index.spellings()));
            districts.replaceAll((iso, list) -> List.copyOf(list));
            return new Places(Collections.unmodifiableMap(regions), regionIndex,
                    Map.copyOf(districts), Map.copyOf(districtIndexes));
        }

        private static List<String> aliases(NamedCsvRecord row) {
            String aliases = row.findField("aliases").orElse("");
            List<String> list = new ArrayList<>();
            for (String alias : aliases.split("\\|")) {
                if (!alias.isBlank()) {
                    list.add(alias.trim());
                }
            }
            return list;
        }

        private static List<NamedCsvRecord> readResource(String name, boolean required) {
            try (InputStream in = Gazetteer.class.getResourceAsStream(name)) {
                if (in == null) {
                    if (required) {
                        throw new IllegalStateException("The bundled gazetteer " + name + " is missing from the classpath");
                    }
                    return List.of();
                }
                try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
                    return reader.stream().toList();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the bundled gazetteer " + name, e);
            }
        }
    }
}
