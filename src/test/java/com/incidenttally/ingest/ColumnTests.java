package com.incidenttally.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnTests {

    @Test
    void listsTheSpecColumnsInSpecOrder() {
        assertThat(Arrays.stream(Column.values()).map(Column::header)).containsExactly(
                "incident_id", "occurred_at", "night", "region", "district", "location", "event_type",
                "uav_count", "killed", "injured", "damage", "measures", "source", "source_url", "notes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "event_type|EVENT_TYPE",
            "Event Type|EVENT_TYPE",
            "EVENT-TYPE|EVENT_TYPE",
            "UAV-count|UAV_COUNT",
            "' SOURCE '|SOURCE",
            "Source URL|SOURCE_URL",
            "'uav - count'|UAV_COUNT",
            "\uFEFFincident_id|INCIDENT_ID",
            "'\uFEFF Night'|NIGHT",
            "_region_|REGION",
            "'\u00A0Source\u200B'|SOURCE",
            "'event\u00A0type'|EVENT_TYPE",
            "'occurred\u200B_at\u2060'|OCCURRED_AT",
    })
    void matchesHeaderNamesLoosely(String name, Column expected) {
        assertThat(Column.fromHeader(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "colour", "event", "eventtype", "region_name", "regions"})
    void knowsNoOtherColumns(String name) {
        assertThat(Column.fromHeader(name)).isEmpty();
    }

    @Test
    void readsNoColumnFromNull() {
        assertThat(Column.fromHeader(null)).isEmpty();
    }
}
