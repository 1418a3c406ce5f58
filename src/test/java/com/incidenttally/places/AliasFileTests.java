package com.incidenttally.places;

import org.junit.jupiter.api.Nested;
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

class AliasFileTests {

    private static final Gazetteer BUNDLED = Gazetteer.bundled();

    @TempDir
    Path folder;

    private Path file(String content) throws IOException {
        Path file = folder.resolve("aliases.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Region region(String iso) {
        return BUNDLED.regionByIso(iso).orElseThrow();
    }

    @Nested
    class Good {

        @Test
        void userSpellingsResolveAsAliases() throws Exception {
            Gazetteer gazetteer = BUNDLED.withAliases(file("""
                    input_name,region,canonical_name
                    Rostovshchina,,Rostov Oblast
                    Donland,,RU-ROS
                    Tractor district,Volgograd Oblast,Traktorozavodsky District
                    Чертковка,Ростовская область,Чертковский муниципальный район
                    """));

            assertThat(gazetteer.resolveRegion("Rostovshchina"))
                    .extracting(PlaceMatch::method, m -> m.place().isoCode()).containsExactly(MatchMethod.ALIAS, "RU-ROS");
            assertThat(gazetteer.resolveRegion("DONLAND").place().isoCode()).isEqualTo("RU-ROS");
            PlaceMatch<District> tractor = gazetteer.resolveDistrict(region("RU-VGG"), "tractor district");
            assertThat(tractor.method()).isEqualTo(MatchMethod.ALIAS);
            assertThat(tractor.place().name()).isEqualTo("Traktorozavodsky District");
            assertThat(tractor.score()).isEqualTo(1.0);
            assertThat(gazetteer.resolveDistrict(region("RU-ROS"), "Чертковка").place().name()).isEqualTo("Chertkovsky District");
        }

        @Test
        void aUserAliasMayNameASea() throws Exception {
            Gazetteer gazetteer = BUNDLED.withAliases(file("""
                    input_name,region,canonical_name
                    Чорне море,,Black Sea
                    Kerch Strait,,SEA-AZOV
                    """));

            assertThat(gazetteer.resolveRegion("Чорне море"))
                    .extracting(PlaceMatch::method, m -> m.place().isoCode(), m -> m.place().isSea())
                    .containsExactly(MatchMethod.ALIAS, "SEA-BLACK", true);
            assertThat(gazetteer.resolveRegion("Kerch Strait").place().isoCode()).isEqualTo("SEA-AZOV");
        }

        @Test
        void aUserAliasWinsOverEveryBundledRule() throws Exception {
            Gazetteer gazetteer = BUNDLED.withAliases(file("""
                    input_name,region,canonical_name
                    Moscow,,Moscow Oblast
                    Bokovsky,Rostov Oblast,Millerovsky District
                    """));

            assertThat(gazetteer.resolveRegion("Moscow").place().isoCode()).isEqualTo("RU-MOS");
            assertThat(gazetteer.resolveDistrict(region("RU-ROS"), "Bokovsky").place().name()).isEqualTo("Millerovsky District");
        }

        @Test
        void aDistrictAliasHoldsOnlyInItsRegion() throws Exception {
            Gazetteer gazetteer = BUNDLED.withAliases(file("""
                    input_name,region,canonical_name
                    Tractor district,Volgograd Oblast,Traktorozavodsky District
                    """));

            assertThat(gazetteer.resolveDistrict(region("RU-ROS"), "Tractor district").resolved()).isFalse();
        }

        @Test
        void leavesTheBundledGazetteerAsItWas() throws Exception {
            BUNDLED.withAliases(file("""
                    input_name,region,canonical_name
                    Rostovshchina,,Rostov Oblast
                    """));

            assertThat(BUNDLED.resolveRegion("Rostovshchina").resolved()).isFalse();
        }

        @Test
        void acceptsABomBlankLinesQuotesAndTheHeaderInAnyCase() throws Exception {
            Gazetteer gazetteer = BUNDLED.withAliases(file("""
                    \uFEFFInput_Name , REGION , Canonical_Name

                    "Rostov, the region",,"Rostov Oblast"
                    """));

            assertThat(gazetteer.resolveRegion("Rostov, the region").place().isoCode()).isEqualTo("RU-ROS");
        }
    }

    @Nested
    class Bad {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                wrong header            | 'name,region,canonical\nRostovshchina,,Rostov Oblast\n'                  | aliases.csv:1: the header must be input_name,region,canonical_name
                empty file              | ''                                                                       | aliases.csv:1: the file is empty
                blank input name        | 'input_name,region,canonical_name\n,,Rostov Oblast\n'                    | aliases.csv:2: input_name is blank
                blank canonical name    | 'input_name,region,canonical_name\nRostovshchina,,\n'                    | aliases.csv:2: canonical_name is blank
                unknown region          | 'input_name,region,canonical_name\nRostovshchina,,Rostov Krai\n'         | aliases.csv:2: 'Rostov Krai' is not a region of the gazetteer
                unknown district region | 'input_name,region,canonical_name\nX,Narnia,Chertkovsky District\n'      | aliases.csv:2: region 'Narnia' is not a region of the gazetteer
                district elsewhere      | 'input_name,region,canonical_name\nX,Volgograd Oblast,Chertkovsky District\n' | aliases.csv:2: 'Chertkovsky District' is not a district of Volgograd Oblast
                too few fields          | 'input_name,region,canonical_name\nRostovshchina,Rostov Oblast\n'        | aliases.csv:2: expected 3 fields
                too many fields         | 'input_name,region,canonical_name\na,,Rostov Oblast,extra\n'             | aliases.csv:2: expected 3 fields
                conflicting lines       | 'input_name,region,canonical_name\nRostovshchina,,Rostov Oblast\n\nrostovshchina,,Kursk Oblast\n' | aliases.csv:4: 'rostovshchina' is already an alias of Rostov Oblast on line 2
                """)
        void namesTheFileTheLineAndTheReason(String problem, String content, String message) throws IOException {
            Path file = file(content.replace("\\n", "\n"));

            assertThatThrownBy(() -> BUNDLED.withAliases(file))
                    .isInstanceOf(AliasFileException.class)
                    .hasMessageStartingWith(file.getParent().resolve(message).toString());
        }

        @Test
        void saysSoWhenTheFileIsMissing() {
            Path missing = folder.resolve("missing.csv");

            assertThatThrownBy(() -> BUNDLED.withAliases(missing))
                    .isInstanceOf(AliasFileException.class)
                    .hasMessage(missing + ": no such file");
        }

        @Test
        void saysSoWhenQuotesAreUnbalanced() throws IOException {
            Path file = file("input_name,region,canonical_name\n\"Rostovshchina,,Rostov Oblast\n");

            assertThatThrownBy(() -> BUNDLED.withAliases(file))
                    .isInstanceOf(AliasFileException.class)
                    .hasMessageStartingWith(file.toString());
        }
    }
}
