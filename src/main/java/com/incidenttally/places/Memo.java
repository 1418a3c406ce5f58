package com.incidenttally.places;

import java.util.Map;
import java.util.function.Function;

/**
 * The bound on the memos of resolved spellings. A lookup's answer depends on the spelling alone,
 * so a memo that is full is emptied and filled again: answers stay the same, and a long run over
 * input with ever new spellings keeps its memory bounded. Real input has a few thousand distinct
 * spellings; a million generated rows about 25,000 district spellings over 100 regions.
 */
final class Memo {

    /** Spellings of regions remembered at most. */
    static final int REGION_SPELLINGS = 50_000;
    /** Spellings remembered at most per region's districts, and per name index. */
    static final int SPELLINGS_PER_REGION = 10_000;

    private Memo() {
    }

    /**
     * The memo's answer for {@code key}, else {@code lookUp}'s, remembered in a memo of at most {@code limit}
     * entries (a full one is emptied first). Not {@code computeIfAbsent}: a lookup may resolve another
     * spelling through the same memo first (a name with a note resolves the name without it), which would
     * be a recursive update. Two threads asking at once may both look up; the first answer stored is the
     * one both return.
     */
    static <K, V> V remember(Map<K, V> memo, K key, int limit, Function<K, V> lookUp) {
        V known = memo.get(key);
        if (known != null) {
            return known;
        }
        V answer = lookUp.apply(key);
        if (memo.size() >= limit) {
            memo.clear();
        }
        V raced = memo.putIfAbsent(key, answer);
        return raced == null ? answer : raced;
    }
}
