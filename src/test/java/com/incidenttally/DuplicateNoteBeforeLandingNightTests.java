package com.incidenttally;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An id whose rows lie on two nights lands on the night of its first report in file order (here the
 * later night), while an exact duplicate among its rows is noted on that row's own, earlier night:
 * the note reaches the listing after the earlier night's keyed merges. The merge notes are still
 * listed by night, region and merge order, the duplicate before the keyed merges of its region.
 */
class DuplicateNoteBeforeLandingNightTests {

    @Test
    void anIdsDuplicateRowsNotedBeforeItsLandingNightAreListedInTheirPlace(@TempDir Path dir) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("a.csv"), """
                incident_id,night,region,district,event_type,uav_count,source
                X-1,2025-12-02/03,Rostov region,,shot_down,1,Source A
                X-1,2025-12-01/02,Rostov region,,shot_down,2,Source A
                ,2025-12-01/02,Rostov region,Chertkovsky,shot_down,1,Source A
                ,2025-12-01/02,Smolensk region,,shot_down,1,Source A
                """, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("b.csv"), """
                incident_id,night,region,district,event_type,uav_count,source
                X-1,2025-12-01/02,Rostov region,,shot_down,2,Source A
                ,2025-12-01/02,Rostov region,Chertkovsky,shot_down,1,Source B
                ,2025-12-01/02,Smolensk region,,shot_down,1,Source B
                """, StandardCharsets.UTF_8);

        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:mem:duplicate-note-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--now=2025-12-10T09:00:00Z");

        assertThat(run.code()).as(run.output()).isZero();
        List<String> notes = dataQualityRows(dir.resolve("out/all/incident-report-all.xlsx"));
        int duplicate = indexOf(notes, "X-1", "exact duplicate rows");
        int rostov = indexOf(notes, "ROS-20251201-1", "different sources");
        int smolensk = indexOf(notes, "SMO-20251201-1", "different sources");
        assertThat(duplicate).as("X-1's duplicate note in:%n%s", String.join("\n", notes)).isNotNegative();
        assertThat(rostov).as("Rostov's merge in:%n%s", String.join("\n", notes)).isGreaterThan(duplicate);
        assertThat(smolensk).as("Smolensk's merge in:%n%s", String.join("\n", notes)).isGreaterThan(rostov);
        assertThat(notes.get(duplicate)).contains("2025-12-01").contains("a.csv:3").contains("b.csv:2");
    }

    /** Each row of the Data quality sheet as its cells' texts joined by " | ". */
    private static List<String> dataQualityRows(Path xlsx) throws IOException {
        List<String> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Data quality");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(text.formatCellValue(cell)));
                rows.add(String.join(" | ", cells));
            }
        }
        return rows;
    }

    private static int indexOf(List<String> rows, String... parts) {
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            if (List.of(parts).stream().allMatch(row::contains)) {
                return i;
            }
        }
        return -1;
    }
}
