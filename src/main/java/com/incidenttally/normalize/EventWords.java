package com.incidenttally.normalize;

import com.incidenttally.incident.EventType;

import org.tartarus.snowball.ext.RussianStemmer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words an {@code event_type} cell may say, in English, Russian and Ukrainian, in any
 * grammatical form: every word is reduced to its stem by the Russian Snowball stemmer (Lucene; with
 * Ukrainian letters read as their Russian counterparts, as the place names are), so {@code сбиты},
 * {@code сбито} and {@code сбит} meet, and so do {@code уламки} and {@code уламків}.
 *
 * <p>A cell is read whole first ({@link EventType#parse}, then its stems as a phrase); failing that,
 * by the words in it that name a type: {@code атака БПЛА} is an attack, {@code падение обломков}
 * debris. Words naming two different types are no answer, never a guess. A team's own words come
 * from the aliases file ({@code kind=event_type}) and are read first.
 */
public final class EventWords {

    /** The words of each type, as a person writes them; their stems are what a cell is compared with. */
    private static final Map<EventType, List<String>> WORDS = Map.of(
            EventType.SHOT_DOWN, List.of("сбит", "сбиты", "сбито", "сбита", "сбили", "сбила", "сбил", "уничтожен",
                    "уничтожены", "уничтожено", "уничтожение", "перехвачен", "перехвачены", "перехват", "збито", "збитий",
                    "збиті", "збили", "збила", "збив", "знищено", "знищений",
                    "знищені", "перехоплено", "перехоплений", "intercepted", "destroyed", "downed"),
            EventType.DEBRIS, List.of("обломки", "обломок", "фрагменты", "уламки", "уламок", "фрагменти", "debris",
                    "wreckage", "fragments"),
            EventType.IMPACT, List.of("прилёт", "попадание", "поражение", "влучання", "влучення", "ураження", "уражено",
                    "приліт",
                    "удар", "hit", "strike", "impact"),
            EventType.ATTACK, List.of("атака", "нападение", "напад", "attack"));

    /** The Snowball stemmer keeps state while it works: one per thread. (Made before the stems below.) */
    private static final ThreadLocal<RussianStemmer> STEMMER = ThreadLocal.withInitial(RussianStemmer::new);
    private static final Map<String, EventType> BY_STEM = byStem();
    /** Words that deny the type word after them ({@code не сбит}, {@code без попадания}, {@code not intercepted}). */
    private static final Set<String> NOT_BEFORE = stems("не", "ни", "без", "not", "no", "ні");
    /** Words that deny the type word before them ({@code попадания нет}, {@code обломки не обнаружены}). */
    private static final Set<String> NOT_AFTER = stems("нет", "не", "немає", "ні");

    public static final EventWords NONE = new EventWords(Map.of());

    private final Map<String, EventType> own;
    private static final int MAX_SEEN = 10_000;
    /** The few distinct cells of a run, each read once. */
    private final Map<String, Optional<EventType>> seen = new ConcurrentHashMap<>();

    private EventWords(Map<String, EventType> own) {
        this.own = Map.copyOf(own);
    }

    /** These words and a team's own ({@code input_name} as written, the type it means). */
    public static EventWords withOwn(Map<String, EventType> words) {
        Map<String, EventType> own = new HashMap<>();
        words.forEach((word, type) -> own.put(key(word), type));
        return new EventWords(own);
    }

    /**
     * The event-type lines of a user's aliases file: those whose {@code kind} column says
     * {@code event_type}, e.g. {@code бавовна,,impact,event_type}. The canonical name is a type or a
     * word this class already knows; the region column is blank.
     *
     * @throws IllegalArgumentException naming the file and line when such a line is wrong
     */
    public static EventWords fromAliasFile(java.nio.file.Path file) {
        Map<String, EventType> words = new java.util.LinkedHashMap<>();
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader =
                     de.siegmar.fastcsv.reader.CsvReader.builder().skipEmptyLines(true).detectBomHeader(true)
                             .allowExtraFields(true).allowMissingFields(true)
                             .ofCsvRecord(file, java.nio.charset.StandardCharsets.UTF_8)) {
            int kindColumn = -1;
            boolean header = true;
            for (de.siegmar.fastcsv.reader.CsvRecord row : reader) {
                if (header) {
                    kindColumn = row.getFields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList().indexOf("kind");
                    header = false;
                    if (kindColumn < 0) {
                        return NONE;
                    }
                    continue;
                }
                List<String> fields = row.getFields();
                if (fields.size() <= Math.max(kindColumn, 2)
                        || !fields.get(kindColumn).trim().equalsIgnoreCase("event_type")) {
                    continue;
                }
                long line = row.getStartingLineNumber();
                String word = fields.get(0).trim();
                String canonical = fields.get(2).trim();
                if (word.isEmpty() || canonical.isEmpty()) {
                    continue;
                }
                if (!fields.get(1).isBlank()) {
                    throw new IllegalArgumentException(file + ":" + line + ": an event type's alias has a blank region"
                            + " column, not '" + fields.get(1).trim() + "'");
                }
                EventType type = NONE.parse(canonical).orElseThrow(() -> new IllegalArgumentException(file + ":" + line
                        + ": '" + canonical + "' is not an event type: expected shot_down, debris, impact or attack"));
                EventType earlier = words.putIfAbsent(word, type);
                if (earlier != null && earlier != type) {
                    throw new IllegalArgumentException(file + ":" + line + ": '" + word + "' is already an alias of "
                            + earlier.code());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new IllegalArgumentException(file + ": is not valid CSV: " + e.getMessage(), e);
        }
        return words.isEmpty() ? NONE : withOwn(words);
    }

    public Optional<EventType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<EventType> known = seen.get(text);
        if (known != null) {
            return known;
        }
        Optional<EventType> read = read(text);
        // A column of free text would make every cell a new word: the memory stays bounded.
        if (seen.size() < MAX_SEEN) {
            seen.put(text, read);
        }
        return read;
    }

    private Optional<EventType> read(String text) {
        String key = key(text);
        EventType type = own.get(key);
        if (type != null) {
            return Optional.of(type);
        }
        Optional<EventType> exact = EventType.parse(text);
        if (exact.isPresent()) {
            return exact;
        }
        type = BY_STEM.get(key);
        if (type != null) {
            return Optional.of(type);
        }
        Scan scan = scan(key);
        if (scan.denied() || scan.named().size() > 1) {
            // "не сбит", "без попадания", "попадания нет", "обломки не обнаружены": the type denied is no answer, for
            // a person to read; nor are two types.
            return Optional.empty();
        }
        if (scan.named().isEmpty()) {
            // "атакующие дроны": the participle names an attack when no word names another type.
            return scan.attacking() ? Optional.of(EventType.ATTACK) : Optional.empty();
        }
        return Optional.of(scan.named().get(0));
    }

    /**
     * The stem of "атакующий" (attacking), its own: the Snowball stemmer gives "атак", as for "атака", and "атакующий
     * дрон уничтожен" was then two types. It names an attack only when nothing else names a type.
     */
    private static final String ATTACKING = "атакующ";

    /**
     * The types a cell's words name, in the order they first appear, denied ones left out: two or more when
     * {@link #parse} found no one type because the words name several ({@code сбит; обломки}).
     */
    public List<EventType> named(String text) {
        return text == null ? List.of() : scan(key(text)).named();
    }

    /**
     * What a cell's words say, one by one: the types they name, in the order they first appear, a denied one left
     * out; whether a type word was denied (a negation just before it, or нет, не, немає just after it); and whether
     * the participle "атакующий" was among them.
     */
    private record Scan(List<EventType> named, boolean denied, boolean attacking) {
    }

    private Scan scan(String key) {
        List<EventType> named = new java.util.ArrayList<>();
        boolean denied = false;
        String[] stems = key.split(" ");
        for (int i = 0; i < stems.length; i++) {
            EventType type = own.containsKey(stems[i]) ? own.get(stems[i]) : BY_STEM.get(stems[i]);
            int last = i;
            if (type == null && stems[i].equals("shot") && i + 1 < stems.length && stems[i + 1].equals("down")) {
                // English "shot down" beside other words: two words, one type.
                type = EventType.SHOT_DOWN;
                last = i + 1;
            }
            if (type != null) {
                if (i > 0 && NOT_BEFORE.contains(stems[i - 1]) || last + 1 < stems.length && NOT_AFTER.contains(stems[last + 1])) {
                    denied = true;
                } else if (!named.contains(type)) {
                    named.add(type);
                }
            }
            i = last;
        }
        return new Scan(List.copyOf(named), denied, java.util.Arrays.asList(stems).contains(ATTACKING));
    }

    /** The stems of a cell's words, in order, one space apart. */
    static String key(String text) {
        StringBuilder key = new StringBuilder();
        for (String word : text.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(stem(word));
        }
        return key.toString();
    }

    private static String stem(String word) {
        boolean cyrillic = word.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
        if (!cyrillic) {
            return word;
        }
        if (word.startsWith("атакующ") || word.startsWith("атакуюч")) {
            return ATTACKING;
        }
        RussianStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word.replace('і', 'и').replace('ї', 'й').replace('є', 'е').replace('ґ', 'г'));
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static Set<String> stems(String... words) {
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            stems.add(key(word));
        }
        return Set.copyOf(stems);
    }

    private static Map<String, EventType> byStem() {
        Map<String, EventType> byStem = new HashMap<>();
        WORDS.forEach((type, words) -> words.forEach(word -> {
            EventType earlier = byStem.put(key(word), type);
            if (earlier != null && earlier != type) {
                throw new IllegalStateException("the stem of " + word + " names both " + earlier + " and " + type);
            }
        }));
        return Map.copyOf(byStem);
    }
}
