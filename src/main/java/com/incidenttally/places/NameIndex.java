package com.incidenttally.places;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every name and alias of a set of places, looked up by the rules of SPEC Places in order:
 * exact after folding (case, punctuation, words of kind, then grammar), transliterated, a European spelling
 * (Latin names only), a former name, an abolished district's name, fuzzy. A key shared by two places resolves
 * to neither.
 * Immutable once built; each distinct spelling is resolved once and remembered.
 */
final class NameIndex<T> {

    /** How many more typing slips than the best place every other place must be: the best is clearly best. */
    static final int FUZZY_EDIT_MARGIN = 1;
    /**
     * How much more alike (Jaro-Winkler) the best place must be than any other: a name that begins with another
     * place's whole name ({@code Kamensky-Shakhtinsky}: Kamensky District, Kamensk-Shakhtinsky) is no slip.
     */
    static final double FUZZY_MARGIN = 0.05;
    /** Below this likeness (Jaro-Winkler) two spellings are two names, however few letters differ. */
    static final double FUZZY_SIMILARITY = 0.88;
    /** Keys this short are too easily similar to something else to be guessed at. */
    static final int FUZZY_MIN_LENGTH = 5;

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    /** Today's names and aliases. */
    private final Keys<T> names;
    /** Names the places had before they were renamed or merged: tried after every key of today's names. */
    private final Keys<T> formerNames;
    /**
     * Today's names as the languages of Europe spell them ({@link EuropeanSpellings}): tried after every key of
     * today's names, so that a spelling in one language never makes a name of another ambiguous.
     */
    private final Keys<T> european;
    /** Names of districts abolished and taken into the place (Ukraine's raions before 2020): tried last. */
    private final Keys<T> abolished;
    private final Map<String, PlaceMatch<T>> resolved = new ConcurrentHashMap<>();
    private final boolean fuzzy;
    private final Set<String> namesElsewhere;
    /** Which of the gazetteer's foldings the keys were made with; null for an index made with other functions. */
    private final Folding folding;

    /** The ways the gazetteer folds the names of its indexes: how a name's grammar keys and stated kinds are read. */
    enum Folding {
        /** Regions: {@link GrammarFolding#regionKeys}, {@link GrammarFolding#regionKinds}. */
        REGION(GrammarFolding::regionKeys, GrammarFolding::regionKinds),
        /** Districts of one region: {@link GrammarFolding#districtKeys}, {@link GrammarFolding#regionOnlyKinds}. */
        DISTRICT(GrammarFolding::districtKeys, GrammarFolding::regionOnlyKinds),
        /** Towns and cities: no grammar keys, no kinds. */
        PLAIN(name -> List.of(), name -> Set.of());

        private final Function<String, List<String>> grammarKeys;
        private final Function<String, Set<String>> statedKinds;

        Folding(Function<String, List<String>> grammarKeys, Function<String, Set<String>> statedKinds) {
            this.grammarKeys = grammarKeys;
            this.statedKinds = statedKinds;
        }
    }

    /**
     * @param fuzzy          whether to guess at names no rule matches exactly
     * @param namesElsewhere spelling keys of places outside this index: a name that is exactly another
     *                       place's name is that place given in the wrong region, not a misspelling here
     * @param grammarKeys    the grammar-folded keys of a name in this index, strict first
     *                       ({@link GrammarFolding#regionKeys} or {@link GrammarFolding#districtKeys})
     */
    NameIndex(boolean fuzzy, Set<String> namesElsewhere, Function<String, List<String>> grammarKeys) {
        this(fuzzy, namesElsewhere, grammarKeys, name -> Set.of());
    }

    /**
     * @param statedKinds the kinds of place a name states ({@link GrammarFolding#regionKinds}): a grammar-folded
     *                    match is taken only for a place one of whose names states each of them
     */
    NameIndex(boolean fuzzy, Set<String> namesElsewhere, Function<String, List<String>> grammarKeys,
              Function<String, Set<String>> statedKinds) {
        this(fuzzy, namesElsewhere, grammarKeys, statedKinds, null);
    }

