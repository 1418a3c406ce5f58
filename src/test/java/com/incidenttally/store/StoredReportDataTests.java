package com.incidenttally.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredReportDataTests {

    @Test
    void splitsAFilesDialectIntoEncodingAndDelimiter() {
        assertThat(StoredReportData.dialect("UTF-8, ','")).containsExactly("UTF-8", ",");
        assertThat(StoredReportData.dialect("UTF-8 (BOM), ';'")).containsExactly("UTF-8 (BOM)", ";");
        assertThat(StoredReportData.dialect("windows-1251, tab")).containsExactly("windows-1251", "\t");
        assertThat(StoredReportData.dialect(null)).containsExactly(null, null);
        assertThat(StoredReportData.dialect("UTF-8")).containsExactly("UTF-8", null);
    }
}
