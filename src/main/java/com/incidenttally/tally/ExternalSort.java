package com.incidenttally.tally;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Values sorted however many there are: held in memory up to a budget, then sorted (stably) and
 * written as a run to a file of the work folder; {@link #forEachSorted} merges the runs and what
 * is held, the earlier run first among equal values, so the order is that of a stable sort of
 * everything added. Used for a night's listing and merge notes, which a huge night makes too many
 * to hold. {@link #close} deletes its runs.
 */
public final class ExternalSort<T> implements AutoCloseable {

    /** Writes and reads one value. */
    public interface Codec<T> {
        void write(DataOutputStream out, T value) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private final Comparator<T> order;
    private final Codec<T> codec;
    private final long budget;
    private final Supplier<Path> folder;
    private List<T> held = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();

    public ExternalSort(Comparator<T> order, Codec<T> codec, long budget, Supplier<Path> folder) {
        this.order = order;
        this.codec = codec;
        this.budget = budget;
        this.folder = folder;
    }

    public void add(T value) {
        held.add(value);
        if (held.size() >= budget) {
            spill();
        }
    }

    private void spill() {
        held.sort(order);
        try {
            Path run = Files.createTempFile(folder.get(), "sorted-", ".bin");
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                    1 << 16))) {
                for (T value : held) {
                    out.writeBoolean(true);
                    codec.write(out, value);
                }
                out.writeBoolean(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run of the listing: " + e.getMessage(), e);
        }
        held = new ArrayList<>();
    }

    /** Hands every value added to {@code sink} in order, then holds none; runs are deleted. */
    public void forEachSorted(Consumer<T> sink) {
        held.sort(order);
        if (runs.isEmpty()) {
            held.forEach(sink);
            held = new ArrayList<>();
            return;
        }
        List<Iterator<T>> sources = new ArrayList<>();
        List<DataInputStream> open = new ArrayList<>();
        try {
            for (Path run : runs) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                open.add(in);
                sources.add(new RunReader<>(in, codec, run));
            }
            sources.add(held.iterator());
            record Head<T>(T value, int source) {
            }
            PriorityQueue<Head<T>> heads = new PriorityQueue<>(sources.size(), (a, b) -> {
                int c = order.compare(a.value(), b.value());
                return c != 0 ? c : Integer.compare(a.source(), b.source());
            });
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i).hasNext()) {
                    heads.add(new Head<>(sources.get(i).next(), i));
                }
            }
            while (!heads.isEmpty()) {
                Head<T> head = heads.poll();
                sink.accept(head.value());
                if (sources.get(head.source()).hasNext()) {
                    heads.add(new Head<>(sources.get(head.source()).next(), head.source()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a sorted run of the listing: " + e.getMessage(), e);
        } finally {
            for (DataInputStream in : open) {
                try {
                    in.close();
                } catch (IOException e) {
                    // Deleted below all the same.
                }
            }
            close();
        }
    }

    @Override
    public void close() {
        held = new ArrayList<>();
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // The work folder's removal tries again.
            }
        }
        runs.clear();
    }

    private static final class RunReader<T> implements Iterator<T> {
        private final DataInputStream in;
        private final Codec<T> codec;
        private final Path run;
        private T next;
        private boolean done;

        RunReader(DataInputStream in, Codec<T> codec, Path run) {
            this.in = in;
            this.codec = codec;
            this.run = run;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (done) {
                return false;
            }
            try {
                if (!in.readBoolean()) {
                    done = true;
                    return false;
                }
                next = codec.read(in);
                return true;
            } catch (EOFException e) {
                throw new UncheckedIOException(run.getFileName() + " ends inside a value", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sorted run of the listing: " + e.getMessage(), e);
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T value = next;
            next = null;
            return value;
        }
    }

    // What the codecs of the listing are made of: nulls kept as nulls, text as length-prefixed UTF-8.

    /** Every char as it is, a lone surrogate too (UTF-8 would replace it). */
    public static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int length = value.length();
        out.writeInt(length);
        // In one write: DataOutputStream.writeChars writes each byte on its own.
        byte[] bytes = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            bytes[2 * i] = (byte) (c >>> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        out.write(bytes);
    }

    public static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length * 2);
        if (bytes.length != length * 2) {
            throw new EOFException();
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
        }
        return new String(chars);
    }

    public static void number(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    public static Integer number(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    public static void date(DataOutputStream out, LocalDate value) throws IOException {
        out.writeLong(value == null ? Long.MIN_VALUE : value.toEpochDay());
    }

    public static LocalDate date(DataInputStream in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    public static void time(DataOutputStream out, LocalDateTime value) throws IOException {
        text(out, value == null ? null : value.toString());
    }

    public static LocalDateTime time(DataInputStream in) throws IOException {
        String value = text(in);
        return value == null ? null : LocalDateTime.parse(value);
    }
}
