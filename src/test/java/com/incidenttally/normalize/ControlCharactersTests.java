package com.incidenttally.normalize;

import com.incidenttally.ingest.Column;
import com.incidenttally.ingest.RawRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTests {

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0001', '\u0007', '\b', '\u000B', '\f', '\u000E', '\u001B', '\u001F', '\u007F'})
    void removesNulAndOtherControlCharacters(char control) {
        assertThat(ControlCharacters.strip("Rostov" + control + " region" + control)).isEqualTo("Rostov region");
    }

    @Test
    void keepsTabsAndLineBreaksOfFreeText() {
        String text = "line one\r\nline two\tand\rthree";
        assertThat(ControlCharacters.strip(text)).isSameAs(text);
    }

    @Test
    void keepsEveryOtherCharacterAndTextWithoutControlsAsItIs() {
        String text = "Курская область — «обломки» \u00A0\u200B 🙂";
        assertThat(ControlCharacters.strip(text)).isSameAs(text);
        assertThat(ControlCharacters.strip((String) null)).isNull();
        assertThat(ControlCharacters.strip("\u0000\u0000")).isEmpty();
    }

    @Test
    void cleansARowsValuesAndRawTextWithoutTouchingTheRowRead() {
        String[] values = new String[Column.values().length];
        values[Column.SOURCE.ordinal()] = "Governor\u0000 (Telegram)";
        values[Column.NOTES.ordinal()] = "two\nlines";
        RawRow row = new RawRow("a.csv", 2, values, "Governor\u0000 (Telegram),\"two\nlines\"", null);

        RawRow cleaned = ControlCharacters.strip(row);

        assertThat(cleaned.get(Column.SOURCE)).isEqualTo("Governor (Telegram)");
        assertThat(cleaned.get(Column.NOTES)).isEqualTo("two\nlines");
        assertThat(cleaned.raw()).isEqualTo("Governor (Telegram),\"two\nlines\"");
        assertThat(row.get(Column.SOURCE)).contains("\u0000");
        assertThat(ControlCharacters.strip(cleaned)).isSameAs(cleaned);
    }

    @Test
    void aRowTheReaderFoundFreeOfControlsIsLeftAsItIsAndAnyOtherRowIsLookedAt() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("controls", ".csv");
        try {
            java.nio.file.Files.writeString(file, "occurred_at,region,event_type,source\n"
                    + "2025-12-07,Rostov Oblast,debris,Gov\u0000ernor\n2025-12-07,Rostov Oblast,debris,Governor\n");
            try (com.incidenttally.ingest.IncidentCsvReader reader = com.incidenttally.ingest.IncidentCsvReader.open(file, "c.csv")) {
                RawRow withNul = reader.read();
                RawRow plain = reader.read();

                assertThat(ControlCharacters.strip(withNul).get(Column.SOURCE)).isEqualTo("Governor");
                assertThat(ControlCharacters.strip(plain)).isSameAs(plain);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
