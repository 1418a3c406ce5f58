package com.incidenttally.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When a run loads the gazetteer while Spring starts: only when it is going to read an input file. */
class GazetteerAheadTests {

    private static final Instant STORE_WRITTEN = Instant.parse("2026-12-07T06:30:00Z");

    @TempDir
    Path dir;

    private Path input() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input/nested"));
        Path file = Files.writeString(input.resolve("old.csv"), "x\n");
        Files.setLastModifiedTime(file, FileTime.from(STORE_WRITTEN.minusSeconds(3600)));
        return dir.resolve("input");
    }

    private Path store() throws Exception {
        Path store = Files.writeString(dir.resolve("incidents.mv.db"), "");
        Files.setLastModifiedTime(store, FileTime.from(STORE_WRITTEN));
        return store;
    }

    @Test
    void anUnchangedRerunDoesNotLoadIt() throws Exception {
        assertThat(GazetteerAhead.willRead(input(), Optional.of(store()))).isFalse();
    }

    @Test
    void aFileWrittenSinceTheStoreWasIsRead() throws Exception {
        Path input = input();
        Path store = store();
        Path added = Files.writeString(input.resolve("nested/new.csv"), "x\n");
        Files.setLastModifiedTime(added, FileTime.from(STORE_WRITTEN.plusSeconds(60)));

        assertThat(GazetteerAhead.willRead(input, Optional.of(store))).isTrue();
    }

    @Test
    void withNoStoreFileYetEveryFileIsRead() throws Exception {
        assertThat(GazetteerAhead.willRead(input(), Optional.of(dir.resolve("fresh.mv.db")))).isTrue();
    }

    @Test
    void anEmptyInputFolderOrNoneReadsNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(GazetteerAhead.willRead(empty, Optional.of(dir.resolve("fresh.mv.db")))).isFalse();
        assertThat(GazetteerAhead.willRead(dir.resolve("missing"), Optional.of(dir.resolve("fresh.mv.db")))).isFalse();
    }

    @Test
    void aStoreWhoseAgeCannotBeToldIsNotGuessedAt() throws Exception {
        Path input = input();
        assertThat(GazetteerAhead.willRead(input, Optional.empty())).isFalse();
        assertThat(GazetteerAhead.startIfReading(input, "jdbc:postgresql://localhost/incidents")).isFalse();
        assertThat(GazetteerAhead.startIfReading(input, "jdbc:h2:mem:incidents")).isFalse();
    }

    @Test
    void startsTheLoadForAnH2FileStoreWithNewInput() throws Exception {
        Path input = input();
        assertThat(GazetteerAhead.startIfReading(input, "jdbc:h2:file:" + dir.resolve("none-yet"))).isTrue();
        assertThat(GazetteerAhead.startIfReading(input, "jdbc:h2:file:" + dir.resolve("incidents"))).isTrue();
        store();
        assertThat(GazetteerAhead.startIfReading(input, "jdbc:h2:file:" + dir.resolve("incidents"))).isFalse();
    }
}
