package com.incidenttally.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GazetteerGeneratorTests {

    /** Where the README says the source data lives, relative to the project. */
    private static final Path DATA = Path.of("../shared/data/places");

    @Test
    void theBundledFilesAreWhatTheGeneratorMakesOfTheSources(@TempDir Path output) throws Exception {
        assumeTrue(Files.isDirectory(DATA), "the source data folder " + DATA + " is not here");

        new GazetteerGenerator(DATA, Path.of("src/main/gazetteer")).writeTo(output);

        for (String file : new String[] {"regions.csv", "districts.csv", "wider-names.csv"}) {
            assertThat(Files.readString(output.resolve(file)))
                    .as(file + " differs from a fresh run of GazetteerGenerator: regenerate and commit it")
                    .isEqualTo(Files.readString(Path.of("src/main/resources/places", file)));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Zhirnovskiy, Zhirnovsky",
            "Krasnyy Sulin, Krasny Sulin",
            "Nizhniy Novgorod, Nizhny Novgorod",
            "Verkhnedonskoy, Verkhnedonskoy",
            "Roven’skiy, Rovensky",
            "Kalachëvskiy, Kalachyovsky",
    })
    void writesRussianNamesInOneEnglishStyle(String source, String expected) {
        assertThat(GazetteerGenerator.englishStyle(source)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Bakhmuts'kyy, Bakhmutskyi",
            "Vyshgorodskiy, Vyshgorodskyi",
    })
    void writesUkrainianNamesAsUkraineRomanizesThem(String source, String expected) {
        assertThat(GazetteerGenerator.ukrainianStyle(source)).isEqualTo(expected);
    }
}
