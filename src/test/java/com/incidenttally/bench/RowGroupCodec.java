package com.incidenttally.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A quick prototype of a row group for the store benchmark: one chunk of one file's rows, column by
 * column (texts by a per-group dictionary, numbers as variable-length integers, nights as days
 * after the group's first, times as seconds after it), compressed with {@link Deflater#BEST_SPEED}.
 * Not the product's format: enough to measure what such a block costs to write, store and read.
 */
final class RowGroupCodec {

    private RowGroupCodec() {
    }

    /** The group's bytes: the uncompressed length, then the compressed columns. */
    static byte[] encode(List<BenchRow> rows) {
        Bytes out = new Bytes(rows.size() * 128);
        long base = rows.stream().mapToLong(r -> r.night().toEpochDay()).min().orElse(0);
        long baseSecond = LocalDate.ofEpochDay(base).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        out.varint(rows.size());
        out.varint(rows.get(0).fileId());
        out.zigzag(base);
        texts(out, rows, BenchRow::sheet);
        long previous = 0;
        for (BenchRow r : rows) {
            out.zigzag(r.line() - previous);
            previous = r.line();
        }
        texts(out, rows, BenchRow::incidentId);
        for (BenchRow r : rows) {
            out.varint(r.night().toEpochDay() - base);
        }
        for (BenchRow r : rows) {
            out.put(r.nightInferred() ? 1 : 0);
        }
        for (BenchRow r : rows) {
            LocalDateTime time = r.localTime();
            if (time != null && time.getNano() != 0) {
                throw new IllegalArgumentException("a time with fractions of a second: " + time);
            }
            out.varint(time == null ? 0 : 1 + zigzag(time.toEpochSecond(ZoneOffset.UTC) - baseSecond));
        }
        for (BenchRow r : rows) {
            out.put(r.nightTime() == null ? 0 : r.nightTime() ? 2 : 1);
        }
        texts(out, rows, BenchRow::regionIso);
        texts(out, rows, BenchRow::district);
        texts(out, rows, BenchRow::districtKey);
        texts(out, rows, BenchRow::location);
        texts(out, rows, BenchRow::eventType);
        numbers(out, rows, BenchRow::uavCount);
        numbers(out, rows, BenchRow::killed);
        numbers(out, rows, BenchRow::injured);
        texts(out, rows, BenchRow::damage);
        texts(out, rows, BenchRow::measures);
        texts(out, rows, BenchRow::source);
        texts(out, rows, BenchRow::sourceKey);
        texts(out, rows, BenchRow::sourceUrl);
        texts(out, rows, BenchRow::notes);
        texts(out, rows, BenchRow::contentHash);

        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(out.buffer, 0, out.size);
            deflater.finish();
            Bytes packed = new Bytes(out.size / 3 + 64);
            packed.varint(out.size);
            while (!deflater.finished()) {
                packed.room(8192);
                packed.size += deflater.deflate(packed.buffer, packed.size, packed.buffer.length - packed.size);
            }
            return Arrays.copyOf(packed.buffer, packed.size);
        } finally {
            deflater.end();
        }
    }

    /** Hands on the group's rows whose night lies in [first, last]; returns how many it decoded. */
    static int decode(byte[] group, LocalDate first, LocalDate last, Consumer<BenchRow> sink) {
        Reader head = new Reader(group, 0);
        int rawSize = (int) head.varint();
        byte[] raw = new byte[rawSize];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(group, head.at, group.length - head.at);
            int done = 0;
            while (done < rawSize) {
                int n = inflater.inflate(raw, done, rawSize - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new IllegalStateException("a row group ends early");
                }
                done += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a damaged row group", e);
        } finally {
            inflater.end();
        }
        Reader in = new Reader(raw, 0);
        int count = (int) in.varint();
        long fileId = in.varint();
        long base = in.zigzag();
        long baseSecond = LocalDate.ofEpochDay(base).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        String[] sheet = in.texts(count);
        long[] line = new long[count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            previous += in.zigzag();
            line[i] = previous;
        }
        String[] incidentId = in.texts(count);
        LocalDate[] night = new LocalDate[count];
        for (int i = 0; i < count; i++) {
            night[i] = LocalDate.ofEpochDay(base + in.varint());
        }
        boolean[] inferred = new boolean[count];
        for (int i = 0; i < count; i++) {
            inferred[i] = raw[in.at++] == 1;
        }
        LocalDateTime[] time = new LocalDateTime[count];
        for (int i = 0; i < count; i++) {
            long v = in.varint();
            time[i] = v == 0 ? null : LocalDateTime.ofEpochSecond(baseSecond + unzigzag(v - 1), 0, ZoneOffset.UTC);
        }
        Boolean[] nightTime = new Boolean[count];
        for (int i = 0; i < count; i++) {
            byte b = raw[in.at++];
            nightTime[i] = b == 0 ? null : b == 2;
        }
        String[] regionIso = in.texts(count);
        String[] district = in.texts(count);
        String[] districtKey = in.texts(count);
        String[] location = in.texts(count);
        String[] eventType = in.texts(count);
        Integer[] uavCount = in.numbers(count);
        Integer[] killed = in.numbers(count);
        Integer[] injured = in.numbers(count);
        String[] damage = in.texts(count);
        String[] measures = in.texts(count);
        String[] source = in.texts(count);
        String[] sourceKey = in.texts(count);
        String[] sourceUrl = in.texts(count);
        String[] notes = in.texts(count);
        String[] contentHash = in.texts(count);
        for (int i = 0; i < count; i++) {
            if (night[i].isBefore(first) || night[i].isAfter(last)) {
                continue;
            }
            sink.accept(new BenchRow(fileId, sheet[i], line[i], incidentId[i], night[i], inferred[i], time[i],
                    nightTime[i], regionIso[i], district[i], districtKey[i], location[i], eventType[i], uavCount[i],
                    killed[i], injured[i], damage[i], measures[i], source[i], sourceKey[i], sourceUrl[i], notes[i],
                    contentHash[i]));
        }
        return count;
    }

    /** A text column: its dictionary (distinct values in first-seen order), then each row's code (0 for null). */
    private static void texts(Bytes out, List<BenchRow> rows, Function<BenchRow, String> column) {
        Map<String, Integer> codes = new HashMap<>();
        int[] row = new int[rows.size()];
        Bytes dictionary = new Bytes(4096);
        for (int i = 0; i < row.length; i++) {
            String value = column.apply(rows.get(i));
            if (value == null) {
                continue;
            }
            Integer code = codes.get(value);
            if (code == null) {
                code = codes.size() + 1;
                codes.put(value, code);
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                dictionary.varint(bytes.length);
                dictionary.put(bytes);
            }
            row[i] = code;
        }
        out.varint(codes.size());
        out.put(Arrays.copyOf(dictionary.buffer, dictionary.size));
        for (int code : row) {
            out.varint(code);
        }
    }

    private static void numbers(Bytes out, List<BenchRow> rows, Function<BenchRow, Integer> column) {
        for (BenchRow r : rows) {
            Integer value = column.apply(r);
            out.varint(value == null ? 0 : 1 + zigzag(value));
        }
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /** A growing byte buffer with variable-length integers. */
    private static final class Bytes {
        byte[] buffer;
        int size;

        Bytes(int capacity) {
            buffer = new byte[Math.max(16, capacity)];
        }

        void room(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        void put(int b) {
            room(1);
            buffer[size++] = (byte) b;
        }

        void put(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void varint(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                buffer[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[size++] = (byte) value;
        }

        void zigzag(long value) {
            varint(RowGroupCodec.zigzag(value));
        }
    }

    private static final class Reader {
        final byte[] bytes;
        int at;

        Reader(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        long varint() {
            long value = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
                shift += 7;
            }
        }

        long zigzag() {
            return unzigzag(varint());
        }

        String[] texts(int count) {
            int size = (int) varint();
            String[] dictionary = new String[size + 1];
            for (int i = 1; i <= size; i++) {
                int length = (int) varint();
                dictionary[i] = new String(bytes, at, length, StandardCharsets.UTF_8);
                at += length;
            }
            String[] values = new String[count];
            for (int i = 0; i < count; i++) {
                values[i] = dictionary[(int) varint()];
            }
            return values;
        }

        Integer[] numbers(int count) {
            Integer[] values = new Integer[count];
            for (int i = 0; i < count; i++) {
                long v = varint();
                values[i] = v == 0 ? null : (int) unzigzag(v - 1);
            }
            return values;
        }
    }
}
