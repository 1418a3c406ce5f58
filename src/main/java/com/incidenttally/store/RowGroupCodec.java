package com.incidenttally.store;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.tally.Report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A row group: the accepted reports of one chunk of a file (of one week), column by column, and
 * compressed. Nights, lines and counts are numbers; the sheet, region, district, event type and
 * source are codes into the group's own dictionary; free text is kept as it is, every character
 * (a lone surrogate too) coming back as it went in. Pure Java: the store only moves the bytes.
 *
 * <p>Layout: {@code 'R' 'G' version}, the row count and the length of the body as varints, then
 * the body deflated: the columns one after the other, each holding every row's value.
 */
public final class RowGroupCodec {

    private static final int VERSION = 1;
    /** Deflater's fastest level: a group is written once per chunk and read once per report. */
    private static final int LEVEL = Deflater.BEST_SPEED;

    private RowGroupCodec() {
    }

    /**
     * Encodes reports; each report's {@code file} is kept as given (the store gives the sheet,
     * {@code ""} for a CSV file) and comes back through {@link #decode}'s mapping.
     */
    public static byte[] encode(List<Report> reports) {
        // A column per call, each a short loop of its own: one method of twenty loops, run a few hundred
        // times, was compiled again for each loop it entered hot (about 5 s of C2's time at 1M rows).
        Out out = new Out(Math.max(64, reports.size() * 64));
        dictionary(out, reports, Report::file);
        deltas(out, reports, Report::line);
        texts(out, reports, Report::incidentId);
        deltas(out, reports, r -> r.night().toEpochDay());
        flags(out, reports);
        times(out, reports);
        dictionary(out, reports, Report::regionIso);
        dictionary(out, reports, Report::district);
        dictionary(out, reports, Report::districtKey, DistrictKey::encoded);
        dictionary(out, reports, Report::eventType);
        counts(out, reports, Report::uavCount);
        counts(out, reports, Report::killed);
        counts(out, reports, Report::injured);
        texts(out, reports, Report::location);
        texts(out, reports, Report::damage);
        texts(out, reports, Report::measures);
        dictionary(out, reports, Report::source);
        dictionary(out, reports, Report::sourceKey);
        texts(out, reports, Report::sourceUrl);
        texts(out, reports, Report::notes);
        texts(out, reports, Report::contentHash);
        return compress(reports.size(), out);
    }

    /** A column of whole numbers (lines; nights as days), each as the difference from the one before. */
    private static void deltas(Out out, List<Report> reports, ToLongFunction<Report> column) {
        long previous = 0;
        for (Report r : reports) {
            long value = column.applyAsLong(r);
            out.signed(value - previous);
            previous = value;
        }
    }

    /** Four bit columns: night inferred, time given, night time known, night time. */
    private static void flags(Out out, List<Report> reports) {
        int n = reports.size();
        boolean[] inferred = new boolean[n];
        boolean[] hasTime = new boolean[n];
        boolean[] timeKnown = new boolean[n];
        boolean[] nightTime = new boolean[n];
        int i = 0;
        for (Report r : reports) {
            inferred[i] = r.nightInferred();
            hasTime[i] = r.localTime() != null;
            timeKnown[i] = r.nightTime() != null;
            nightTime[i] = Boolean.TRUE.equals(r.nightTime());
            i++;
        }
        out.bits(inferred);
        out.bits(hasTime);
        out.bits(timeKnown);
        out.bits(nightTime);
    }

    /** The times of the reports that have one: seconds from the start of the report's night, then the nanoseconds. */
    private static void times(Out out, List<Report> reports) {
        for (Report r : reports) {
            LocalDateTime time = r.localTime();
            if (time != null) {
                out.signed(time.toLocalDate().toEpochDay() * 86_400L + time.toLocalTime().toSecondOfDay()
                        - r.night().toEpochDay() * 86_400L);
                out.unsigned(time.getNano());
            }
        }
    }

    private static void counts(Out out, List<Report> reports, Function<Report, Integer> column) {
        for (Report r : reports) {
            out.count(column.apply(r));
        }
    }

