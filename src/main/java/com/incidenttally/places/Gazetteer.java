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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regions and districts that reports name, and the resolution of a name as written to one of them.
 * <p>
 * Names resolve in the order SPEC Places gives: a user's alias, then an exact match on any name or alias
 * after folding, then a transliterated match, then a fuzzy match taken only when one candidate is clearly
 * best. A district resolves only inside its region. Thread-safe; every distinct spelling is resolved once.
 */
public final class Gazetteer {

    static final String REGIONS = "/places/regions.csv";
    static final String DISTRICTS = "/places/districts.csv";
    static final String WIDER_NAMES = "/places/wider-names.csv";
    static final String CITIES = "/places/cities.csv";
    private static volatile Gazetteer bundled;

    private final Places places;
    private final Map<String, Region> userRegionAliases;
    private final Map<String, Map<String, District>> userDistrictAliases;
    private final Map<String, PlaceMatch<Region>> regionMatches = new ConcurrentHashMap<>();
    /** District-column names and the region each names as a whole, if any: asked of every row. */
    private final Map<String, Optional<Region>> wholeRegionNames = new ConcurrentHashMap<>();
    /** Per region ISO code, each spelling's match: a lookup allocates nothing once a spelling is known. */
    private final Map<String, Map<String, PlaceMatch<District>>> districtMatches = new ConcurrentHashMap<>();

    private Gazetteer(Places places, Map<String, Region> userRegionAliases,
                      Map<String, Map<String, District>> userDistrictAliases) {
        this.places = places;
        this.userRegionAliases = userRegionAliases;
        this.userDistrictAliases = userDistrictAliases;
    }

    /** A gazetteer of these places, with no user aliases: for the tests that compare two ways of building them. */
    static Gazetteer of(Places places) {
        return new Gazetteer(places, Map.of(), Map.of());
    }

