package com.incidenttally.tally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Run files, and the listings spilled to them: every value back in order, as often as asked, and the file gone on close. */
class RunFileTests {

    private static final ExternalSort.Codec<String> TEXT = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, String value) throws IOException {
            ExternalSort.text(out, value);
        }

        @Override
        public String read(DataInputStream in) throws IOException {
            return ExternalSort.text(in);
        }
    };

    @TempDir
    Path folder;

    @Test
    void aSpilledListingReadsBackEveryValueInOrderEachTimeAndLeavesNothing() throws IOException {
        // Several blocks, the last one short; a lone surrogate and a null kept as they are.
        List<String> values = new ArrayList<>(IntStream.range(0, 3 * ExternalSort.BLOCK + 17)
                .mapToObj(i -> "value " + i).toList());
        values.set(5, "\uD83D");
        values.set(6, null);
        SpilledListing<String> listing = new SpilledListing<>(TEXT, 100, () -> folder);
        values.forEach(listing::add);
        listing.finish();
        assertThat(files()).as("spilled").hasSize(1);
        for (int time = 0; time < 2; time++) {
            List<String> back = new ArrayList<>();
            listing.forEach(back::add);
            assertThat(back).isEqualTo(values);
        }
        assertThat(listing.size()).isEqualTo(values.size());
        listing.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void textAndTimesComeBackAsTheyWereWhateverTheyHold() throws IOException {
        java.util.Random random = new java.util.Random(5);
        List<String> texts = new ArrayList<>(List.of("", "?", "a?b", "\uD83D", "?\uDE80", "\uD83D\uDE80?", "\uDE80\uD83D",
                "Шебекино?", "\u0000", "x".repeat(70_000),
                // About the reading buffer's 8,192 bytes: at it, one over, and two-byte letters across it.
                "a".repeat(8_192), "a".repeat(8_193), "ж".repeat(4_096), "ж".repeat(4_096) + "a", "a" + "ж".repeat(4_096)));
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = switch (random.nextInt(5)) {
                    case 0 -> '?';
                    case 1 -> (char) (0xD800 + random.nextInt(0x800));
                    case 2 -> (char) ('a' + random.nextInt(26));
                    case 3 -> (char) (0x400 + random.nextInt(0x100));
                    default -> (char) random.nextInt(0x10000);
                };
            }
            texts.add(new String(chars));
        }
        texts.add(null);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        List<java.time.LocalDateTime> times = java.util.Arrays.asList(null, java.time.LocalDateTime.MIN,
                java.time.LocalDateTime.MAX, java.time.LocalDateTime.of(2025, 12, 7, 3, 15, 59, 123_456_789));
        for (String text : texts) {
            ExternalSort.text(out, text);
        }
        for (java.time.LocalDateTime time : times) {
            ExternalSort.time(out, time);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (String text : texts) {
            assertThat(ExternalSort.text(in)).isEqualTo(text);
        }
        for (java.time.LocalDateTime time : times) {
            assertThat(ExternalSort.time(in)).isEqualTo(time);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void textsReadOnSeveralThreadsAtOnceComeBackEachAsItWas() throws Exception {
        // Each reading thread decodes through a buffer of its own.
        List<java.util.concurrent.Future<Boolean>> readers = new ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                String stem = "поток " + t + " ";
                readers.add(threads.submit(() -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    DataOutputStream out = new DataOutputStream(bytes);
                    for (int i = 0; i < 20_000; i++) {
                        ExternalSort.text(out, stem.repeat(1 + i % 500) + i);
                    }
                    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
                    for (int i = 0; i < 20_000; i++) {
                        if (!ExternalSort.text(in).equals(stem.repeat(1 + i % 500) + i)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> reader : readers) {
                assertThat(reader.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aListingWithinWhatItHoldsWritesNoFile() throws IOException {
        SpilledListing<String> listing = new SpilledListing<>(TEXT, 100, () -> {
            throw new AssertionError("no file wanted");
        });
        List.of("a", "b").forEach(listing::add);
        List<String> back = new ArrayList<>();
        listing.finish().forEach(back::add);
        assertThat(back).containsExactly("a", "b");
        assertThat(files()).isEmpty();
    }

    @Test
    void aTextWhoseLengthIsDamagedEndsTheFileInsteadOfTakingTheHeap() throws IOException {
        for (int length : new int[] {8_192, 8_193, Integer.MAX_VALUE - 8}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(length);
                out.write(new byte[100]);
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            assertThatThrownBy(() -> ExternalSort.text(in)).as("length %d", length)
                    .isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aRunFileCutShortIsALocatedError() throws IOException {
        try (RunFile<String> run = new RunFile<>(folder, "listing-", RunFile.eachOf(TEXT), "the report's listing")) {
            run.write(IntStream.range(0, 500).mapToObj(i -> "value " + i).toList());
            run.finish();
            Path file = files().get(0);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> run.read().forEachRemaining(value -> { }))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(file.getFileName().toString()).hasMessageContaining("ends inside a value");
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aRunFileIsReadOnlyOnceFinishedAndWrittenOnlyBefore() {
        try (RunFile<String> run = new RunFile<>(folder, "listing-", RunFile.eachOf(TEXT), "the report's listing")) {
            assertThatThrownBy(run::read).hasMessageContaining("not finished");
            run.finish();
            assertThatThrownBy(() -> run.write(List.of("late"))).hasMessageContaining("is finished");
            assertThat(run.read()).isExhausted();
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.toList();
        }
    }
}
