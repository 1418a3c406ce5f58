package com.incidenttally.ingest;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderBindingTests {

    private static HeaderBinding bind(String header) throws FileRejectedException {
        return HeaderBinding.of("f.csv", Arrays.asList(header.split(",", -1)));
    }

    private static String reason(String header) {
        try {
            bind(header);
            throw new AssertionError("bound " + header);
        } catch (FileRejectedException e) {
            return e.reason();
        }
    }

    private static String reason(String header, ColumnRules rules) {
        try {
            HeaderBinding.of("f.csv", Arrays.asList(header.split(",", -1)), rules);
            throw new AssertionError("bound " + header);
        } catch (FileRejectedException e) {
            return e.reason();
        }
    }

    @Nested
    class Synonyms {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Дата и время,Регион,Тип,Источник                | OCCURRED_AT,REGION,EVENT_TYPE,SOURCE",
                "date,oblast,raion,type,drones,source            | OCCURRED_AT,REGION,DISTRICT,EVENT_TYPE,UAV_COUNT,SOURCE",
                "Дата,Область,Район,Подія,Кількість БПЛА,Джерело | OCCURRED_AT,REGION,DISTRICT,EVENT_TYPE,UAV_COUNT,SOURCE",
                "TIMESTAMP,Province,Municipality,Event,UAVs,Source,Link,Killed,Injured | "
                        + "OCCURRED_AT,REGION,DISTRICT,EVENT_TYPE,UAV_COUNT,SOURCE,SOURCE_URL,KILLED,INJURED",
                "Дата,Субъект,Нас. пункт,Событие,Кол-во (шт.),Источник,Ссылка,Погибшие,Раненые | "
                        + "OCCURRED_AT,REGION,LOCATION,EVENT_TYPE,UAV_COUNT,SOURCE,SOURCE_URL,KILLED,INJURED",
                "  ДАТА ,область/край,К-во БПЛА,тип,джерело,загинули,поранені | "
                        + "OCCURRED_AT,REGION,UAV_COUNT,EVENT_TYPE,SOURCE,KILLED,INJURED",
                "Ночь,Регион,Тип,Источник,Примечание              | NIGHT,REGION,EVENT_TYPE,SOURCE,NOTES",
                "Время,Регион,Тип,Источник                        | OCCURRED_AT,REGION,EVENT_TYPE,SOURCE",
        })
        void bindsTheNamesPeopleGiveOurColumns(String header, String columns) throws Exception {
            assertThat(bind(header).columns()).containsExactlyElementsOf(
                    Arrays.stream(columns.split(",")).map(Column::valueOf).toList());
        }

        @Test
        void readsCasualtyHeadersWithACountWordOrAUnit() throws Exception {
            // The commonest forms of these headers in Russian tables: a count word, or a unit after a comma.
            HeaderBinding binding = HeaderBinding.of("t.csv", List.of("Дата", "Регион", "Тип", "Источник",
                    "Кол-во погибших", "Кол-во раненых"));
            assertThat(binding.columns()).contains(Column.KILLED, Column.INJURED);
            binding = HeaderBinding.of("t.csv", List.of("Дата", "Регион", "Тип", "Источник", "Погибшие, чел.",
                    "Раненые (чел)"));
            assertThat(binding.columns()).contains(Column.KILLED, Column.INJURED);
            binding = HeaderBinding.of("t.csv", List.of("Date", "Region", "Type", "Source", "Number killed",
                    "Number of wounded"));
            assertThat(binding.columns()).contains(Column.KILLED, Column.INJURED);
            binding = HeaderBinding.of("t.csv", List.of("Дата", "Область", "Подія", "Джерело", "Кількість загиблих",
                    "Кількість поранених"));
            assertThat(binding.columns()).contains(Column.KILLED, Column.INJURED);
            // A comma inside a name is no unit: it is still one name.
            assertThat(HeaderNames.bundled().key("Погибшие, чел.")).isEqualTo(HeaderNames.bundled().key("Погибшие"));
        }

        @Test
        void foldsCaseSpacesPunctuationAndYo() {
            HeaderNames names = HeaderNames.bundled();
            assertThat(names.key("Населённый  пункт")).isEqualTo(names.key("населенный пункт"));
            assertThat(names.key("UAV-count")).isEqualTo(names.key("uav_count"));
            assertThat(names.key("нас. пункт")).isEqualTo(names.key("населенный пункт"));
            assertThat(names.key("Кол-во (шт.)")).isEqualTo("количество");
        }

        @Test
        void aDateColumnAndATimeColumnCombineIntoOccurredAt() throws Exception {
            HeaderBinding binding = bind("Дата,Время,Регион,Тип,Источник");

            String[] values = binding.values(new String[] {"07.12.2025", "3:30", "Rostov Oblast", "сбит", "A"});
            assertThat(values[Column.OCCURRED_AT.ordinal()]).isEqualTo("07.12.2025 3:30");
            assertThat(binding.values(new String[] {"07.12.2025", " ", "R", "t", "A"})[Column.OCCURRED_AT.ordinal()])
                    .isEqualTo("07.12.2025");
            assertThat(binding.warnings()).contains("occurred_at read from the columns Дата and Время");
            // Excel writes a date cell with its midnight; the time column gives the time.
            assertThat(binding.values(new String[] {"07.12.2025 0:00:00", "23:40", "R", "t", "A"})[Column.OCCURRED_AT.ordinal()])
                    .isEqualTo("07.12.2025 23:40");
            assertThat(binding.values(new String[] {"2025-12-07T00:00:00", "3:30", "R", "t", "A"})[Column.OCCURRED_AT.ordinal()])
                    .isEqualTo("2025-12-07 3:30");
        }

        @Test
        void ourOwnNameWinsOverASynonymSoAnOldFileReadsAsBefore() throws Exception {
            HeaderBinding binding = bind("occurred_at,date,region,event_type,source,type");

            assertThat(binding.columns()).containsExactly(Column.OCCURRED_AT, Column.REGION, Column.EVENT_TYPE, Column.SOURCE);
            String[] values = binding.values(new String[] {"2025-12-07 23:40", "yesterday", "R", "debris", "A", "x"});
            assertThat(values[Column.OCCURRED_AT.ordinal()]).isEqualTo("2025-12-07 23:40");
            assertThat(values[Column.EVENT_TYPE.ordinal()]).isEqualTo("debris");
        }

        @Test
        void aHeaderTwoFieldsCouldClaimIsAnErrorNamingBoth() {
            assertThat(reason("date,territory,type,source")).isEqualTo("'territory' could be region or district;"
                    + " found 'date', 'territory', 'type', 'source'; map them with --columns (see docs/input.md)");
        }

        @Test
        void twoColumnsForOneFieldAreAnErrorNamingBoth() {
            assertThat(reason("date,oblast,raion,hromada,type,source")).isEqualTo("columns 'raion', 'hromada' both name"
                    + " district; found 'date', 'oblast', 'raion', 'hromada', 'type', 'source';"
                    + " map them with --columns (see docs/input.md)");
        }

        @Test
        void noNameInTheListBelongsToTwoFieldsUnlessItIsMeantToBeAmbiguous() {
            HeaderNames names = HeaderNames.bundled();
            Map<String, Set<Field>> byKey = new HashMap<>();
            for (HeaderNames.Synonym synonym : names.synonyms()) {
                byKey.put(names.key(synonym.name()), names.fieldsOf(synonym.name()));
            }
            byKey.values().removeIf(fields -> fields.size() == 1);
            assertThat(byKey.keySet()).containsExactlyInAnyOrder("territory", "территория", "територія");
        }
    }

    @Nested
    class Rules {

        @Test
        void aRuleNamesAColumnAndAnotherGivesAConstant() throws Exception {
            ColumnRules rules = new ColumnRules(Map.of(Field.REGION, "place", Field.OCCURRED_AT, "ts"),
                    Map.of(Field.SOURCE, "Feed"), Map.of(), "columns.csv");

            HeaderBinding binding = HeaderBinding.of("feed.csv", List.of("ts", "place", "type"), rules);

            assertThat(binding.columns()).containsExactly(Column.OCCURRED_AT, Column.REGION, Column.EVENT_TYPE, Column.SOURCE);
            String[] values = binding.values(new String[] {"2025-12-07 23:40", "Rostov", "debris"});
            assertThat(values[Column.REGION.ordinal()]).isEqualTo("Rostov");
            assertThat(values[Column.SOURCE.ordinal()]).isEqualTo("Feed");
        }

        @Test
        void aRuleWinsOverOurOwnNameAndTheSynonyms() throws Exception {
            ColumnRules rules = new ColumnRules(Map.of(Field.DISTRICT, "raion"), Map.of(), Map.of(), "columns.csv");

            HeaderBinding binding = HeaderBinding.of("f.csv", List.of("date", "oblast", "raion", "hromada", "type",
                    "source", "district"), rules);

            String[] values = binding.values(new String[] {"2025-12-07", "R", "Raion", "Hromada", "debris", "A", "D"});
            assertThat(values[Column.DISTRICT.ordinal()]).isEqualTo("Raion");
        }

        @Test
        void aColumnARuleNamesThatTheFileLacksRejectsTheFile() {
            ColumnRules rules = new ColumnRules(Map.of(Field.REGION, "oblast"), Map.of(), Map.of(Field.REGION, 2L), "columns.csv");

            assertThat(reason("date,place,type,source", rules)).isEqualTo("no column 'oblast' as columns.csv:2 says"
                    + " for region; found 'date', 'place', 'type', 'source'");
        }
    }
}
