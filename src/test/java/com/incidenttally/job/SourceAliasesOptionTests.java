package com.incidenttally.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mistake in the source lines of the aliases file stops the run before any work, like one in its place lines. */
class SourceAliasesOptionTests {

    @Test
    void oneSpellingGivenTwoSourcesIsABadArgumentNamingTheLine(@TempDir Path dir) throws Exception {
        Path aliases = Files.writeString(dir.resolve("aliases.csv"),
                "input_name,region,canonical_name,kind\nMoD,,Минобороны России,source\nmod,,UK MoD,source\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--aliases=" + aliases}, Map.of(), Instant.EPOCH))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("aliases file: " + aliases + ":3: 'mod' is already an alias of 'Минобороны России' on line 2");
    }
}
