package com.incidenttally.places;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real data nobody here wrote: official Ukrainian air-raid alerts 2022-2023 (oblast and raion names in
 * Ukraine's romanization, the raions of their time). Every oblast and raion must resolve, to the right place.
 */
class SirensDataTests {

    /** Beside the project, as the shared data folder lays it out; skipped when it is not there. */
    private static final Path SIRENS = Path.of("../shared/data/real/ukraine-air-raid-sirens/official_data_en.csv");

    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Test
    void resolvesEveryOblastAndRaionOfTheSirensData() throws Exception {
        assumeTrue(Files.isRegularFile(SIRENS), "the sirens data " + SIRENS + " is not here");
        Map<String, Long> oblasts = new LinkedHashMap<>();
        Map<List<String>, Long> raions = new LinkedHashMap<>();
        long rows = 0;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(SIRENS, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord row : reader) {
                rows++;
                oblasts.merge(row.getField("oblast"), 1L, Long::sum);
                if (!row.getField("raion").isBlank()) {
                    raions.merge(List.of(row.getField("oblast"), row.getField("raion")), 1L, Long::sum);
                }
            }
        }
        List<String> unresolvedOblasts = new ArrayList<>();
        long rowsResolved = 0;
        for (Map.Entry<String, Long> oblast : oblasts.entrySet()) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(oblast.getKey());
            if (match.resolved()) {
                rowsResolved += oblast.getValue();
                assertThat(match.place().isoCode()).as(oblast.getKey()).startsWith("UA-");
                assertThat(sameBeginning(oblast.getKey(), match.place().name())).as(oblast.getKey() + " -> " + match).isTrue();
            } else {
                unresolvedOblasts.add(oblast.getKey());
            }
        }
        List<String> unresolvedRaions = new ArrayList<>();
        int formerNames = 0;
        for (List<String> raion : raions.keySet()) {
            PlaceMatch<Region> region = gazetteer.resolveRegion(raion.get(0));
            if (!region.resolved()) {
                continue;
            }
            PlaceMatch<District> match = gazetteer.resolveDistrict(region.place(), raion.get(1));
            if (!match.resolved()) {
                unresolvedRaions.add(raion.toString());
            } else if (match.method() == MatchMethod.FORMER_NAME) {
                formerNames++;
            } else {
                assertThat(sameBeginning(raion.get(1), match.place().name())).as(raion + " -> " + match).isTrue();
            }
        }
        System.out.printf("sirens data: %d rows; oblasts %d of %d distinct names resolved (%d rows), raions %d of %d "
                        + "(%d through a former name)%n", rows, oblasts.size() - unresolvedOblasts.size(), oblasts.size(),
                rowsResolved, raions.size() - unresolvedRaions.size() - countUnderUnresolved(raions), raions.size(), formerNames);
        // One row has its columns swapped: a raion in the oblast column, which is no region.
        assertThat(unresolvedOblasts).containsExactly("Lubenskyi raion");
        assertThat(unresolvedRaions).isEmpty();
        assertThat(formerNames).isEqualTo(2);
        assertThat(gazetteer.resolveDistrict(gazetteer.resolveRegion("Kharkivska oblast").place(), "Krasnohradskyi raion").place().name())
                .isEqualTo("Berestynskyi Raion");
        assertThat(gazetteer.resolveDistrict(gazetteer.resolveRegion("Zhytomyrska oblast").place(), "Novohrad-Volynskyi raion").place().name())
                .isEqualTo("Zvyahelskyi Raion");
    }

    private long countUnderUnresolved(Map<List<String>, Long> raions) {
        return raions.keySet().stream().filter(r -> !gazetteer.resolveRegion(r.get(0)).resolved()).count();
    }

    /** Romanizations differ (Vyshhorodskyi, Vyshgorodskyi), but a right match begins with the same three letters. */
    private static boolean sameBeginning(String input, String name) {
        String a = NameFolding.spelling(input);
        String b = NameFolding.spelling(name);
        int length = Math.min(3, Math.min(a.length(), b.length()));
        return length > 0 && a.regionMatches(0, b, 0, length);
    }
}
