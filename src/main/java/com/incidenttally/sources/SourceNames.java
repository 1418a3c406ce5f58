package com.incidenttally.sources;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Source names as one: a source written "Минобороны России", "Russian MoD" or "Ministry of Defence of
 * Russia" is one source once the aliases declare them so, and spellings that differ only in case, white
 * space or punctuation are one source without being declared. Plain Java; immutable.
 */
public final class SourceNames {

    /** No declared aliases: each spelling is its own source, up to case, white space and punctuation. */
    public static final SourceNames NONE = new SourceNames(Map.of());

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Canonical names by the folded spelling of each alias and of each canonical name itself. */
    private final Map<String, String> canonicalByKey;

    private SourceNames(Map<String, String> canonicalByKey) {
        this.canonicalByKey = canonicalByKey;
    }

    /**
     * Aliases of sources, from a spelling as written to its canonical name.
     *
     * @throws IllegalArgumentException when one spelling is given two canonical names, or a canonical name
     *                                  is itself declared an alias of another
     */
    public static SourceNames of(Map<String, String> canonicalByAlias) {
        // The first spelling of each canonical name is the one the report shows.
        Map<String, String> canonicalByFold = new LinkedHashMap<>();
        canonicalByAlias.values().forEach(canonical -> canonicalByFold.putIfAbsent(fold(canonical), canonical.strip()));
        Map<String, String> byKey = new HashMap<>();
        canonicalByAlias.forEach((alias, canonical) -> {
            String key = fold(alias);
            String target = canonicalByFold.get(fold(canonical));
            if (canonicalByFold.containsKey(key) && !key.equals(fold(canonical))) {
                throw new IllegalArgumentException("'" + alias + "' is the canonical name of a source and cannot also be"
                        + " an alias of '" + target + "'");
            }
            String earlier = byKey.putIfAbsent(key, target);
            if (earlier != null && !earlier.equals(target)) {
                throw new IllegalArgumentException("'" + alias + "' is already an alias of '" + earlier + "'");
            }
        });
        canonicalByFold.forEach(byKey::putIfAbsent);
        return byKey.isEmpty() ? NONE : new SourceNames(Map.copyOf(byKey));
    }

    /** The source a row names: its canonical name when declared, and the key the merge compares. */
    public Source of(String asWritten) {
        String key = fold(asWritten);
        String canonical = canonicalByKey.get(key);
        if (canonical == null) {
            return new Source(asWritten, key);
        }
        return new Source(canonical, fold(canonical));
    }

    public boolean isEmpty() {
        return canonicalByKey.isEmpty();
    }

    /**
     * Lower case, {@code ё} as {@code е}, punctuation away, words separated by one space:
     * "Russian MoD", "russian  mod." and "Russian-MoD" are one key. A name of punctuation only keeps
     * its characters, so it is not lumped with every other such name.
     */
    public static String fold(String name) {
        String lower = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        String words = NOT_LETTER_OR_DIGIT.matcher(lower).replaceAll(" ").strip();
        return words.isEmpty() ? WHITESPACE.matcher(lower.strip()).replaceAll(" ") : words;
    }
}
