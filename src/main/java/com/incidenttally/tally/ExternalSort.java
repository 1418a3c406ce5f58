package com.incidenttally.tally;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Values sorted however many there are: held in memory up to a budget (or until told to
 * {@linkplain #spill spill}), then sorted (stably) and written as a run, a {@link RunFile} of the
 * work folder; {@link #sorted} merges the runs and what is held, reading a block of each run at a
 * time, the earlier run first among equal values, so the order is that of a stable sort of
 * everything added. Used for a night's reports, listing and merge notes, which a huge night makes
 * too many to hold. {@link #close} deletes its runs.
 */
public final class ExternalSort<T> implements AutoCloseable {

    /** Writes and reads one value. */
    public interface Codec<T> {
        void write(DataOutputStream out, T value) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    /** Values per block of a listing's file, read by one reader at a time. */
    public static final int BLOCK = 2_048;
    /**
     * Values per block of a run written value by value: a merge holds a block of each of its runs
     * decoded, and such values (a listing's incidents, merge notes) are many and large.
     */
    static final int VALUE_BLOCK = 64;

    private final Comparator<T> order;
    private final RunFile.BlockCodec<T> codec;
    private final long budget;
    private final int block;
    private final Supplier<Path> folder;
    private List<T> held = new ArrayList<>();
    private final List<RunFile<T>> runs = new ArrayList<>();
    private final List<RunFile<T>.Reader> reading = new ArrayList<>();
    private long size;

    /** Spills by itself past {@code budget} values held, to the folder {@code folder} gives, asked on the first spill. */
    public ExternalSort(Comparator<T> order, Codec<T> codec, long budget, Supplier<Path> folder) {
        this(order, RunFile.eachOf(codec), VALUE_BLOCK, budget, folder);
    }

    /** As above, with runs written {@code block} values at a time by {@code codec}. */
    public ExternalSort(Comparator<T> order, RunFile.BlockCodec<T> codec, int block, long budget,
                        Supplier<Path> folder) {
        if (block < 1) {
            throw new IllegalArgumentException("a block of " + block + " values");
        }
        this.order = order;
        this.codec = codec;
        this.block = block;
        this.budget = budget;
        this.folder = folder;
    }

    public void add(T value) {
        held.add(value);
        size++;
        if (held.size() >= budget) {
            spill();
        }
    }

    /** Values added, held or spilled. */
    public long size() {
        return size;
    }

    /** Values held in memory. */
    public int held() {
        return held.size();
    }

    /** Whether any run was written. */
    public boolean spilled() {
        return !runs.isEmpty();
    }

    /** Sorts the values held and writes them as one run; holds none after. */
    public void spill() {
        if (held.isEmpty()) {
            return;
        }
        held.sort(order);
        RunFile<T> run = new RunFile<>(folder.get(), "sorted-", codec, "a sorted run of the report");
        runs.add(run);
        for (int from = 0; from < held.size(); from += block) {
            run.write(held.subList(from, Math.min(held.size(), from + block)));
        }
        run.finish();
        held = new ArrayList<>();
    }

    /** Every value added, in order; once. */
    public Iterator<T> sorted() {
        held.sort(order);
        if (runs.isEmpty()) {
            return held.iterator();
        }
        List<Iterator<T>> sources = new ArrayList<>();
        for (RunFile<T> run : runs) {
            RunFile<T>.Reader reader = run.read();
            reading.add(reader);
            sources.add(reader);
        }
        sources.add(held.iterator());
        return new KWayMerge<>(sources, order);
    }

    /** Hands every value added to {@code sink} in order, then holds none; runs are deleted. */
    public void forEachSorted(Consumer<T> sink) {
        try {
            sorted().forEachRemaining(sink);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        held = new ArrayList<>();
        reading.forEach(RunFile.Reader::close);
        reading.clear();
        runs.forEach(RunFile::close);
        runs.clear();
    }

    /** Sorted sources merged into one; among equal values the earlier source's first. */
    private static final class KWayMerge<T> implements Iterator<T> {
        private record Head<T>(T value, int source) {
        }

        private final List<Iterator<T>> sources;
        private final PriorityQueue<Head<T>> heads;

        KWayMerge(List<Iterator<T>> sources, Comparator<T> order) {
            this.sources = sources;
            this.heads = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> {
                int c = order.compare(a.value(), b.value());
                return c != 0 ? c : Integer.compare(a.source(), b.source());
            });
            for (int i = 0; i < sources.size(); i++) {
                advance(i);
            }
        }

        private void advance(int source) {
            if (sources.get(source).hasNext()) {
                heads.add(new Head<>(sources.get(source).next(), source));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public T next() {
            Head<T> head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.source());
            return head.value();
        }
    }

    // What the codecs of the listing are made of: nulls kept as nulls, text as length-prefixed UTF-8.

    /**
     * Every char as it is. Text is written as UTF-8 after its length in bytes; text with a lone
     * surrogate, which UTF-8 cannot carry, char by char after its length in chars, negated.
     */
    public static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(NULL_TEXT);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        // The encoder writes a lone surrogate as '?': only text with a '?' in it may hold one.
        if (!hasQuestionMark(utf8) || !hasLoneSurrogate(value)) {
            out.writeInt(utf8.length);
            out.write(utf8);
            return;
        }
        int length = value.length();
        out.writeInt(UTF16_TEXT - length);
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
        if (length == NULL_TEXT) {
            return null;
        }
        if (length >= 0) {
            // Decoded from the reading thread's buffer, not from an array of its own: a big listing
            // reads some twenty texts an incident. A longer text is read as it comes, so that a damaged
            // length ends the file early instead of taking the heap.
            byte[] utf8 = length <= TEXT_BUFFER ? TEXT_BYTES.get() : in.readNBytes(length);
            if (length <= TEXT_BUFFER) {
                in.readFully(utf8, 0, length);
            } else if (utf8.length != length) {
                throw new EOFException();
            }
            return new String(utf8, 0, length, StandardCharsets.UTF_8);
        }
        int chars = UTF16_TEXT - length;
        byte[] bytes = in.readNBytes(chars * 2);
        if (bytes.length != chars * 2) {
            throw new EOFException();
        }
        char[] text = new char[chars];
        for (int i = 0; i < chars; i++) {
            text[i] = (char) (((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
        }
        return new String(text);
    }

    private static final int NULL_TEXT = -1;
    /** Texts up to this many bytes are read through {@link #TEXT_BYTES}. */
    private static final int TEXT_BUFFER = 8_192;
    private static final ThreadLocal<byte[]> TEXT_BYTES = ThreadLocal.withInitial(() -> new byte[TEXT_BUFFER]);
    /** Text char by char: this, less its length in chars. */
    private static final int UTF16_TEXT = -2;

    private static boolean hasQuestionMark(byte[] utf8) {
        for (byte b : utf8) {
            if (b == '?') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
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
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.toLocalDate().toEpochDay());
            out.writeLong(value.toLocalTime().toNanoOfDay());
        }
    }

    public static LocalDateTime time(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long day = in.readLong();
        return LocalDateTime.of(LocalDate.ofEpochDay(day), LocalTime.ofNanoOfDay(in.readLong()));
    }
}
