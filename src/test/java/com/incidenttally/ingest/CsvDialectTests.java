package com.incidenttally.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDialectTests {

    private static final Charset CP1251 = Charset.forName("windows-1251");

    @Test
    void describesUtf8WithBomAndSemicolon() {
        assertThat(new CsvDialect(StandardCharsets.UTF_8, true, ';').describe()).isEqualTo("UTF-8 (BOM), ';'");
    }

    @Test
    void describesWindows1251AndComma() {
        assertThat(new CsvDialect(CP1251, false, ',').describe()).isEqualTo("windows-1251, ','");
    }

    @Test
    void describesTabByName() {
        assertThat(new CsvDialect(StandardCharsets.UTF_8, false, '\t').describe()).isEqualTo("UTF-8, tab");
    }

    @Test
    void fallbackMeansReadAsWindows1251() {
        assertThat(new CsvDialect(CP1251, false, ',').fallback()).isTrue();
        assertThat(new CsvDialect(StandardCharsets.UTF_8, false, ',').fallback()).isFalse();
    }
}