    /** An index whose folding is one of the gazetteer's own, so that it can be kept in the built index file. */
    NameIndex(boolean fuzzy, Set<String> namesElsewhere, Folding folding) {
        this(fuzzy, namesElsewhere, folding.grammarKeys, folding.statedKinds, folding);
    }

    private NameIndex(boolean fuzzy, Set<String> namesElsewhere, Function<String, List<String>> grammarKeys,
                      Function<String, Set<String>> statedKinds, Folding folding) {
        this.folding = folding;
        this.fuzzy = fuzzy;
        this.namesElsewhere = namesElsewhere;
        this.names = new Keys<>(grammarKeys, statedKinds);
        this.formerNames = new Keys<>(grammarKeys, statedKinds);
        this.european = new Keys<>(grammarKeys, statedKinds);
        this.abolished = new Keys<>(grammarKeys, statedKinds);
    }

    Set<String> spellings() {
        return names.bySpelling.keySet();
    }

    /** Adds one of a place's own names (English, Russian, its code); called only while the gazetteer is built. */
    void add(String name, T place) {
        names.add(name, place, true);
    }

    /** Adds another name the place is known by (a translation, a short name, a spelling); only while built. */
    void addAlias(String name, T place) {
        names.add(name, place, false);
    }

    /**
     * Adds a place's names to be spelt as the languages of Europe spell them ({@link EuropeanSpellings}); the
     * spellings are made the first time a Latin name reaches them, not at start: most runs never need them.
     */
    void addEuropean(List<String> names, boolean ukrainian, T place) {
        europeanSources.add(new EuropeanSource<>(List.copyOf(names), ukrainian, place));
    }

    private record EuropeanSource<T>(List<String> names, boolean ukrainian, T place) {
    }

    private final List<EuropeanSource<T>> europeanSources = new ArrayList<>();
    private volatile boolean europeanBuilt;

    /** The European spellings' keys, made on first use. */
    private Keys<T> european() {
        if (!europeanBuilt) {
            synchronized (europeanSources) {
                if (!europeanBuilt) {
                    for (EuropeanSource<T> source : europeanSources) {
                        for (String name : EuropeanSpellings.ofNames(source.names(), source.ukrainian())) {
                            // Only the spelling key: a romanisation is a spelling.
                            String spelling = NameFolding.europeanKey(NameFolding.spellingOfCore(name));
                            if (!spelling.isEmpty()) {
                                european.bySpelling.computeIfAbsent(spelling, k -> new LinkedHashSet<>()).add(source.place());
                            }
                        }
                    }
                    europeanBuilt = true;
                }
            }
        }
        return european;
    }

    /** Adds the name of a district abolished and taken into the place; only while the gazetteer is built. */
    void addAbolished(String name, T place) {
        abolished.add(name, place, true);
    }

    /** Adds a name the place had before; called only while the gazetteer is built. */
    void addFormer(String name, T place) {
        formerNames.add(name, place, true);
    }

    /** Grammar-folded keys that name more than one place: none of them resolves through such a key. */
    Map<String, Set<T>> ambiguousGrammarKeys() {
        Map<String, Set<T>> ambiguous = new HashMap<>();
        names.byGrammar.forEach((k, v) -> {
            if (v.size() > 1) {
                ambiguous.put(k, v);
            }
        });
        return ambiguous;
    }

    /** The grammar-folded keys of today's names, each with the places that have it. */
    Map<String, Set<T>> grammarKeys() {
        return java.util.Collections.unmodifiableMap(names.byGrammar);
    }

    private static final String SPELLING = "spelling:";