    /** The gazetteer bundled with the application, read once from the classpath. */
    public static Gazetteer bundled() {
        Gazetteer gazetteer = bundled;
        if (gazetteer == null) {
            synchronized (Gazetteer.class) {
                gazetteer = bundled;
                if (gazetteer == null) {
                    gazetteer = new Gazetteer(Places.bundled(), Map.of(), Map.of());
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
        return Memo.remember(regionMatches, input == null ? "" : input, Memo.REGION_SPELLINGS, this::lookUpRegion);
    }

    private PlaceMatch<Region> lookUpRegion(String k) {
        {
            // Folded only when there are aliases to look it up in: most runs have none.
            Region alias = userRegionAliases.isEmpty() ? null : userRegionAliases.get(NameFolding.normalize(k));
            if (alias != null) {
                return new PlaceMatch<>(k, alias, MatchMethod.ALIAS, 1.0);
            }
            WiderName wider = places.widerName(k);
            if (wider != null) {
                return wider.region() == null
                        ? PlaceMatch.unresolved(k, wider.note())
                        : new PlaceMatch<>(k, wider.region(), MatchMethod.WIDER_NAME, 1.0, wider.note());
            }
            if (NameNotes.namesNoPlace(k)) {
                return PlaceMatch.unresolved(k, NOT_A_PLACE);
            }
            PlaceMatch<Region> match = places.regionIndex().resolve(k);
            if (match.resolved() && namesATownElsewhere(k, match.place())) {
                // "Кировск" folds as Кировская область does, but the towns of that name are in Murmansk and
                // Leningrad Oblasts: it is a town's name (below), not Kirov Oblast's.
                match = PlaceMatch.unresolved(k);
            }
            if (match.resolved() && match.method() != MatchMethod.FUZZY && !match.place().isSea()
                    && NameFolding.namesADistrict(k) && !NameFolding.saysRegion(k)) {
                // "Кировский район" folds as Кировская область does, but a district says it is a district: there is
                // no Kirovsky District in Kirov Oblast, and many elsewhere.
                match = PlaceMatch.unresolved(k);
            }
            // "станица Ленинградская" is a stanitsa of Krasnodar Krai, "пос. Тульский" a village: a name that says it
            // is a settlement's, then a region's adjective, is a town's name (below), not that region. A region's
            // other name or alias stays; so does a noun after the word (с. Глушково, a town's name; С. Петербург).
            NameNotes.Trimmed noteless = NameNotes.trim(k);
            boolean settlement = NameFolding.namesASettlement(k) && !NameFolding.saysRegion(k)
                    && NameFolding.adjectiveWord(noteless == null ? k : noteless.name());
            if (settlement && match.method() != MatchMethod.OTHER_NAME && match.method() != MatchMethod.ALIAS) {
                match = PlaceMatch.unresolved(k);
            }
            if (match.method() == MatchMethod.FUZZY && (!NameFolding.statesRegionKind(k) || NameFolding.saysDistrict(k))) {
                // A name is taken for a misspelt region only when it says it is one ("Smolnesk Oblast"). A bare
                // word a slip or two from a region's name is as often a town or village of its own: of the
                // settlement names of Russia and Ukraine in GeoNames and KATOTTG, 143 were taken for a misspelt
                // region (Kalga for Kaluga, Orlovka for Oryol, Krasnodon of Luhansk Oblast for Krasnodar Krai).
                // "Lubenskyi raion" is a district, whatever else it says. Either is unresolved, with the region
                // among its suggestions.
                match = PlaceMatch.unresolved(k);
            }
            if ((!match.resolved() || match.method() == MatchMethod.FUZZY) && !NameFolding.saysRegion(k)
                    && !NameFolding.saysDistrict(k)) {
                // A city's own name is surer than a slip away from a region's (Berdyansk is not Bryansk Oblast);
                // a name that says oblast is never a city's.
                Set<Region> towns = places.cityIndex().placesSpelt(k);
                Optional<Region> city = townRegion(k, towns);
                if (towns.size() > 1) {
                    // Towns of one name in several regions (Kirovsk: Murmansk and Leningrad Oblasts) name none of
                    // them, nor a region a slip away from the name (Kirov Oblast).
                    match = PlaceMatch.unresolved(k, "names towns in several regions: "
                            + String.join(", ", towns.stream().map(Region::name).sorted().toList()));
                } else if (city.isPresent() && !settlement) {
                    return new PlaceMatch<>(k, city.get(), MatchMethod.CITY_NAMED, 1.0,
                            "a town or city of " + city.get().name());
                } else if (settlement && !match.resolved()) {
                    // A settlement of an adjective's name (Курское, Ленинградская) is a village in many regions; the one
                    // town the index holds of that shape (stanitsa Kurskaya of Stavropol Krai) is no surer a guess.
                    match = PlaceMatch.unresolved(k, "a settlement's name: its region is not known");
                } else if (towns.isEmpty()) {
                    Optional<TownInCase> inCase = townInCase(k);
                    if (inCase.isPresent()) {
                        return new PlaceMatch<>(k, inCase.get().region(), MatchMethod.CITY_NAMED, 1.0,
                                "a town or city of " + inCase.get().region().name() + " (" + inCase.get().town() + ")");
                    }
                }
            }
            if ((!match.resolved() || match.method() == MatchMethod.FUZZY) && noteless != null) {
                return withNoteDropped(k, resolveRegion(noteless.name()), noteless);
            }
            return match.resolved() ? match : severalRegions(k).orElse(match);
        }
    }

    /** A town's name as the nominative case gives it, and its one region. */
    private record TownInCase(String town, Region region) {
    }

    /** Russian case endings of a town's name (в Воронеже, из Орла, над Тулой, у Рязани), longest first. */
    private static final List<String> CASE_ENDINGS = List.of("ом", "ем", "ой", "ей", "ью", "е", "и", "у", "ю", "а", "я", "ы");
    /** What a nominative ends in where the case ending stood: Воронеж, Тула, Рязань, Тверь. */
    private static final List<String> NOMINATIVE_ENDINGS = List.of("", "а", "я", "ь", "о");
    /** The Russian consonant letters. */
    private static final String CONSONANTS = "бвгджзклмнпрстфхцчшщ";
    /** Prepositions before a town's name in a report: в, во, на, над, под, из, у, около, возле, близ. */
    private static final Set<String> PREPOSITIONS = Set.of("в", "во", "на", "над", "под", "из", "у", "около", "возле", "близ");

    /**
     * A town named in another grammatical case than the nominative the town list holds: {@code Воронеже} (locative),
     * {@code Орла} (genitive, its fleeting vowel restored: Орёл), {@code Тулой} (instrumental), {@code Ельце} (Елец).
     * One word of Cyrillic letters, four at least; the nominative forms made from it by the endings above must name
     * towns of one region only, and no adjective: else empty, the name unresolved as before.
     */
    private Optional<TownInCase> townInCase(String name) {
        String word = name.strip();
        int space = word.indexOf(' ');
        if (space > 0 && space == word.lastIndexOf(' ') && PREPOSITIONS.contains(word.substring(0, space).toLowerCase(Locale.ROOT))) {
            word = word.substring(space + 1); // в Воронеже, над Тулой, из Орла
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (word.length() < 4 || !word.chars().allMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC
                || c == '-') || ADJECTIVE_IN_A_CASE.matcher(lower).find() || NameFolding.hasUkrainianLetters(word)) {
            // Russian cases only: a Ukrainian word (Іванове, Тернопілля) is a village's name as it is, not a case of a
            // town's (KATOTTG's villages were taken for Ivanovo and Ternopil).
            return Optional.empty();
        }
        Set<Region> regions = new HashSet<>();
        String town = null;
        for (String ending : CASE_ENDINGS) {
            if (!lower.endsWith(ending) || lower.length() - ending.length() < 3) {
                continue;
            }
            String stem = word.substring(0, word.length() - ending.length());
            if (stem.length() >= 2 && Character.toLowerCase(stem.charAt(stem.length() - 1))
                    == Character.toLowerCase(stem.charAt(stem.length() - 2))) {
                continue; // Курганне: a doubled letter before the ending is no case of a Russian town's name
            }
            List<String> stems = new ArrayList<>(List.of(stem));
            char last = Character.toLowerCase(stem.charAt(stem.length() - 1));
            char before = Character.toLowerCase(stem.charAt(stem.length() - 2));
            if (CONSONANTS.indexOf(last) >= 0 && (CONSONANTS.indexOf(before) >= 0 || before == 'ь')) {
                // A fleeting vowel: Орл-а is Орёл, Ельц-е Елец.
                String head = stem.substring(0, stem.length() - 1).replaceAll("ь$", "");
                stems.add(head + "е" + stem.charAt(stem.length() - 1));
                stems.add(head + "о" + stem.charAt(stem.length() - 1));
            }
            for (String candidateStem : stems) {
                for (String nominative : NOMINATIVE_ENDINGS) {
                    if (!russianCase(ending, nominative, candidateStem)) {
                        continue;
                    }
                    String candidate = candidateStem + nominative;
                    if (candidate.equalsIgnoreCase(word) || NameFolding.adjectiveWord(candidate)) {
                        continue;
                    }
                    Set<Region> spelt = places.cityIndex().placesSpelt(candidate);
                    if (!spelt.isEmpty()) {
                        regions.addAll(spelt);
                        town = town == null ? candidate : town;
                    }
                }
            }
        }
        if (regions.size() != 1) {
            return Optional.empty();
        }
        Region region = regions.iterator().next();
        PlaceMatch<Region> named = places.regionIndex().resolve(town);
        if (named.resolved() && named.method() != MatchMethod.FUZZY && !named.place().equals(region)) {
            // "в Ростове" is Rostov-on-Don's far more often than Rostov Veliky's, the one Ростов the town list holds:
            // where the region index reads the nominative as another region, neither is taken.
            return Optional.empty();
        }
        return Optional.of(new TownInCase(town, region));
    }

    /**
     * An adjective in any case, by its ending after an adjective's suffix (Волжском, Климовского, Курской,
     * Раменское, Каменский): never a town's name in a case, whatever town the ending taken off would leave.
     */
    private static final Pattern ADJECTIVE_IN_A_CASE = Pattern.compile(
            "(?:ск|цк|н|ов|ев|ин)(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|им|ым|ом|ем|их|ых|ую|юю|ей|ими|ыми)$");

    /**
     * Whether Russian spelling lets a nominative ending become this case ending: -ы and -и are a genitive of -а
     * only (-и after г, к, х, ж, ч, ш, щ: Калуги, not Самари). The -и of a name in -ь (Рязани, Твери) is not read:
     * the town list spells no soft sign, so Кургани (a Ukrainian village) would be Kurgan's.
     */
    private static boolean russianCase(String ending, String nominative, String stem) {
        char last = Character.toLowerCase(stem.charAt(stem.length() - 1));
        return switch (ending) {
            case "ы" -> nominative.equals("а") && "гкхжчшщ".indexOf(last) < 0;
            case "и" -> nominative.equals("а") && "гкхжчшщ".indexOf(last) >= 0;
            case "ью" -> nominative.equals("ь");
            default -> !nominative.equals("ь");
        };
    }

    /**
     * The one region whose towns and cities have this name; empty when none has, or several have ({@code spelt}, the
     * regions of the towns its spelling names: several whichever of its names the index meets first).
     */
    private Optional<Region> townRegion(String name, Set<Region> spelt) {
        if (spelt.size() > 1) {
            return Optional.empty();
        }
        PlaceMatch<Region> city = places.cityIndex().resolve(name);
        return city.resolved() ? Optional.of(city.place()) : Optional.empty();
    }

    /**
     * Whether a word of the name is a town's ({@link GrammarFolding#townStems}) that the towns and cities place
     * only in regions other than {@code region}: {@code Кировск} for Kirov Oblast, but not {@code Курск} for Kursk
     * Oblast, nor a town the data do not know.
     */
    private boolean namesATownElsewhere(String name, Region region) {
        for (String stem : GrammarFolding.townStems(name)) {
            Set<Region> towns = places.cityIndex().placesSpelt(stem);
            if (!towns.isEmpty() && !towns.contains(region)) {
                return true;
            }
        }
        return false;
    }

    /** Why text is no place name: directions, a country, "unknown". */
    public static final String NOT_A_PLACE = "not a place name";

    /**
     * The match of a name without its note ({@code Kharkiv Oblast, Ukraine}; {@code Kherson (right bank)}), for the
     * name as written: never exact, so Data quality lists what was dropped.
     */
    private static <T> PlaceMatch<T> withNoteDropped(String input, PlaceMatch<T> match, NameNotes.Trimmed trimmed) {
        if (!match.resolved()) {
            return match.note() == null ? PlaceMatch.unresolved(input) : PlaceMatch.unresolved(input, match.note());
        }
        MatchMethod method = match.method() == MatchMethod.EXACT ? MatchMethod.NOTE_DROPPED : match.method();
        String note = "dropped: " + trimmed.dropped() + (match.note() == null ? "" : "; " + match.note());
        return new PlaceMatch<>(input, match.place(), method, match.score(), note);
    }

    /** Between the names of several places: "и", "and", "та", "і", commas, slashes, plus signs. */
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,;/+&]|(?<!\\p{L})(?:и|and|та|і)(?!\\p{L}))\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A name that joins the names of two or more regions ({@code Курской и Белгородской областей}) is none of
     * them: unresolved, with a note that says which regions it names, when each part names one region exactly.
     */
    private Optional<PlaceMatch<Region>> severalRegions(String input) {
        String[] parts = SEPARATORS.split(input.trim());
        if (parts.length < 2) {
            return Optional.empty();
        }
        Set<Region> named = new java.util.LinkedHashSet<>();
        // The last part's last word is often every part's: Черного и Азовского морей, Курской и Белгородской областей.
        String[] lastWords = parts[parts.length - 1].trim().split("\\s+");
        String shared = lastWords[lastWords.length - 1];
        for (String part : parts) {
            PlaceMatch<Region> match = places.regionIndex().resolve(part);
            if (!match.resolved()) {
                match = places.regionIndex().resolve(part + " " + shared);
            }
            if (!match.resolved() || match.method() == MatchMethod.FUZZY) {
                return Optional.empty();
            }
            named.add(match.place());
        }
        if (named.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(PlaceMatch.unresolved(input, "names several regions: "
                + String.join(", ", named.stream().map(Region::name).toList())));
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
        return Memo.remember(inRegion, key, Memo.SPELLINGS_PER_REGION, spelling -> lookUpDistrict(region, spelling));
    }

    private PlaceMatch<District> lookUpDistrict(Region region, String key) {
        {
            Map<String, District> aliases = userDistrictAliases.getOrDefault(region.isoCode(), Map.of());
            District alias = aliases.isEmpty() ? null : aliases.get(NameFolding.normalize(key));
            if (alias != null) {
                return new PlaceMatch<>(key, alias, MatchMethod.ALIAS, 1.0);
            }
            if (NameNotes.namesNoDistrict(key)) {
                return PlaceMatch.unresolved(key, NOT_A_PLACE);
            }

            if (NameFolding.saysRegion(key) && resolveRegion(key).resolved() && resolveRegion(key).method() != MatchMethod.FUZZY) {
                // "Smolensk Oblast" in the district column names the region as a whole, not its capital.
                return PlaceMatch.unresolved(key);
            }
            NameIndex<District> index = places.districtIndexes().get(region.isoCode());
            PlaceMatch<District> match = index == null ? PlaceMatch.unresolved(key) : index.resolve(key);
            if (match.method() == MatchMethod.FUZZY && NameFolding.bare(key) && !NameFolding.adjectiveShaped(key)
                    && NameFolding.adjectiveShaped(match.place().name())
                    && !NameFolding.namedAfter(match.place().name(), key)) {
                // A village's name (Олександрівка, Миколаївка) a slip or two from a district named after another
                // place (Oleksandriiskyi, Mykolaivskyi Raion) is no misspelt district: a district's name is an
                // adjective, made of its centre's name (Ostrogozhsk, Ostrogozhsky District), not of a lookalike.
                match = PlaceMatch.unresolved(key);
            }
            if (match.resolved() && NameFolding.saysSettlement(key) && (match.method() == MatchMethod.FUZZY
                    || !NameFolding.saysSettlement(match.place().nameRu()))) {
                // "пос. Кировский", "с. Коренево": a village's name, no district's (the village Kirovsky of Kursk
                // Oblast is in Pristensky District), unless the district is that settlement ("рабочий поселок
                // Прогресс", an urban okrug); and a slip from a district's name is no sign of one.
                match = PlaceMatch.unresolved(key);
            }
            if (!match.resolved() || match.method() == MatchMethod.FUZZY) {
                NameNotes.Trimmed trimmed = NameNotes.trim(key);
                if (trimmed != null) {
                    return withNoteDropped(key, resolveDistrict(region, trimmed.name()), trimmed);
                }
            }
            return match;
        }
    }

    /**
     * Whether a district-column name names {@code region} itself, as a whole: {@code Смоленской областью} or
     * {@code Smolensk Oblast} in a row of Smolensk Oblast is no district, and never the district named after the
     * region. A name of another region is not (it stays an unresolved district, for a person to see).
     */
    public boolean namesWholeRegion(Region region, String districtText) {
        return region != null && districtText != null && Memo.remember(wholeRegionNames, districtText,
                Memo.REGION_SPELLINGS, this::regionNamedWhole).filter(region::equals).isPresent();
    }

    /** The region a district-column name names as a whole: it says it is one, and resolves to it but by a slip. */
    private Optional<Region> regionNamedWhole(String districtText) {
        if (!NameFolding.saysRegion(districtText) && GrammarFolding.regionOnlyKinds(districtText).isEmpty()) {
            return Optional.empty();
        }
        PlaceMatch<Region> named = resolveRegion(districtText);
        return named.resolved() && named.method() != MatchMethod.FUZZY ? Optional.of(named.place()) : Optional.empty();
    }

    /** The regions (and sea areas) a name might mean, best first: for a person to choose from. */
    public List<Candidate<Region>> regionCandidates(String input, int limit) {
        if (NameNotes.namesNoPlace(input)) {
            return List.of();
        }
        NameNotes.Trimmed trimmed = NameNotes.trim(input);
        String name = trimmed == null ? input : trimmed.name();
        List<Candidate<Region>> candidates = places.regionIndex().candidates(name, limit);
        Set<Region> towns = NameFolding.saysRegion(name) ? Set.of() : places.cityIndex().placesSpelt(name);
        if (towns.size() > 1) {
            // Towns of several regions: each of their regions, none sure, before the regions that look like the name.
            List<Candidate<Region>> ofTowns = new ArrayList<>();
            towns.stream().sorted(java.util.Comparator.comparing(Region::name))
                    .forEach(town -> ofTowns.add(new Candidate<>(town, Candidate.SURE - 0.01)));
            candidates.stream().filter(c -> !towns.contains(c.place()))
                    .forEach(c -> ofTowns.add(new Candidate<>(c.place(), Math.min(c.score(), Candidate.SURE - 0.02))));
            return List.copyOf(ofTowns.subList(0, Math.min(limit, ofTowns.size())));
        }
        Optional<Region> city = NameFolding.saysRegion(name) ? Optional.empty() : townRegion(name, towns);
        if (city.isEmpty()) {
            // A town's name that folds as a region's adjective (Кировск, Кировская) is never sure to be that region.
            return candidates.stream().map(c -> namesATownElsewhere(name, c.place())
                    ? new Candidate<>(c.place(), Math.min(c.score(), Candidate.SURE - 0.01)) : c).toList();
        }
        // A city's own region first; a region that only looks like the city's name is never sure.
        List<Candidate<Region>> withCity = new ArrayList<>();
        withCity.add(new Candidate<>(city.get(), 1.0));
        candidates.stream().filter(c -> !c.place().equals(city.get())).limit(Math.max(0, limit - 1))
                .forEach(c -> withCity.add(new Candidate<>(c.place(), Math.min(c.score(), Candidate.SURE - 0.01))));
        return withCity;
    }

    /** The districts of a region a name might mean, best first: for a person to choose from. */
    public List<Candidate<District>> districtCandidates(Region region, String input, int limit) {
        NameIndex<District> index = region == null ? null : places.districtIndexes().get(region.isoCode());
        if (index == null || NameNotes.namesNoDistrict(input)) {
            return List.of();
        }
        NameNotes.Trimmed trimmed = NameNotes.trim(input);
        return index.candidates(trimmed == null ? input : trimmed.name(), limit);
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
    /**
     * A name of an area wider than one region: counted under {@code region} with a note, or, when
     * {@code region} is null, left unresolved with the note as the reason.
     */
    record WiderName(Region region, String note) {
    }

    /**
     * @param cityIndex towns and cities (GeoNames, 5,000 people or more, a name no other region's place has) and
     *                  urban okrugs, each under its region: a name two regions share resolves to neither
     */
    record Places(Map<String, Region> regions, NameIndex<Region> regionIndex,
                          Map<String, List<District>> districts,
                          Map<String, NameIndex<District>> districtIndexes,
                          Map<String, WiderName> widerNames, NameIndex<Region> cityIndex) {

        /** A wider area's name as written, by its normalized spelling or all its stems. */
        WiderName widerName(String input) {
            if (widerNames.isEmpty()) {
                return null;
            }
            WiderName wider = widerNames.get(NameFolding.normalize(input));
            if (wider == null) {
                String stems = GrammarFolding.allStems(input);
                wider = stems.isEmpty() ? null : widerNames.get(stems);
            }
            return wider;
        }

        /** The bundled data as the build indexed it ({@link GazetteerIndex}), or indexed now when that is missing or stale. */
        static Places bundled() {
            Places built = GazetteerIndex.readBundled();
            return built != null ? built : load();
        }

        /** The bundled data read from its CSV files and indexed. */
        static Places load() {
            Map<String, Region> regions = new LinkedHashMap<>();
            NameIndex<Region> regionIndex = new NameIndex<>(true, Set.of(), NameIndex.Folding.REGION);
            for (NamedCsvRecord row : readResource(REGIONS, true)) {
                AreaKind kind = row.findField("kind").orElse("").equals(AreaKind.SEA.code()) ? AreaKind.SEA : AreaKind.REGION;
                Region region = new Region(row.getField("iso_code"), row.getField("name"),
                        row.getField("name_ru"), ZoneId.of(row.getField("zone")), kind);
                regions.put(region.isoCode(), region);
                regionIndex.add(region.name(), region);
                regionIndex.add(region.nameRu(), region);
                regionIndex.add(region.isoCode(), region);
                aliases(row).forEach(alias -> regionIndex.addAlias(alias, region));
                if (kind == AreaKind.REGION) {
                    List<String> names = new ArrayList<>(aliases(row));
                    names.add(region.name());
                    names.add(region.nameRu());
                    regionIndex.addEuropean(names, region.isoCode().startsWith("UA-"), region);
                }
            }
            Map<String, Map<String, String>> citiesBySpelling = new HashMap<>();
            List<NamedCsvRecord> cityRows = readResource(CITIES, false);
            for (NamedCsvRecord row : cityRows) {
                citiesBySpelling.computeIfAbsent(row.getField("region_iso"), k -> new HashMap<>())
                        .put(NameFolding.spelling(row.getField("name")), row.getField("name"));
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
                        districtIndexes.computeIfAbsent(district.regionIso(),
                                k -> new NameIndex<>(true, allDistrictSpellings, NameIndex.Folding.DISTRICT));
                index.add(district.name(), district);
                index.add(district.nameRu(), district);
                aliases(row).forEach(alias -> index.addAlias(alias, district));
                index.addEuropean(List.of(district.nameRu()), district.regionIso().startsWith("UA-"), district);
                List<String> formerNames = split(row.findField("former_names").orElse(""));
                formerNames.forEach(former -> index.addFormer(former, district));
                List<String> abolishedNames = split(row.findField("abolished_names").orElse(""));
                abolishedNames.forEach(name -> index.addAbolished(name, district));
                if (district.regionIso().startsWith("UA-")) {
                    // A raion is named after its centre: Dnipro Raion, Krasnohrad Raion (before 2024).
                    Map<String, String> cities = citiesBySpelling.getOrDefault(district.regionIso(), Map.of());
                    centreCity(district.name(), cities).ifPresent(city -> index.addAlias(city, district));
                    // A renamed raion's former centre may be renamed too (Novomoskovsk): its short form is read
                    // off the adjective alone, as the town's name less the ending (-skyi, -yi).
                    formerNames.forEach(former -> centreCity(former, cities).ifPresentOrElse(
                            city -> index.addFormer(city, district),
                            () -> shortForms(former).forEach(form -> index.addFormer(form, district))));
                    abolishedNames.forEach(name -> centreCity(name, cities).ifPresent(city -> index.addAbolished(city, district)));
                }
            }
            Map<String, WiderName> widerNames = new HashMap<>();
            for (NamedCsvRecord row : readResource(WIDER_NAMES, false)) {
                String iso = row.getField("region_iso");
                Region region = iso.isEmpty() ? null : regions.get(iso);
                if (!iso.isEmpty() && region == null) {
                    throw new IllegalStateException("Bundled wider name " + row.getField("name") + " names an unknown region " + iso);
                }
                WiderName wider = new WiderName(region, row.getField("note"));
                widerNames.put(NameFolding.normalize(row.getField("name")), wider);
                String stems = GrammarFolding.allStems(row.getField("name"));
                if (!stems.isEmpty()) {
                    widerNames.put(stems, wider);
                }
            }
            // An urban okrug named by its town's adjective holds the town: Шебекино, Грайворон, Губкин.
            districts.forEach((iso, list) -> list.stream()
                    .filter(okrug -> iso.startsWith("RU-") && okrug.kind().equals("urban okrug"))
                    .forEach(okrug -> okrugTown(okrug, list, citiesBySpelling.getOrDefault(iso, Map.of()))
                            .forEach(town -> districtIndexes.get(iso).addAlias(town, okrug))));
            districtIndexes.values().forEach(index -> allDistrictSpellings.addAll(index.spellings()));
            NameIndex<Region> cityIndex = new NameIndex<>(false, Set.of(), NameIndex.Folding.PLAIN);
            for (NamedCsvRecord row : cityRows) {
                Region region = regions.get(row.getField("region_iso"));
                if (region == null) {
                    throw new IllegalStateException("Bundled city " + row.getField("name") + " names an unknown region");
                }
                cityIndex.add(row.getField("name"), region);
            }
            districts.forEach((iso, list) -> list.stream().filter(d -> d.kind().equals("urban okrug")).forEach(d -> {
                cityIndex.add(d.name(), regions.get(iso));
                cityIndex.add(d.nameRu(), regions.get(iso));
            }));
            districts.replaceAll((iso, list) -> List.copyOf(list));
            return new Places(Collections.unmodifiableMap(regions), regionIndex,
                    Map.copyOf(districts), Map.copyOf(districtIndexes), Map.copyOf(widerNames), cityIndex);
        }

        /** A Russian urban okrug's name as an adjective of one word: {@code Шебекинский городской округ}. */
        private static final Pattern ADJECTIVE_OKRUG = Pattern.compile("(\\p{IsCyrillic}+(?:ск|цк)ий) городской округ");

        /**
         * The town an urban okrug's adjective name is made from, when the region has a town of that name: its name in
         * the town list and as read back into Cyrillic ({@code Шебекинский городской округ}: Shebekino, Шебекино;
         * {@code Грайворонский}: Grayvoron, Грайворон). The town's stem must be the adjective's less its {@code -ск}
         * ({@code шебекинск}, {@code шебекин}), so that neither a town whose name is itself in -ск (Партизанский:
         * Partizansk, met by the stems already) nor one of another shape (Валуйский: Valuyki) is guessed at. An
         * urban okrug holds the town it is named after; a municipal district may not (Курский район: Kursk is an
         * okrug of its own), so districts get no such name. Nor does an okrug beside a district of its adjective
         * (Пермский городской округ, Пермский район): a name's core is matched before the kind it states, and
         * {@code Пермь район} would be taken for the okrug.
         */
        private static List<String> okrugTown(District district, List<District> regionDistricts, Map<String, String> cities) {
            Matcher okrug = ADJECTIVE_OKRUG.matcher(district.nameRu() == null ? "" : district.nameRu());
            if (cities.isEmpty() || !okrug.matches()) {
                return List.of();
            }
            String word = okrug.group(1).toLowerCase(Locale.ROOT) + " ";
            if (regionDistricts.stream().anyMatch(other -> other != district && other.nameRu() != null
                    && other.nameRu().toLowerCase(Locale.ROOT).startsWith(word))) {
                return List.of();
            }
            String adjective = GrammarFolding.stem(NameFolding.normalize(okrug.group(1)));
            if (!adjective.endsWith("ск") || adjective.length() - 2 < GrammarFolding.MIN_STEM) {
                return List.of();
            }
            String stem = adjective.substring(0, adjective.length() - 2);
            for (String town : cities.values()) {
                String cyrillic = EuropeanSpellings.cyrillic(town, false);
                if (cyrillic != null && !cyrillic.contains(" ")
                        && GrammarFolding.stem(NameFolding.normalize(cyrillic)).equals(stem)) {
                    return List.of(town, cyrillic);
                }
            }
            return List.of();
        }

        /** Endings of Ukrainian raion adjectives in Latin letters, longest first, and the noun endings they replace. */
        private static final List<String> ADJECTIVE_ENDINGS = List.of("ovskyi", "evskyi", "ivskyi", "ynskyi", "inskyi", "skyi", "kyi", "yi", "ska");
        private static final List<String> NOUN_ENDINGS = List.of("", "a", "o", "y", "e", "i", "ka", "ia", "ya");

        /**
         * The town a Ukrainian raion's adjective name is made from, when the region has a town of that name
         * ({@code Dniprovskyi}: Dnipro; {@code Kharkivskyi}: Kharkiv; {@code Sumskyi}: Sumy).
         */
        private static Optional<String> centreCity(String raion, Map<String, String> cities) {
            if (cities.isEmpty()) {
                return Optional.empty();
            }
            String core = NameFolding.core(raion);
            if (NameFolding.hasCyrillic(core)) {
                return Optional.empty();
            }
            for (String ending : ADJECTIVE_ENDINGS) {
                if (core.endsWith(ending) && core.length() > ending.length() + 2) {
                    String stem = core.substring(0, core.length() - ending.length());
                    for (String noun : NOUN_ENDINGS) {
                        String city = cities.get(NameFolding.spelling(stem + noun));
                        if (city != null) {
                            return Optional.of(city + " Raion");
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** The short forms of a Ukrainian raion's Latin adjective name: Novomoskovskyi raion, Novomoskovsk Raion. */
        private static List<String> shortForms(String raion) {
            String core = NameFolding.core(raion);
            if (NameFolding.hasCyrillic(core)) {
                return List.of();
            }
            List<String> forms = new ArrayList<>();
            for (String ending : List.of("skyi", "yi")) {
                if (core.endsWith(ending) && core.length() > ending.length() + 3) {
                    forms.add(core.substring(0, core.length() - ending.length()) + " Raion");
                }
            }
            return forms;
        }

        private static List<String> aliases(NamedCsvRecord row) {
            return split(row.findField("aliases").orElse(""));
        }

        private static List<String> split(String aliases) {
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
