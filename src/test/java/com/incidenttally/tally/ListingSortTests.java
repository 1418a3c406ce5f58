package com.incidenttally.tally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The listing's sort against the stable sort of everything it was given, on values that come as the
 * merge hands them: night by night, each night's strays first, then its runs in order.
 */
class ListingSortTests {

    /** A value: its run (night, place), then a time that may be unknown, then the order it was made in. */
    private record Value(int night, int place, Integer time, int tie, long seq) {
    }

    private static final Comparator<Value> RUN = Comparator.comparingInt(Value::night).thenComparingInt(Value::place);
    /** {@code tie} instead of a distinct seq where a test wants equal values: they must keep their order. */
    private static final Comparator<Value> ORDER = RUN.thenComparing(Value::time,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(Value::tie);

    private static final ExternalSort.Codec<Value> CODEC = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Value v) throws IOException {
            out.writeInt(v.night());
            out.writeInt(v.place());
            ExternalSort.number(out, v.time());
            out.writeInt(v.tie());
            out.writeLong(v.seq());
        }

        @Override
        public Value read(DataInputStream in) throws IOException {
            return new Value(in.readInt(), in.readInt(), ExternalSort.number(in), in.readInt(), in.readLong());
        }
    };

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 1_000})
    void listsAsAStableSortOfEverythingWould(long budget) {
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed * 31 + budget);
            List<Value> added = new ArrayList<>();
            List<Value> listed = new ArrayList<>();
            try (ListingSort<Value> sort = new ListingSort<>(ORDER, RUN, CODEC, budget, () -> work, listed::add)) {
                long seq = 0;
                int nights = 1 + random.nextInt(4);
                for (int night = 0; night < nights; night++) {
                    // A night's strays: mostly on the night, some (an id's duplicate row) on a later one.
                    int strays = random.nextInt(6);
                    for (int i = 0; i < strays; i++) {
                        Value v = new Value(night + (random.nextInt(5) == 0 ? random.nextInt(3) : 0),
                                random.nextInt(4), time(random), random.nextInt(3), seq++);
                        sort.addStray(v);
                        added.add(v);
                    }
                    for (int place = 0; place < 4; place++) {
                        int size = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
                        for (int i = 0; i < size; i++) {
                            Value v = new Value(night, place, time(random), random.nextInt(3), seq++);
                            sort.addInRun(v);
                            added.add(v);
                        }
                    }
                }
                sort.finish();
            }
            List<Value> expected = new ArrayList<>(added);
            expected.sort(ORDER);
            assertThat(listed).as("seed %d", seed).containsExactlyElementsOf(expected);
            assertThat(workFiles()).isZero();
        }
    }

    private static Integer time(Random random) {
        return random.nextInt(4) == 0 ? null : random.nextInt(5);
    }

    @Test
    void aBigRunSpillsToTheWorkFolderAndTheFilesGoWithTheSort() {
        List<Value> listed = new ArrayList<>();
        try (ListingSort<Value> sort = new ListingSort<>(ORDER, RUN, CODEC, 4, () -> work, listed::add)) {
            sort.addStray(new Value(0, 0, 3, 0, 0));
            for (int i = 0; i < 10; i++) {
                sort.addInRun(new Value(0, 0, 9 - i, 0, i + 1));
            }
            assertThat(workFiles()).as("the big run's sorted runs").isPositive();
            sort.addInRun(new Value(0, 1, null, 0, 11));
            assertThat(listed).extracting(Value::time).containsExactly(0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9);
            assertThat(listed.get(3).seq()).as("the stray before the run's equal value").isZero();
        }
        assertThat(workFiles()).isZero();
    }

    @Test
    void aRunOutOfOrderFailsTheListing() {
        try (ListingSort<Value> sort = new ListingSort<>(ORDER, RUN, CODEC, 10, () -> work, v -> { })) {
            sort.addInRun(new Value(1, 2, null, 0, 0));
            assertThatThrownBy(() -> sort.addInRun(new Value(1, 1, null, 0, 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order");
        }
    }

    @Test
    void aStrayAfterARunItComesBeforeFailsTheListing() {
        try (ListingSort<Value> sort = new ListingSort<>(ORDER, RUN, CODEC, 10, () -> work, v -> { })) {
            sort.addInRun(new Value(1, 1, null, 0, 0));
            sort.addInRun(new Value(1, 2, null, 0, 1));
            sort.addStray(new Value(1, 0, null, 0, 2));
            assertThatThrownBy(sort::finish).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("out of order");
        }
    }

    private long workFiles() {
        try (Stream<Path> files = Files.list(work)) {
            return files.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