    /**
     * Writes everything this index was built with (not what it has resolved since, nor the European spellings,
     * which are made on first use as ever): {@link #read} makes an index that answers every name alike. Maps are
     * written in their iteration order and read back into maps of the same kind filled in that order, so the fuzzy
     * rule meets the spellings in the same order too.
     */
    void write(GazetteerIndex.Out out, java.util.function.ToIntFunction<T> idOf) throws java.io.IOException {
        if (folding == null) {
            throw new IllegalStateException("an index made with functions of its own cannot be written");
        }
        out.writeBoolean(fuzzy);
        out.writeByte(folding.ordinal());
        for (Keys<T> keys : List.of(names, formerNames, abolished)) {
            keys.write(out, idOf);
        }
        out.writeInt(europeanSources.size());
        for (EuropeanSource<T> source : europeanSources) {
            out.writeStrings(source.names());
            out.writeBoolean(source.ukrainian());
            out.writeInt(idOf.applyAsInt(source.place()));
        }
    }

    /** An index as {@link #write} wrote it, with the spellings of places outside it. */
    static <T> NameIndex<T> read(GazetteerIndex.In in, Set<String> namesElsewhere, java.util.function.IntFunction<T> place)
            throws java.io.IOException {
        boolean fuzzy = in.readBoolean();
        NameIndex<T> index = new NameIndex<>(fuzzy, namesElsewhere, Folding.values()[in.readByte()]);
        for (Keys<T> keys : List.of(index.names, index.formerNames, index.abolished)) {
            keys.read(in, place);
        }
        int sources = in.readInt();
        for (int i = 0; i < sources; i++) {
            List<String> names = in.readStrings();
            boolean ukrainian = in.readBoolean();
            index.europeanSources.add(new EuropeanSource<>(names, ukrainian, place.apply(in.readInt())));
        }
        return index;
    }

    /** The four keys of a set of names, from strict to loose. */
    private static final class Keys<T> {
        private final Map<String, Set<T>> byName = new HashMap<>();
        private final Map<String, Set<T>> byCore = new HashMap<>();
        private final Map<String, Set<T>> byGrammar = new HashMap<>();
        private final Map<String, Set<T>> bySpelling = new HashMap<>();
        private final Map<T, Set<String>> kinds = new HashMap<>();
        /** The keys of each place's own names (not its aliases): a match through one of them is exact. */
        private final Map<T, Set<String>> own = new HashMap<>();
        private final Function<String, List<String>> grammarKeys;
        private final Function<String, Set<String>> statedKinds;

        Keys(Function<String, List<String>> grammarKeys, Function<String, Set<String>> statedKinds) {
            this.grammarKeys = grammarKeys;
            this.statedKinds = statedKinds;
        }

        void write(GazetteerIndex.Out out, java.util.function.ToIntFunction<T> idOf) throws java.io.IOException {
            for (Map<String, Set<T>> map : List.of(byName, byCore, byGrammar, bySpelling)) {
                out.writeInt(map.size());
                for (Map.Entry<String, Set<T>> entry : map.entrySet()) {
                    out.writeString(entry.getKey());
                    out.writeInt(entry.getValue().size());
                    for (T place : entry.getValue()) {
                        out.writeInt(idOf.applyAsInt(place));
                    }
                }
            }
            for (Map<T, Set<String>> map : List.of(kinds, own)) {
                out.writeInt(map.size());
                for (Map.Entry<T, Set<String>> entry : map.entrySet()) {
                    out.writeInt(idOf.applyAsInt(entry.getKey()));
                    out.writeStrings(entry.getValue());
                }
            }
        }

