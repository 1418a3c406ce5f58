package com.incidenttally.places;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class MemoTests {

    @Test
    void aFullMemoIsEmptiedBeforeTheNextEntryAndAnyOtherIsLeftAlone() {
        Map<String, Integer> memo = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            assertThat(Memo.remember(memo, "k" + i, 3, key -> Integer.parseInt(key.substring(1)))).isEqualTo(i);
        }
        assertThat(memo).hasSize(3);
        assertThat(Memo.remember(memo, "k1", 3, key -> -1)).as("remembered, not looked up again").isEqualTo(1);
        assertThat(memo).hasSize(3);

        assertThat(Memo.remember(memo, "k3", 3, key -> 3)).isEqualTo(3);
        assertThat(memo).containsExactly(Map.entry("k3", 3));
    }

    @Test
    void moreDistrictSpellingsThanTheMemoHoldsGiveTheSameAnswersAsAFreshGazetteer() {
        Gazetteer gazetteer = Gazetteer.bundled();
        Region rostov = gazetteer.resolveRegion("Rostov Oblast").place();
        PlaceMatch<District> first = gazetteer.resolveDistrict(rostov, "Kamensky Raion");
        PlaceMatch<District> typo = gazetteer.resolveDistrict(rostov, "Kamenskyy raoin");
        // Short unknown spellings, each unresolved at once (too short for the fuzzy rule), fill the memo past its bound.
        Map<String, Boolean> answers = new ConcurrentHashMap<>();
        for (int i = 0; i <= Memo.SPELLINGS_PER_REGION; i++) {
            String spelling = "q" + Integer.toString(i, 36);
            answers.put(spelling, gazetteer.resolveDistrict(rostov, spelling).resolved());
        }
        assertThat(answers).hasSize(Memo.SPELLINGS_PER_REGION + 1).doesNotContainValue(true);
        assertThat(gazetteer.resolveDistrict(rostov, "Kamensky Raion")).isEqualTo(first);
        assertThat(gazetteer.resolveDistrict(rostov, "Kamenskyy raoin")).isEqualTo(typo);
        assertThat(first.resolved()).isTrue();
    }
}
