package com.incidenttally.sources;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One source spelled several ways is one source, shown by its canonical name. */
class SourceNamesTests {

    private static SourceNames ministry() {
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put("Russian MoD", "Минобороны России");
        aliases.put("Ministry of Defence of Russia", "Минобороны России");
        return SourceNames.of(aliases);
    }

    @Nested
    class Folding {

        @ParameterizedTest(name = "{0} / {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Russian MoD                  | russian  mod.
                Governor (Telegram)          | governor, telegram
                Минобороны России            | МИНОБОРОНЫ РОССИИ
                Чёрный                       | черный
                Russian-MoD                  | Russian MoD
                """)
        void spellingsThatDifferInCaseSpaceOrPunctuationAreOneSource(String one, String other) {
            assertThat(SourceNames.NONE.of(one).key()).isEqualTo(SourceNames.NONE.of(other).key());
        }

        @Test
        void differentNamesStayDifferentSources() {
            assertThat(SourceNames.NONE.of("Governor Anokhin").key()).isNotEqualTo(SourceNames.NONE.of("Governor Slyusar").key());
            assertThat(SourceNames.fold("—")).as("punctuation alone is not lumped with other names").isEqualTo("—");
        }

        @Test
        void anUndeclaredSourceIsShownAsWritten() {
            assertThat(SourceNames.NONE.of("Governor (Telegram)")).isEqualTo(new Source("Governor (Telegram)", "governor telegram"));
        }
    }

    @Nested
    class Aliases {

        @Test
        void everySpellingOfTheMinistryIsOneSourceWithItsCanonicalName() {
            SourceNames names = ministry();

            assertThat(names.of("Russian MoD")).isEqualTo(names.of("ministry of defence of russia"))
                    .isEqualTo(names.of("минобороны России.")).isEqualTo(new Source("Минобороны России", "минобороны россии"));
            assertThat(names.of("Governor").name()).isEqualTo("Governor");
        }

        @Test
        void aSpellingCannotBeTwoSources() {
            Map<String, String> aliases = new LinkedHashMap<>();
            aliases.put("MoD", "Минобороны России");
            aliases.put("mod.", "UK Ministry of Defence");

            assertThatThrownBy(() -> SourceNames.of(aliases)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'mod.' is already an alias of 'Минобороны России'");
        }

        @Test
        void aCanonicalNameCannotAlsoBeAnAliasOfAnother() {
            Map<String, String> aliases = new LinkedHashMap<>();
            aliases.put("Russian MoD", "Минобороны России");
            aliases.put("минобороны россии", "Ministry of Defence of Russia");

            assertThatThrownBy(() -> SourceNames.of(aliases)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is the canonical name of a source");
        }
    }

    @Nested
    class File {

        @TempDir
        Path dir;

        private Path file(String content) throws IOException {
            Path file = dir.resolve("aliases.csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        }

        @Test
        void readsTheSourceLinesOfAnAliasesFile() throws IOException {
            SourceNames names = SourceAliasFile.read(file("""
                    \uFEFFinput_name,region,canonical_name,kind
                    TZR,Volgograd Oblast,Traktorozavodsky District,district
                    Russian MoD,,Минобороны России,source
                    "Ministry of Defence of Russia",,Минобороны России,SOURCE
                    Rostovskaya obl,,Rostov Oblast,
                    """));

            assertThat(names.of("Ministry of Defence of Russia")).isEqualTo(names.of("russian mod"));
            assertThat(names.of("Russian MoD").name()).isEqualTo("Минобороны России");
            assertThat(names.of("TZR").name()).as("a district's spelling is not a source's").isEqualTo("TZR");
        }

        @Test
        void aFileWithoutAKindColumnDeclaresNoSources() throws IOException {
            assertThat(SourceAliasFile.read(file("input_name,region,canonical_name\nRostovskaya obl,,Rostov Oblast\n")).isEmpty())
                    .isTrue();
        }

        @Test
        void namesTheFileAndLineOfAConflict() throws IOException {
            Path file = file("input_name,region,canonical_name,kind\nMoD,,Минобороны России,source\n\nMOD,,UK MoD,source\n");

            assertThatThrownBy(() -> SourceAliasFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(file + ":4: 'MOD' is already an alias of 'Минобороны России' on line 2");
        }

        @Test
        void aSourceLineHasNoRegion() throws IOException {
            Path file = file("input_name,region,canonical_name,kind\nMoD,Rostov Oblast,Минобороны России,source\n");

            assertThatThrownBy(() -> SourceAliasFile.read(file))
                    .hasMessage(file + ":2: a source's alias has a blank region column, not 'Rostov Oblast'");
        }
    }
}
