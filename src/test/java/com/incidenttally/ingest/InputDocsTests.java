package com.incidenttally.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/input.md lists the header synonyms as the bundled list has them. When the list changes, run
 * this test with {@code -Dinput.docs.write=true} to write the table again.
 */
class InputDocsTests {

    private static final Path DOCS = Path.of("docs/input.md");
    private static final String START = "<!-- synonyms: generated from header-synonyms.csv by InputDocsTests -->\n";
    private static final String END = "<!-- end of synonyms -->\n";

    @Test
    void theDocsListEverySynonymOfTheBundledList() throws Exception {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        int start = docs.indexOf(START);
        int end = docs.indexOf(END);
        assertThat(start).as("the synonyms section of " + DOCS).isNotNegative();
        String expected = docs.substring(0, start + START.length()) + table() + docs.substring(end);
        if (Boolean.getBoolean("input.docs.write")) {
            Files.writeString(DOCS, expected, StandardCharsets.UTF_8);
        }
        assertThat(docs).isEqualTo(expected);
    }

    @Test
    void theDocsMappingForTheSirensLogIsTheFileTheTestsRun() throws Exception {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(docs).contains("```csv\n" + Files.readString(Path.of("docs/sirens-columns.csv")) + "```");
    }

    static String table() {
        HeaderNames names = HeaderNames.bundled();
        StringBuilder table = new StringBuilder("\n| field | our name | English | Russian | Ukrainian |\n|---|---|---|---|---|\n");
        for (Field field : Field.values()) {
            List<String> cells = new ArrayList<>();
            for (String language : List.of("en", "ru", "uk")) {
                cells.add(names.synonyms().stream().filter(s -> s.field() == field && s.language().equals(language))
                        .map(s -> "`" + s.name() + "`").collect(Collectors.joining(", ")));
            }
            String own = field == Field.DATE || field == Field.TIME ? "(half of `occurred_at`)" : "`" + field.key() + "`";
            table.append("| ").append(field.key()).append(" | ").append(own).append(" | ")
                    .append(String.join(" | ", cells)).append(" |\n");
        }
        return table.append('\n').toString();
    }
}