        void read(GazetteerIndex.In in, java.util.function.IntFunction<T> place) throws java.io.IOException {
            for (Map<String, Set<T>> map : List.of(byName, byCore, byGrammar, bySpelling)) {
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    String key = in.readString();
                    int count = in.readInt();
                    Set<T> places = new LinkedHashSet<>();
                    for (int j = 0; j < count; j++) {
                        places.add(place.apply(in.readInt()));
                    }
                    map.put(key, places);
                }
            }
            for (Map<T, Set<String>> map : List.of(kinds, own)) {
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    T key = place.apply(in.readInt());
                    map.put(key, new java.util.HashSet<>(in.readStrings()));
                }
            }
        }

        void add(String name, T place, boolean ownName) {
            String normalized = NameFolding.normalize(name);
            if (normalized.isEmpty()) {
                return;
            }
            String core = NameFolding.coreOfNormalized(normalized);
            String spelling = NameFolding.spellingOfCore(core);
            // Grammar keys are of Cyrillic words only.
            List<String> grammar = NameFolding.hasCyrillic(core) ? grammarKeys.apply(name) : List.of();
            byName.computeIfAbsent(normalized, k -> new LinkedHashSet<>()).add(place);
            byCore.computeIfAbsent(core, k -> new LinkedHashSet<>()).add(place);
            for (String key : grammar) {
                byGrammar.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(place);
            }
            kinds.computeIfAbsent(place, k -> new java.util.HashSet<>()).addAll(statedKinds.apply(name));
            bySpelling.computeIfAbsent(spelling, k -> new LinkedHashSet<>()).add(place);
            if (ownName) {
                Set<String> keys = own.computeIfAbsent(place, k -> new java.util.HashSet<>());
                keys.add(normalized);
                keys.add(core);
                keys.addAll(grammar);
                keys.add(SPELLING + spelling);
            }
        }

        /**
         * How a name that found a place through one of the strict keys met it: exact when a key is one of the
         * place's own names; transliterated when only its spelling is; otherwise through another name the
         * gazetteer lists for it (a translation, a short name).
         */
        MatchMethod methodOf(T place, String normalized, String core, List<String> grammar, String spelling) {
            Set<String> keys = own.getOrDefault(place, Set.of());
            if (keys.contains(normalized) || keys.contains(core)) {
                return MatchMethod.EXACT;
            }
            for (String key : grammar) {
                if (keys.contains(key)) {
                    return MatchMethod.EXACT;
                }
            }
            return keys.contains(SPELLING + spelling) ? MatchMethod.TRANSLITERATED : MatchMethod.OTHER_NAME;
        }

        /**
         * The places the first matching key names, strictest key first; null when no key matches, and
         * none when the name states a kind of place that the one it matches is not (no guess follows).
         * {@code exact} is set when the match is not through the spelling key.
         */
        Set<T> find(String normalized, String core, List<String> grammar, String spelling, boolean[] exact) {
            return find(normalized, core, grammar, spelling, exact, kinds);
        }

        /** As above, with the kinds of place taken from {@code kindsOf}: the places' names, not these keys. */
        Set<T> find(String normalized, String core, List<String> grammar, String spelling, boolean[] exact,
                    Map<T, Set<String>> kindsOf) {
            exact[0] = true;
            Set<T> found = byName.get(normalized);
            if (found == null) {
                found = byCore.get(core);
            }
            if (found != null) {
                return found;
            }
            for (int i = 0; found == null && i < grammar.size(); i++) {
                found = byGrammar.get(grammar.get(i));
            }
            if (found == null) {
                exact[0] = false;
                found = bySpelling.get(spelling);
            }
            // Folded keys leave out the kind: a name that states one the place never has names another place.
            Set<String> stated = found == null ? Set.of() : statedKinds.apply(normalized);
            if (!stated.isEmpty() && found.stream().noneMatch(place -> kindsOf.getOrDefault(place, Set.of()).containsAll(stated))) {
                return Set.of();
            }
            return found;
        }
    }

    /**
     * Every place one of whose names is spelt as {@code input} is, after transliteration and spelling folding: more
     * than one when places of several regions share the name, whichever key {@link #resolve} meets first.
     */
    Set<T> placesSpelt(String input) {
        return names.bySpelling.getOrDefault(NameFolding.spelling(input), Set.of());
    }

    PlaceMatch<T> resolve(String input) {
        return Memo.remember(resolved, input == null ? "" : input, Memo.SPELLINGS_PER_REGION, this::lookUp);
    }

    /** Folded keys that name more than one place, for the tests and for whoever edits the supplements. */
    Map<String, Set<T>> ambiguousCores() {
        Map<String, Set<T>> ambiguous = new HashMap<>();
        names.byCore.forEach((k, v) -> {
            if (v.size() > 1) {
                ambiguous.put(k, v);
            }
        });
        return ambiguous;
    }

    private PlaceMatch<T> lookUp(String input) {
        String normalized = NameFolding.normalize(input);
        if (normalized.isEmpty()) {
            return PlaceMatch.unresolved(input);
        }
        String core = NameFolding.core(input);
        List<String> grammar = names.grammarKeys.apply(input);
        String spelling = NameFolding.spelling(input);
        boolean[] exact = new boolean[1];
        Set<T> found = names.find(normalized, core, grammar, spelling, exact);
        if (found != null) {
            if (found.size() == 1 && exact[0]) {
                T place = found.iterator().next();
                return new PlaceMatch<>(input, place, names.methodOf(place, normalized, core, grammar, spelling), 1.0);
            }
            return only(input, found, exact[0] ? MatchMethod.EXACT : MatchMethod.TRANSLITERATED);
        }
        // European spellings are Latin: a Cyrillic name is never one (Чёрного is no spelling of Chernihiv).
        boolean latin = !NameFolding.hasCyrillic(normalized);
        found = latin ? european().find(normalized, core, grammar, NameFolding.europeanKey(spelling), exact, names.kinds) : null;
        if (found != null) {
            return only(input, found, MatchMethod.TRANSLITERATED);
        }
        found = formerNames.find(normalized, core, grammar, spelling, exact);
        if (found != null) {
            return only(input, found, MatchMethod.FORMER_NAME);
        }
        found = abolished.find(normalized, core, grammar, spelling, exact);
        if (found != null) {
            return only(input, found, MatchMethod.FORMER_DISTRICT);
        }
        return fuzzy ? closest(input, spelling) : PlaceMatch.unresolved(input);
    }

    private PlaceMatch<T> only(String input, Set<T> places, MatchMethod method) {
        return places.size() == 1
                ? new PlaceMatch<>(input, places.iterator().next(), method, 1.0)
                : PlaceMatch.unresolved(input);
    }

    /**
     * The fuzzy rule, the same for regions and districts: the place whose closest spelling is fewest typing slips
     * away ({@link Edits}: a swap of two neighbours is one slip) is taken when it is at most
     * {@link #editsAllowed} slips away and every other place is at least {@link #FUZZY_EDIT_MARGIN} more slips
     * away. Slips of the pen keep the first letter; a name that states a kind of place is matched only with
     * places of that kind.
     */
    private PlaceMatch<T> closest(String input, String spelling) {
        if (spelling.length() < FUZZY_MIN_LENGTH || namesElsewhere.contains(spelling)) {
            return PlaceMatch.unresolved(input);
        }
        Set<String> stated = names.statedKinds.apply(input);
        int limit = editsAllowed(spelling) + FUZZY_EDIT_MARGIN;
        Map<T, Integer> fewestPerPlace = new HashMap<>();
        Map<T, String> closestSpelling = new HashMap<>();
        Collection<Map.Entry<String, Set<T>>> european = NameFolding.hasCyrillic(input)
                ? List.of() : european().bySpelling.entrySet();
        // First the typing slips alone: most names that come this far are no slip of any place's name, and
        // for those the likeness of every spelling (the costlier measure) is never needed.
        for (Collection<Map.Entry<String, Set<T>>> spellings : List.of(names.bySpelling.entrySet(), european)) {
            for (Map.Entry<String, Set<T>> entry : spellings) {
                String candidate = entry.getKey();
                if (!comparable(spelling, candidate)) {
                    continue;
                }
                int edits = Edits.distance(spelling, candidate, limit);
                if (edits > limit) {
                    continue;
                }
                for (T place : entry.getValue()) {
                    if (!stated.isEmpty() && !names.kinds.getOrDefault(place, Set.of()).containsAll(stated)) {
                        continue;
                    }
                    Integer before = fewestPerPlace.get(place);
                    if (before == null || edits < before) {
                        fewestPerPlace.put(place, edits);
                        closestSpelling.put(place, candidate);
                    }
                }
            }
        }
        T best = null;
        int fewest = Integer.MAX_VALUE;
        int next = Integer.MAX_VALUE;
        for (Map.Entry<T, Integer> e : fewestPerPlace.entrySet()) {
            if (e.getValue() < fewest) {
                next = fewest;
                fewest = e.getValue();
                best = e.getKey();
            } else if (e.getValue() < next) {
                next = e.getValue();
            }
        }
        if (best == null || fewest > editsAllowed(closestSpelling.get(best)) || next - fewest < FUZZY_EDIT_MARGIN) {
            return PlaceMatch.unresolved(input);
        }
        // A clear best by slips: it must also be clearly the most alike, and no other place's whole name a prefix.
        T chosen = best;
        double bestSimilarity = 0.0;
        double runnerUp = 0.0;
        for (Collection<Map.Entry<String, Set<T>>> spellings : List.of(names.bySpelling.entrySet(), european)) {
            for (Map.Entry<String, Set<T>> entry : spellings) {
                String candidate = entry.getKey();
                if (!comparable(spelling, candidate)) {
                    continue;
                }
                double score = SIMILARITY.apply(spelling, candidate);
                boolean prefix = spelling.startsWith(candidate);
                for (T place : entry.getValue()) {
                    if (place.equals(chosen)) {
                        bestSimilarity = Math.max(bestSimilarity, score);
                    } else if (prefix) {
                        // Places whose whole name the name begins with: Kamensky-Shakhtinsky begins with Kamensky.
                        return PlaceMatch.unresolved(input);
                    } else {
                        runnerUp = Math.max(runnerUp, score);
                    }
                }
            }
        }
        if (bestSimilarity >= FUZZY_SIMILARITY && bestSimilarity - runnerUp >= FUZZY_MARGIN) {
            return new PlaceMatch<>(input, best, MatchMethod.FUZZY, bestSimilarity);
        }
        return PlaceMatch.unresolved(input);
    }

    /** Whether the fuzzy rule compares a name's spelling with a place's: slips of the pen keep the first letter. */
    private static boolean comparable(String spelling, String candidate) {
        return candidate.length() >= FUZZY_MIN_LENGTH && candidate.charAt(0) == spelling.charAt(0);
    }

    /**
     * The places whose spellings are most like the name, best first, at most {@code limit}: what a
     * person might have meant by a name no rule resolved. Not a resolution: nothing here is taken.
     * <p>
     * Ranked by likeness (Jaro-Winkler on the spelling keys, European spellings included for a Latin name), but
     * a place whose kind the name contradicts ({@code Kyiv Oblast} against Kyiv the city) never comes before one
     * that agrees. Scores are calibrated ({@link #calibrated}) so that a first candidate at
     * {@link Candidate#SURE} or more can be accepted blindly.
     */
    List<Candidate<T>> candidates(String input, int limit) {
        String text = input == null ? "" : input;
        String spelling = NameFolding.spelling(text);
        if (spelling.isEmpty()) {
            return List.of();
        }
        PlaceMatch<T> match = resolve(text);
        Set<String> stated = names.statedKinds.apply(text);
        Map<T, Double> bestPerPlace = new HashMap<>();
        // Each place's nearest spelling in slips: a name many slips from every spelling of a place is another
        // place's name (Мордор, South Ossetia, Kostanay region), however alike the letters.
        Map<T, Integer> fewestSlips = new HashMap<>();
        List<String> parts = spellingsOfParts(text);
        names.bySpelling.forEach((candidate, places) -> {
            double score = SIMILARITY.apply(spelling, candidate);
            int slips = Edits.distance(spelling, candidate, SURE_SLIPS);
            for (int i = 0; i < parts.size() && slips > SURE_SLIPS; i++) {
                slips = Edits.distance(parts.get(i), candidate, SURE_SLIPS);
            }
            int fewest = slips;
            places.forEach(place -> {
                bestPerPlace.merge(place, score, Math::max);
                fewestSlips.merge(place, fewest, Math::min);
            });
        });
        if (!NameFolding.hasCyrillic(text)) {
            String european = NameFolding.europeanKey(spelling);
            european().bySpelling.forEach((candidate, places) -> {
                double score = SIMILARITY.apply(european, candidate);
                int slips = Edits.distance(european, candidate, SURE_SLIPS);
                places.forEach(place -> {
                    bestPerPlace.merge(place, score, Math::max);
                    fewestSlips.merge(place, slips, Math::min);
                });
            });
        }
        if (match.resolved() && match.method() != MatchMethod.FUZZY) {
            bestPerPlace.put(match.place(), 1.0);
        }
        java.util.function.Predicate<T> agrees = place -> stated.isEmpty()
                || names.kinds.getOrDefault(place, Set.of()).containsAll(stated);
        List<Map.Entry<T, Double>> ranked = bestPerPlace.entrySet().stream()
                .sorted(java.util.Comparator.<Map.Entry<T, Double>, Boolean>comparing(e -> !agrees.test(e.getKey()))
                        .thenComparing(Map.Entry.<T, Double>comparingByValue().reversed())
                        .thenComparing(e -> e.getKey().toString()))
                .limit(Math.max(limit, 2))
                .toList();
        List<Candidate<T>> candidates = new ArrayList<>();
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            Map.Entry<T, Double> e = ranked.get(i);
            boolean sure = match.resolved() && match.method() != MatchMethod.FUZZY && e.getKey().equals(match.place());
            double next = i + 1 < ranked.size() ? ranked.get(i + 1).getValue() : 0.0;
            double previous = i > 0 ? ranked.get(i - 1).getValue() : 0.0;
            double score = sure ? 1.0 : calibrated(e.getValue(), Math.max(next, previous), agrees.test(e.getKey()));
            if (!sure && fewestSlips.getOrDefault(e.getKey(), SURE_SLIPS + 1) > SURE_SLIPS) {
                score = Math.min(score, Candidate.SURE - 0.01);
            }
            candidates.add(new Candidate<>(e.getKey(), Math.round(score * 100) / 100.0));
        }
        return candidates;
    }

    /**
     * A candidate's score from its likeness, the closest other place's likeness and whether its kind agrees with
     * the name's. Fitted on the labelled set (see LabelledNamesTests): likeness alone put a wrong first candidate
     * at 0.85 or more when another place was nearly as alike, so a candidate is only as sure as its lead over the
     * next: below a lead of {@link #SURE_LEAD} it is held under {@link Candidate#SURE}. A place whose kind the name
     * contradicts is never sure.
     */
    static double calibrated(double likeness, double closestOther, boolean kindAgrees) {
        double score = likeness;
        if (!kindAgrees) {
            score = Math.min(score, Candidate.SURE - 0.25);
        }
        if (likeness - closestOther < SURE_LEAD) {
            score = Math.min(score, Candidate.SURE - 0.01);
        }
        return score;
    }

    /**
     * The spellings of a name of two to four words without its first or last words: a word of kind misspelt
     * ({@code Курская облсть}) or glued to the name ({@code AbinskyDistrict}, split where a capital follows a small
     * letter) is no word of kind to the folding, and stays in the name's spelling.
     */
    private static List<String> spellingsOfParts(String text) {
        String[] words = NameFolding.normalize(GLUED.matcher(text).replaceAll(" ")).split(" ");
        if (words.length < 2 || words.length > 4) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < words.length; from++) {
            for (int to = from + 1; to <= words.length; to++) {
                if (to - from < words.length) {
                    String part = NameFolding.spelling(String.join(" ", java.util.Arrays.copyOfRange(words, from, to)));
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                }
            }
        }
        return parts;
    }

    /** Where a capital letter follows a small one: two words written as one ({@code AbinskyDistrict}). */
    private static final java.util.regex.Pattern GLUED = java.util.regex.Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    /** The most typing slips ({@link Edits}) a name may be from a place's spelling for the place to be sure. */
    static final int SURE_SLIPS = 2;

    /** How much more alike than the next place a candidate must be to be sure. */
    static final double SURE_LEAD = 0.05;

    /**
     * Similarity alone favours a shared beginning ("Rostov foo" looks like "Rostov"); a guess must
     * also be a few typing slips away: one for a short name, two for a longer one.
     */
    static int editsAllowed(String spelling) {
        return spelling.length() < 8 ? 1 : 2;
    }
}
