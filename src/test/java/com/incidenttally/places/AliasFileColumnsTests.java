package com.incidenttally.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An aliases file may carry more columns than the three, as {@code unresolved-names.csv} does: a
 * {@code kind} column, and columns for the reader that are ignored.
 */
class AliasFileColumnsTests {

    private static final Gazetteer BUNDLED = Gazetteer.bundled();

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path file = dir.resolve("aliases.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTheThreeColumnsAndIgnoresTheInformationalOnes() throws Exception {
        Gazetteer gazetteer = BUNDLED.withAliases(file("""
                \uFEFFinput_name,region,canonical_name,kind,rows,reason,candidate_1,score_1
                Rostovshchina,,Rostov Oblast,region,12,unknown region,Rostov Oblast,0.81
                TZR,Volgograd Oblast,Traktorozavodsky District,district,3,unresolved district,,
                """));

        assertThat(gazetteer.resolveRegion("Rostovshchina").place().isoCode()).isEqualTo("RU-ROS");
        assertThat(gazetteer.resolveDistrict(gazetteer.regionByIso("RU-VGG").orElseThrow(), "TZR").place().name())
                .isEqualTo("Traktorozavodsky District");
    }

    @Test
    void skipsTheNamesNotYetDecidedAndTheSourcesLines() throws Exception {
        Gazetteer gazetteer = BUNDLED.withAliases(file("""
                input_name,region,canonical_name,kind,rows
                Rostovshchina,,Rostov Oblast,region,12
                Донбасс,,,region,40
                Russian MoD,,Минобороны России,source,
                """));

        assertThat(gazetteer.resolveRegion("Rostovshchina").resolved()).isTrue();
        assertThat(gazetteer.resolveRegion("Донбасс").resolved()).isFalse();
        assertThat(gazetteer.resolveRegion("Russian MoD").resolved()).isFalse();
    }

    @Test
    void aLineMayLeaveTheInformationalColumnsOut() throws Exception {
        Gazetteer gazetteer = BUNDLED.withAliases(file("input_name,region,canonical_name,kind,rows\nRostovshchina,,Rostov Oblast\n"));

        assertThat(gazetteer.resolveRegion("Rostovshchina").resolved()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown kind            | 'input_name,region,canonical_name,kind\\nX,,Rostov Oblast,oblast\\n'                 | aliases.csv:2: kind must be region, district, source or event_type, not 'oblast'
            region with a region    | 'input_name,region,canonical_name,kind\\nX,Rostov Oblast,Rostov Oblast,region\\n'    | aliases.csv:2: a region's alias has a blank region column, not 'Rostov Oblast'
            district without region | 'input_name,region,canonical_name,kind\\nX,,Chertkovsky District,district\\n'       | aliases.csv:2: a district's alias needs the region it lies in
            too many fields         | 'input_name,region,canonical_name,kind\\nX,,Rostov Oblast,region,extra\\n'          | aliases.csv:2: expected 3 to 4 fields
            first columns swapped   | 'region,input_name,canonical_name,kind\\n,X,Rostov Oblast,region\\n'                 | aliases.csv:1: the header must be input_name,region,canonical_name
            """)
    void aWrongLineNamesTheFileTheLineAndTheReason(String problem, String content, String message) throws IOException {
        Path file = file(content.replace("'", "").replace("\\n", "\n"));

        assertThatThrownBy(() -> BUNDLED.withAliases(file)).isInstanceOf(AliasFileException.class)
                .hasMessageStartingWith(dir.resolve(message).toString());
    }

    @Test
    void aThreeColumnFileStillRefusesABlankCanonicalName() throws IOException {
        Path file = file("input_name,region,canonical_name\nRostovshchina,,\n");

        assertThatThrownBy(() -> BUNDLED.withAliases(file)).hasMessage(file + ":2: canonical_name is blank");
    }
}
