package com.incidenttally.places;

import java.util.Map;

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

    /** Empties a memo that holds {@code limit} entries or more, before one more is put in it. */
    static void makeRoom(Map<?, ?> memo, int limit) {
        if (memo.size() >= limit) {
            memo.clear();
        }
    }
}
