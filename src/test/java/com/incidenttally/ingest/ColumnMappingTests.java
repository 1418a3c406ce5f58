package com.incidenttally.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnMappingTests {

    @TempDir
    Path dir;

    private ColumnMapping mapping(String text) throws Exception {
        return ColumnMapping.read(Files.writeString(dir.resolve("columns.csv"), text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "files,field,column\\n                       | columns.csv:1: the header must be files,field,column,value, not files,field,column",
            "files,field,column,value\\n,regoin,place,\\n  | columns.csv:2: unknown field 'regoin': expected one of",
            "files,field,column,value\\n,region,,\\n       | columns.csv:2: give the column that holds region, or a value for every row",
            "files,field,column,value\\n,region,a,b\\n     | columns.csv:2: give either a column or a value for region, not both",
            "files,field,column,value\\n,date,,x\\n        | columns.csv:2: a constant date is not a field of its own",
            "files,field,column,value\\n,region,a\\n       | columns.csv:2: expected 4 fields (files,field,column,value), found 3",
            "files,field,column,value\\n[,region,a,\\n     | columns.csv:2: files '[' is not a glob",
            "''                                            | columns.csv:1: the file is empty",
    })
    void aBadLineIsItsFileAndLine(String text, String message) {
        assertThatThrownBy(() -> mapping(text.replace("\\n", "\n")))
                .isInstanceOf(ColumnMappingException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aMappingFileThatIsNotThereSaysSo() {
        assertThatThrownBy(() -> ColumnMapping.read(dir.resolve("nowhere.csv")))
                .isInstanceOf(ColumnMappingException.class)
                .hasMessage(dir.resolve("nowhere.csv") + ": no such file");
    }

    @Test
    void aGlobWithoutASlashMatchesTheNameInAnyFolderAndOneWithASlashThePath() throws Exception {
        ColumnMapping mapping = mapping("""
                files,field,column,value
                # every file
                ,source,,Everyone
                feed*.csv,region,place,
                daily/*.csv,event_type,,attack
                """);

        assertThat(mapping.rulesFor("feed-1.csv").columns()).isEqualTo(Map.of(Field.REGION, "place"));
        assertThat(mapping.rulesFor("sub/feed-2.csv").columns()).isEqualTo(Map.of(Field.REGION, "place"));
        assertThat(mapping.rulesFor("daily/a.csv").values()).isEqualTo(Map.of(Field.SOURCE, "Everyone", Field.EVENT_TYPE, "attack"));
        assertThat(mapping.rulesFor("other/daily/a.csv").values()).isEqualTo(Map.of(Field.SOURCE, "Everyone"));
    }

    @Test
    void whatIdentifiesHowAFileIsReadIsTheRulesThatApplyToIt() throws Exception {
        ColumnMapping before = mapping("files,field,column,value\nfeed.csv,source,,A\nother.csv,source,,B\n");
        ColumnMapping after = ColumnMapping.fromText(mapping("files,field,column,value\nfeed.csv,source,,A\nother.csv,source,,C\n").text());

        assertThat(after.fingerprintFor("feed.csv")).isEqualTo(before.fingerprintFor("feed.csv"));
        assertThat(after.fingerprintFor("other.csv")).isNotEqualTo(before.fingerprintFor("other.csv"));
        assertThat(ColumnMapping.fromText(before.text()).text()).isEqualTo(before.text());
    }

    @Test
    void twoRulesForOneFieldOfOneFileAreAnError() throws Exception {
        ColumnMapping mapping = mapping("files,field,column,value\n*.csv,source,,A\nfeed.csv,source,,B\n");

        assertThatThrownBy(() -> mapping.check(List.of("other.csv", "feed.csv"), f -> List.of()))
                .hasMessage("columns.csv:3: a second rule for source in feed.csv (line 2 is the first)");
    }

    @Test
    void oneColumnForTwoFieldsOfOneFileIsAnErrorNamingBothLines() throws Exception {
        ColumnMapping mapping = mapping("files,field,column,value\nfeed.csv,occurred_at,ts,\nfeed.csv,region,place,\n"
                + "feed.csv,location,Place,\nfeed.csv,source,,Feed\n");

        assertThatThrownBy(() -> mapping.check(List.of("feed.csv"), f -> List.of("ts", "place", "kind")))
                .hasMessage("columns.csv:4: column 'Place' is given for location here and for region on line 3"
                        + " (in feed.csv): a column feeds one field; choose one of the two rules");
        // Rules for other files may name the same column.
        ColumnMapping apart = mapping("files,field,column,value\na.csv,region,place,\nb.csv,location,place,\n");
        apart.check(List.of("a.csv", "b.csv"), f -> List.of("place"));
    }

    @Test
    void aColumnNoMatchedFileHasIsAnError() throws Exception {
        ColumnMapping mapping = mapping("files,field,column,value\nfeed*.csv,region,oblast,\n");

        assertThatThrownBy(() -> mapping.check(List.of("feed-1.csv", "other.csv"),
                f -> f.equals("other.csv") ? List.of("oblast") : List.of("ts", "place")))
                .hasMessage("columns.csv:2: no file matching feed*.csv has a column 'oblast' for region");
        mapping.check(List.of("feed-1.csv", "feed-2.csv"), f -> f.equals("feed-2.csv") ? List.of("Oblast ") : List.of("x"));
    }

    @Test
    void readsTheHeaderOfAWindows1251FileFromItsFirstBytes() throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.write(file, "Дата;Регион;\"Тип; вид\"\r\n1;2;3\r\n".getBytes(java.nio.charset.Charset.forName("windows-1251")));

        assertThat(ColumnMapping.csvHeader(file)).containsExactly("Дата", "Регион", "Тип; вид");
    }
}
