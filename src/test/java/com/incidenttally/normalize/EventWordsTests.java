package com.incidenttally.normalize;

import com.incidenttally.incident.EventType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventWordsTests {

    @ParameterizedTest
    @CsvSource({
            "shot_down, SHOT_DOWN", "сбит, SHOT_DOWN", "сбиты, SHOT_DOWN", "Сбито, SHOT_DOWN", "уничтожены, SHOT_DOWN",
            "уничтожено, SHOT_DOWN", "збито, SHOT_DOWN", "знищено, SHOT_DOWN", "знищені, SHOT_DOWN",
            "перехоплено, SHOT_DOWN",
            "обломки, DEBRIS", "падение обломков, DEBRIS", "уламки, DEBRIS", "падіння уламків, DEBRIS",
            "уламків, DEBRIS",
            "поражение, IMPACT", "влучання, IMPACT", "прилёт, IMPACT", "попадание, IMPACT", "ураження, IMPACT",
            "атака, ATTACK", "атака БПЛА, ATTACK", "атаки, ATTACK", "Attack, ATTACK",
            // Verbs as reports write them; an attacking drone shot down is shot down, attacking drones alone an attack.
            "сбили, SHOT_DOWN", "ПВО сбила, SHOT_DOWN", "збили, SHOT_DOWN", "уничтожение БПЛА, SHOT_DOWN",
            "уражено, IMPACT", "атакующий дрон уничтожен, SHOT_DOWN", "атакующие дроны, ATTACK",
    })
    void readsEventWordsInAnyForm(String text, EventType expected) {
        assertThat(EventWords.NONE.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exploded", "обломки сбитого дрона", "", "тревога"})
    void aWordItDoesNotKnowOrTwoTypesAtOnceIsNoAnswer(String text) {
        assertThat(EventWords.NONE.parse(text)).isEmpty();
    }

    @Test
    void aTeamsOwnWordsComeFirst() {
        EventWords words = EventWords.withOwn(Map.of("бавовна", EventType.IMPACT, "обломки", EventType.IMPACT));

        assertThat(words.parse("Бавовна")).contains(EventType.IMPACT);
        assertThat(words.parse("обломки")).contains(EventType.IMPACT);
        assertThat(words.parse("сбиты")).contains(EventType.SHOT_DOWN);
    }

    @Test
    void readsTheEventTypeLinesOfAnAliasesFile(@TempDir Path dir) throws Exception {
        Path aliases = Files.writeString(dir.resolve("aliases.csv"), """
                input_name,region,canonical_name,kind
                Rostov region,,Rostov Oblast,region
                бавовна,,impact,event_type
                хлопок,,удар,event_type
                """);

        EventWords words = EventWords.fromAliasFile(aliases);

        assertThat(words.parse("бавовна")).contains(EventType.IMPACT);
        assertThat(words.parse("хлопок")).contains(EventType.IMPACT);
    }

    @Test
    void anEventTypeLineNamingNoTypeIsItsFileAndLine(@TempDir Path dir) throws Exception {
        Path aliases = Files.writeString(dir.resolve("aliases.csv"), """
                input_name,region,canonical_name,kind
                бавовна,,explosion,event_type
                """);

        assertThatThrownBy(() -> EventWords.fromAliasFile(aliases))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(aliases + ":2: 'explosion' is not an event type: expected shot_down, debris, impact or attack");
    }
}
