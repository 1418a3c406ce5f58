package com.incidenttally.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreReportSourceTests {

    @Test
    void splitsAFilesDialectIntoEncodingAndDelimiter() {
        assertThat(StoreReportSource.dialect("UTF-8, ','")).containsExactly("UTF-8", ",");
        assertThat(StoreReportSource.dialect("UTF-8 (BOM), ';'")).containsExactly("UTF-8 (BOM)", ";");
        assertThat(StoreReportSource.dialect("windows-1251, tab")).containsExactly("windows-1251", "\t");
        assertThat(StoreReportSource.dialect(null)).containsExactly(null, null);
        assertThat(StoreReportSource.dialect("UTF-8")).containsExactly("UTF-8", null);
    }
}
