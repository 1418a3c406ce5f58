package com.incidenttally.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a store's file is worth compacting: big enough, and mostly space no row uses. */
class StoreSpaceTests {

    private static final long MB = 1L << 20;

    @Test
    void aBigStoreIsCompactedOnlyBelowThreeQuartersFull() {
        assertThat(new StoreSpace(101 * MB, 62).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
        assertThat(new StoreSpace(101 * MB, 74).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
        assertThat(new StoreSpace(101 * MB, 75).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isFalse();
        assertThat(new StoreSpace(53 * MB, 98).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isFalse();
    }

    @Test
    void aStoreUnderTheFloorIsNeverCompactedHoweverSparse() {
        assertThat(new StoreSpace(16 * MB - 1, 5).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isFalse();
        assertThat(new StoreSpace(16 * MB, 5).worthCompacting(StoreSpace.DEFAULT_MIN_BYTES)).isTrue();
        assertThat(new StoreSpace(86_016, 48).worthCompacting(0)).isTrue();
    }
}