    private static void texts(Out out, List<Report> reports, Function<Report, String> column) {
        for (Report r : reports) {
            out.text(column.apply(r));
        }
    }

    /** The number of reports a group holds, read from its header. */
    public static int rows(byte[] group) {
        In header = new In(group, 0, group.length);
        readMagic(header);
        return (int) header.unsigned();
    }

    /**
     * Decodes a group; {@code file} maps each stored file value (the sheet) to what the reports
     * show, once per distinct value.
     */
    public static List<Report> decode(byte[] group, UnaryOperator<String> file) {
        In header = new In(group, 0, group.length);
        readMagic(header);
        int n = (int) header.unsigned();
        int length = (int) header.unsigned();
        byte[] body = inflated(group, header.position, length);
        In in = new In(body, 0, length);
        // Each column read by a call of its own, as encode writes them.
        String[] files = in.dictionary(n);
        Map<String, String> mapped = mapped(in.lastDictionary, file);
        long[] lines = in.lines(n);
        String[] ids = in.texts(n);
        LocalDate[] nights = in.nights(n);
        boolean[] inferred = in.bits(n);
        boolean[] hasTime = in.bits(n);
        boolean[] timeKnown = in.bits(n);
        boolean[] nightTime = in.bits(n);
        LocalDateTime[] times = in.times(nights, hasTime);
        String[] regions = in.dictionary(n);
        String[] districts = in.dictionary(n);
        String[] districtKeys = in.dictionary(n);
        Map<String, DistrictKey> keys = mapped(in.lastDictionary, DistrictKey::decode);
        String[] eventTypes = in.dictionary(n);
        Integer[] uavs = in.counts(n);
        Integer[] killed = in.counts(n);
        Integer[] injured = in.counts(n);
        String[] locations = in.texts(n);
        String[] damages = in.texts(n);
        String[] measures = in.texts(n);
        String[] sources = in.dictionary(n);
        String[] sourceKeys = in.dictionary(n);
        String[] urls = in.texts(n);
        String[] notes = in.texts(n);
        String[] hashes = in.texts(n);
        if (in.position != length) {
            throw new IllegalArgumentException("a row group has " + (length - in.position) + " bytes past its columns");
        }
        List<Report> reports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reports.add(new Report(ids[i], nights[i], inferred[i], times[i],
                    timeKnown[i] ? Boolean.valueOf(nightTime[i]) : null, regions[i], districts[i],
                    districtKeys[i] == null ? null : keys.get(districtKeys[i]),
                    eventTypes[i], uavs[i], killed[i], injured[i], locations[i], damages[i], measures[i], sources[i],
                    sourceKeys[i], urls[i], notes[i], hashes[i], files[i] == null ? null : mapped.get(files[i]),
                    lines[i]));
        }
        return reports;
    }

    /** The body of a group, from {@code position} on, inflated to the {@code length} its header gives. */
    private static byte[] inflated(byte[] group, int position, int length) {
        byte[] body = new byte[length];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(group, position, group.length - position);
            int read = 0;
            while (read < length) {
                int got = inflater.inflate(body, read, length - read);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("a row group ends early: " + read + " of " + length + " bytes");
                }
                read += got;
            }
            // The checksum at the end is read only once the body is whole.
            if (!inflater.finished() && (inflater.inflate(new byte[1]) > 0 || !inflater.finished())) {
                throw new IllegalArgumentException("a row group does not end where its header says");
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("a row group is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return body;
    }

    private static void readMagic(In in) {
        if (in.length < 3 || in.bytes[0] != 'R' || in.bytes[1] != 'G') {
            throw new IllegalArgumentException("not a row group");
        }
        if (in.bytes[2] != VERSION) {
            throw new IllegalArgumentException("a row group of version " + in.bytes[2] + ", not " + VERSION);
        }
        in.position = 3;
    }

    private static byte[] compress(int rows, Out body) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(body.bytes, 0, body.length);
            deflater.finish();
            Out out = new Out(body.length / 3 + 64);
            out.raw('R');
            out.raw('G');
            out.raw(VERSION);
            out.unsigned(rows);
            out.unsigned(body.length);
            byte[] buffer = new byte[Math.max(1024, Math.min(body.length + 64, 1 << 16))];
            while (!deflater.finished()) {
                int made = deflater.deflate(buffer);
                out.raw(buffer, made);
            }
            return Arrays.copyOf(out.bytes, out.length);
        } finally {
            deflater.end();
        }
    }

    /** Each distinct value of a dictionary's column, as what the reports hold, made once. */
    private static <T> Map<String, T> mapped(String[] dictionary, Function<String, T> value) {
        Map<String, T> mapped = new HashMap<>();
        for (String text : dictionary) {
            mapped.put(text, value.apply(text));
        }
        return mapped;
    }

    private static void dictionary(Out out, List<Report> reports, Function<Report, String> column) {
        dictionary(out, reports, column, Function.identity());
    }

    /** A column of codes into the group's dictionary; {@code text} is the stored text of each distinct value. */
    private static <T> void dictionary(Out out, List<Report> reports, Function<Report, T> column,
                                       Function<T, String> text) {
        Map<T, Integer> codes = new HashMap<>();
        List<T> values = new ArrayList<>();
        int[] coded = new int[reports.size()];
        for (int i = 0; i < coded.length; i++) {
            T value = column.apply(reports.get(i));
            if (value == null) {
                coded[i] = 0;
            } else {
                Integer code = codes.get(value);
                if (code == null) {
                    values.add(value);
                    code = values.size();
                    codes.put(value, code);
                }
                coded[i] = code;
            }
        }
        out.unsigned(values.size());
        for (T value : values) {
            out.text(text.apply(value));
        }
        for (int code : coded) {
            out.unsigned(code);
        }
    }

    /** A growing byte buffer with varints and text. */
    private static final class Out {
        byte[] bytes;
        int length;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void raw(int b) {
            room(1);
            bytes[length++] = (byte) b;
        }

        void raw(byte[] from, int count) {
            room(count);
            System.arraycopy(from, 0, bytes, length, count);
            length += count;
        }

        void unsigned(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                bytes[length++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[length++] = (byte) value;
        }

        void signed(long value) {
            unsigned((value << 1) ^ (value >> 63));
        }

        /** A count that may be absent: 0 for none, else the value plus one. */
        void count(Integer value) {
            unsigned(value == null ? 0 : ((long) value << 1 ^ (long) value >> 63) + 1);
        }

        /**
         * Text: 0 for none, else its length in UTF-16 units plus one, then each unit as one to three
         * bytes (UTF-8's forms applied to each unit alone, so a lone surrogate survives as well).
         */
        void text(String value) {
            if (value == null) {
                unsigned(0);
                return;
            }
            int units = value.length();
            unsigned(units + 1L);
            room(units * 3);
            byte[] b = bytes;
            int p = length;
            for (int i = 0; i < units; i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | c >> 6);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                } else {
                    b[p++] = (byte) (0xE0 | c >> 12);
                    b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                }
            }
            length = p;
        }

        void bits(boolean[] values) {
            room(values.length / 8 + 1);
            for (int i = 0; i < values.length; i += 8) {
                int b = 0;
                for (int j = 0; j < 8 && i + j < values.length; j++) {
                    if (values[i + j]) {
                        b |= 1 << j;
                    }
                }
                bytes[length++] = (byte) b;
            }
        }
    }

    /** Reads what {@link Out} wrote. */
    private static final class In {
        final byte[] bytes;
        final int length;
        int position;
        String[] lastDictionary;

        In(byte[] bytes, int position, int length) {
            this.bytes = bytes;
            this.position = position;
            this.length = length;
        }

        private int next() {
            if (position >= length) {
                throw new IllegalArgumentException("a row group ends early");
            }
            return bytes[position++];
        }

        long unsigned() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a row group holds a number too long");
        }

        long signed() {
            long raw = unsigned();
            return (raw >>> 1) ^ -(raw & 1);
        }

        long[] lines(int n) {
            long[] lines = new long[n];
            long line = 0;
            for (int i = 0; i < n; i++) {
                line += signed();
                lines[i] = line;
            }
            return lines;
        }

        /** Nights from their differences; a run of one night shares one value. */
        LocalDate[] nights(int n) {
            LocalDate[] nights = new LocalDate[n];
            long day = 0;
            LocalDate previous = null;
            for (int i = 0; i < n; i++) {
                long next = day + signed();
                nights[i] = previous != null && next == day ? previous : LocalDate.ofEpochDay(next);
                previous = nights[i];
                day = next;
            }
            return nights;
        }

        LocalDateTime[] times(LocalDate[] nights, boolean[] hasTime) {
            LocalDateTime[] times = new LocalDateTime[nights.length];
            for (int i = 0; i < nights.length; i++) {
                if (hasTime[i]) {
                    long seconds = nights[i].toEpochDay() * 86_400L + signed();
                    int nanos = (int) unsigned();
                    times[i] = LocalDateTime.ofEpochSecond(seconds, nanos, java.time.ZoneOffset.UTC);
                }
            }
            return times;
        }

        Integer[] counts(int n) {
            Integer[] values = new Integer[n];
            for (int i = 0; i < n; i++) {
                long raw = unsigned();
                if (raw != 0) {
                    raw--;
                    values[i] = (int) ((raw >>> 1) ^ -(raw & 1));
                }
            }
            return values;
        }

        String text() {
            long raw = unsigned();
            if (raw == 0) {
                return null;
            }
            int units = (int) (raw - 1);
            if (units == 0) {
                return "";
            }
            String ascii = ascii(units);
            if (ascii != null) {
                return ascii;
            }
            char[] chars = new char[units];
            byte[] b = bytes;
            int p = position;
            for (int i = 0; i < units; i++) {
                if (p >= length) {
                    throw new IllegalArgumentException("a row group ends inside a text");
                }
                int c = b[p++] & 0xFF;
                if (c < 0x80) {
                    chars[i] = (char) c;
                } else if (c < 0xE0) {
                    chars[i] = (char) ((c & 0x1F) << 6 | b[p++] & 0x3F);
                } else {
                    chars[i] = (char) ((c & 0x0F) << 12 | (b[p++] & 0x3F) << 6 | b[p++] & 0x3F);
                }
            }
            if (p > length) {
                throw new IllegalArgumentException("a row group ends inside a text");
            }
            position = p;
            return new String(chars);
        }

        /**
         * The next {@code units} bytes as text when each is below 0x80 (one unit each, as ids, hashes
         * and links mostly are), made in one array where the general path fills a {@code char[]} and
         * copies it; else null, and nothing is read.
         */
        private String ascii(int units) {
            int end = position + units;
            if (end > length || end < 0) {
                return null;
            }
            byte[] b = bytes;
            for (int p = position; p < end; p++) {
                if (b[p] < 0) {
                    return null;
                }
            }
            String text = new String(b, position, units, StandardCharsets.ISO_8859_1);
            position = end;
            return text;
        }

        String[] texts(int n) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = text();
            }
            return values;
        }

        String[] dictionary(int n) {
            int size = (int) unsigned();
            String[] entries = new String[size];
            for (int i = 0; i < size; i++) {
                entries[i] = text();
            }
            lastDictionary = entries;
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                int code = (int) unsigned();
                if (code > size) {
                    throw new IllegalArgumentException("a row group's code " + code + " is past its dictionary");
                }
                values[i] = code == 0 ? null : entries[code - 1];
            }
            return values;
        }

        boolean[] bits(int n) {
            boolean[] values = new boolean[n];
            for (int i = 0; i < n; i += 8) {
                int b = next();
                for (int j = 0; j < 8 && i + j < n; j++) {
                    values[i + j] = (b & 1 << j) != 0;
                }
            }
            return values;
        }
    }
}
