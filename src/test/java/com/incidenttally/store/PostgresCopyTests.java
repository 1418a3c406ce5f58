package com.incidenttally.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lines COPY is given, checked without a server: what PostgreSQL's CSV format reads them as. */
class PostgresCopyTests {

    private record Item(String text, Long number, Boolean flag, Double score, LocalDate day, LocalDateTime time) {
    }

    private static final Columns<Item> COLUMNS = Columns.<Item>of("t")
            .text("text", Item::text)
            .bigint("number", Item::number)
            .bool("flag", Item::flag)
            .real("score", Item::score)
            .date("day", Item::day)
            .timestamp("time", Item::time)
            .build();

    private static String line(Item item) throws IOException {
        StringWriter out = new StringWriter();
        PostgresCopy.line(out, COLUMNS, item);
        return out.toString();
    }

    @Test
    void nullIsAnUnquotedEmptyFieldAndEmptyTextAQuotedOne() throws IOException {
        assertThat(line(new Item(null, null, null, null, null, null))).isEqualTo(",,,,,\n");
        assertThat(line(new Item("", null, null, null, null, null))).isEqualTo("\"\",,,,,\n");
    }

    @Test
    void textIsQuotedWithQuotesDoubledAndEverythingElseKept() throws IOException {
        assertThat(line(new Item("a \"b\", c\\d\te\r\nf", null, null, null, null, null)))
                .isEqualTo("\"a \"\"b\"\", c\\d\te\r\nf\",,,,,\n");
        // A line of its own holding \. ends COPY's data unless quoted.
        assertThat(line(new Item("\\.", null, null, null, null, null))).isEqualTo("\"\\.\",,,,,\n");
    }

    @Test
    void numbersDatesAndTimesAreWrittenAsPostgreSqlReadsThem() throws IOException {
        assertThat(line(new Item("x", 1L << 50, true, 1.0 / 3, LocalDate.parse("2025-12-07"),
                LocalDateTime.parse("2025-12-08T01:02:03.5"))))
                .isEqualTo("\"x\",1125899906842624,true,0.3333333333333333,2025-12-07,2025-12-08T01:02:03.5\n");
    }

    @Test
    void aNulCharacterIsRefusedNotDropped() {
        assertThatThrownBy(() -> line(new Item("a\0b", null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Test
    void theInsertNamesEveryColumnInOrderWithOnePlaceholderEach() {
        assertThat(COLUMNS.insert()).isEqualTo("INSERT INTO t (text, number, flag, score, day, time)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    }
}
