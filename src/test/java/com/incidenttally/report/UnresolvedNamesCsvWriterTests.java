package com.incidenttally.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.incidenttally.places.Gazetteer;
import com.incidenttally.tally.UnresolvedName;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code unresolved-names.csv}: what the run could not resolve, laid out as an aliases file to fill in. */
class UnresolvedNamesCsvWriterTests {

    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path csv = dir.resolve("unresolved-names.csv");
        new UnresolvedNamesCsvWriter().write(ReportFixtures.seventyNights(), csv);
        return csv;
    }

    private static List<List<String>> records(Path csv) throws IOException {
        String text = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
            reader.forEach(r -> records.add(r.getFields()));
        }
        return records;
    }

    @Test
    void listsEachNameWithItsRowsAndCandidatesAfterTheAliasesColumns() throws IOException {
        Path csv = written();

        assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> records = records(csv);
        assertThat(records.get(0)).containsExactly("input_name", "region", "canonical_name", "kind", "rows", "reason",
                "candidate_1", "score_1", "candidate_2", "score_2", "candidate_3", "score_3", "first_candidate");
        assertThat(records.get(2)).containsExactly("TZR", "Volgograd Oblast", "", "district", "1",
                "unresolved district", "Traktorozavodsky District", "0.61", "Krasnooktyabrsky District", "0.55", "", "", "unsure");
    }

    @Test
    void escapesANameThatASpreadsheetWouldRunAsAFormula() throws IOException {
        List<List<String>> records = records(written());

        assertThat(records.get(1).get(0)).isEqualTo("'" + ReportFixtures.HYPERLINK);
        assertThat(records.get(1).subList(1, 8)).containsExactly("", "", "region", "1", "unknown region",
                "Kherson Oblast", "0.52");
    }

    @Test
    void isAnAliasesFileOnceTheAnalystFillsInACanonicalName() throws Exception {
        Path csv = written();
        // As is, every canonical name blank: nothing to learn, and nothing wrong.
        assertThat(Gazetteer.bundled().withAliases(csv).resolveDistrict(
                Gazetteer.bundled().regionByIso("RU-VGG").orElseThrow(), "TZR").resolved()).isFalse();

        String filled = Files.readString(csv, StandardCharsets.UTF_8)
                .replace("TZR,Volgograd Oblast,,", "TZR,Volgograd Oblast,"
                        + "Traktorozavodsky District,");
        Files.writeString(csv, filled, StandardCharsets.UTF_8);

        Gazetteer gazetteer = Gazetteer.bundled().withAliases(csv);
        assertThat(gazetteer.resolveDistrict(gazetteer.regionByIso("RU-VGG").orElseThrow(), "TZR")
                .place().name()).isEqualTo("Traktorozavodsky District");
    }

    @Test
    void saysWhetherTheFirstCandidateIsSure() {
        assertThat(UnresolvedNamesCsvWriter.firstCandidate(List.of(new UnresolvedName.Candidate("Kursk Oblast", 0.85),
                new UnresolvedName.Candidate("Kurgan Oblast", 0.70)))).isEqualTo("sure");
        assertThat(UnresolvedNamesCsvWriter.firstCandidate(List.of(new UnresolvedName.Candidate("Kursk Oblast", 0.84))))
                .isEqualTo("unsure");
        assertThat(UnresolvedNamesCsvWriter.firstCandidate(List.of())).isEmpty();
    }
}
