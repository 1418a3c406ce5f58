package com.incidenttally.places;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The index the build writes answers every name as the index built from the place files does: every name of the
 * real data, every name and alias of every place, and a slip of the pen in each district's name (the fuzzy rule).
 */
class GazetteerIndexTests {

    private static final Path SIRENS = Path.of("../shared/data/real/ukraine-air-raid-sirens/official_data_en.csv");

    /** The places read from the place files, once for the class: reading them is most of each test's set-up. */
    private static Gazetteer.Places fromFiles;

    @BeforeAll
    static void readThePlaceFiles() {
        fromFiles = Gazetteer.Places.load();
    }

    @Test
    void theBuiltIndexIsOnTheClasspathAndCurrent() throws IOException {
        // The build writes it after compiling (process-classes); a run that finds it reads no place file.
        try (InputStream in = Gazetteer.class.getResourceAsStream(GazetteerIndex.RESOURCE)) {
            assertThat(in).as("the build's gazetteer index").isNotNull();
        }
        assertThat(GazetteerIndex.readBundled()).isNotNull();
    }

    @Test
    void theBuiltIndexResolvesEveryNameAsTheIndexBuiltFromThePlaceFiles() throws IOException {
        Gazetteer.Places built = GazetteerIndex.readBundled();
        assertThat(built).isNotNull();
        Gazetteer a = Gazetteer.of(fromFiles);
        Gazetteer b = Gazetteer.of(built);

        assertThat(b.regions()).containsExactlyElementsOf(a.regions());
        for (Region region : a.regions()) {
            assertThat(b.districts(region)).containsExactlyElementsOf(a.districts(region));
        }
        Set<String> regionNames = new LinkedHashSet<>();
        List<List<String>> districtNames = new ArrayList<>();
        for (Region region : a.regions()) {
            regionNames.addAll(List.of(region.name(), region.nameRu(), region.isoCode(), region.name().toUpperCase(),
                    region.nameRu().toLowerCase()));
            for (District district : a.districts(region)) {
                for (String name : List.of(district.name(), district.nameRu())) {
                    districtNames.add(List.of(region.name(), name));
                    districtNames.add(List.of(region.name(), name.toLowerCase()));
                    if (name.length() >= 8) {
                        // A typo: one letter dropped from the middle, as the benchmark's input has them.
                        int at = name.length() / 2;
                        districtNames.add(List.of(region.name(), name.substring(0, at) + name.substring(at + 1)));
                    }
                }
            }
        }
        for (String resource : List.of(Gazetteer.REGIONS, Gazetteer.DISTRICTS, Gazetteer.CITIES, Gazetteer.WIDER_NAMES)) {
            for (NamedCsvRecord row : records(resource)) {
                row.findField("name").ifPresent(regionNames::add);
                row.findField("aliases").ifPresent(aliases -> regionNames.addAll(Arrays.asList(aliases.split("\\|"))));
            }
        }
        List<String> realRegions = new ArrayList<>();
        if (Files.isRegularFile(SIRENS)) {
            try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(SIRENS, StandardCharsets.UTF_8)) {
                for (NamedCsvRecord row : reader) {
                    realRegions.add(row.getField("oblast"));
                    if (!row.getField("raion").isBlank()) {
                        districtNames.add(List.of(row.getField("oblast"), row.getField("raion")));
                    }
                    if (!row.getField("hromada").isBlank()) {
                        districtNames.add(List.of(row.getField("oblast"), row.getField("hromada")));
                    }
                }
            }
        }
        regionNames.addAll(realRegions);
        int compared = 0;
        for (String name : regionNames) {
            assertThat(b.resolveRegion(name)).as(name).isEqualTo(a.resolveRegion(name));
            if (compared % 50 == 0) {
                // Candidates weigh every spelling of every region: a sample of the names is enough to see them alike.
                assertThat(b.regionCandidates(name, 3)).as(name).isEqualTo(a.regionCandidates(name, 3));
            }
            compared++;
        }
        for (List<String> pair : new LinkedHashSet<>(districtNames)) {
            PlaceMatch<Region> region = a.resolveRegion(pair.get(0));
            assertThat(b.resolveDistrict(region.place(), pair.get(1))).as(pair.toString())
                    .isEqualTo(a.resolveDistrict(region.place(), pair.get(1)));
            compared++;
        }
        System.out.printf("gazetteer index: %d lookups compared, %d of them names of the real data%n", compared, realRegions.size());
        assertThat(compared).isGreaterThan(20_000);
    }

    @Test
    void realDataResolvesAlikeThroughTheBuiltIndex() throws IOException {
        assumeTrue(Files.isRegularFile(SIRENS), "the sirens data " + SIRENS + " is not here");
        Gazetteer a = Gazetteer.of(fromFiles);
        Gazetteer b = Gazetteer.of(GazetteerIndex.readBundled());
        int rows = 0;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(SIRENS, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord row : reader) {
                PlaceMatch<Region> region = a.resolveRegion(row.getField("oblast"));
                assertThat(b.resolveRegion(row.getField("oblast"))).isEqualTo(region);
                assertThat(b.resolveDistrict(region.place(), row.getField("raion")))
                        .isEqualTo(a.resolveDistrict(region.place(), row.getField("raion")));
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(40_000);
    }

    @Test
    void anIndexFromOtherSourcesOrAnotherFormatIsNotTaken() throws IOException {
        byte[] digest = GazetteerIndex.sourcesDigest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GazetteerIndex.write(fromFiles, digest, out);
        byte[] file = out.toByteArray();

        byte[] otherSources = digest.clone();
        otherSources[0] ^= 1;
        assertThat(GazetteerIndex.read(new ByteArrayInputStream(file), otherSources)).isNull();

        byte[] otherFormat = file.clone();
        otherFormat[7] ^= 1;
        assertThat(GazetteerIndex.read(new ByteArrayInputStream(otherFormat), digest)).isNull();

        byte[] notAnIndex = "region,district\n".getBytes(StandardCharsets.UTF_8);
        assertThat(GazetteerIndex.read(new ByteArrayInputStream(notAnIndex), digest)).isNull();
    }

    private static List<NamedCsvRecord> records(String resource) throws IOException {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource);
             CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
            return reader.stream().toList();
        }
    }

}
