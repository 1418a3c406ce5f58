package com.incidenttally.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a store's file is worth compacting: big enough, and mostly space no row uses. */
class StoreSpaceTests {

    private static final long MB = 1_000_000;

    @Test
    void aBigStoreIsCompactedOnlyWhenLiveDataFillsUnderThreeQuartersOfIt() {
        // As measured: a 1M backfill as it ends, the weekly run after it, a compacted store after a week.
        assertThat(new StoreSpace(91 * MB, 99, 71).livePercent()).isEqualTo(70);
        assertThat(new StoreSpace(91 * MB, 99, 71).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
        assertThat(new StoreSpace(116 * MB, 72, 78).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
        assertThat(new StoreSpace(53 * MB, 100, 98).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isFalse();
        assertThat(new StoreSpace(53 * MB, 100, 75).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isFalse();
        assertThat(new StoreSpace(53 * MB, 100, 74).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
        assertThat(new StoreSpace(53 * MB, 75, 100).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isFalse();
        assertThat(new StoreSpace(53 * MB, 74, 100).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
    }

    @Test
    void aStoreUnderTheFloorIsNeverCompactedHoweverSparse() {
        assertThat(new StoreSpace(16 * MB - 1, 100, 5).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isFalse();
        assertThat(new StoreSpace(16 * MB, 100, 5).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
        assertThat(new StoreSpace(86_016, 100, 48).worthCompacting(0)).isTrue();
    }
}
