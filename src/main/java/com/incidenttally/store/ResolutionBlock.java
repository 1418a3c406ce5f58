package com.incidenttally.store;

import com.incidenttally.places.MatchMethod;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A chunk's counted name resolutions as one stored value: each text once in a table at its head,
 * then one fixed-size entry per (kind, region, input, method, night), which names its texts by
 * their place in the table. A chunk's rows spread over many nights, so counting per chunk folds
 * few of them; one value per chunk makes a row of the store per chunk rather than per entry.
 */
final class ResolutionBlock {

    /** The first byte of a block, changed whenever its form does. */
    private static final byte FORM = 1;

    /** A text the block does not hold (a method or canonical name that is null). */
    private static final int NONE = -1;

    private ResolutionBlock() {
    }

    /**
     * A name of a chunk's rows that did not match exactly, on one night: how many rows wrote it, the
     * first canonical name in character order and the lowest score.
     */
    record Entry(String kind, String regionIso, String input, MatchMethod method, String canonical, double score,
                 long rows, LocalDate night) {

        Entry plus(String otherCanonical, double otherScore, long otherRows) {
            String first = canonical == null || (otherCanonical != null && otherCanonical.compareTo(canonical) < 0)
                    ? otherCanonical : canonical;
            return new Entry(kind, regionIso, input, method, first, Math.min(score, otherScore), rows + otherRows,
                    night);
        }
    }

    static byte[] encode(List<Entry> entries) {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> texts = new ArrayList<>();
        int[] refs = new int[entries.size() * 5];
        int at = 0;
        for (Entry entry : entries) {
            refs[at++] = number(entry.kind(), numbers, texts);
            refs[at++] = number(entry.regionIso(), numbers, texts);
            refs[at++] = number(entry.input(), numbers, texts);
            refs[at++] = number(entry.method() == null ? null : entry.method().label(), numbers, texts);
            refs[at++] = number(entry.canonical(), numbers, texts);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 36);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORM);
            out.writeInt(texts.size());
            for (String text : texts) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeInt(entries.size());
            at = 0;
            for (Entry entry : entries) {
                for (int i = 0; i < 5; i++) {
                    out.writeInt(refs[at++]);
                }
                out.writeDouble(entry.score());
                out.writeLong(entry.rows());
                out.writeLong(entry.night().toEpochDay());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory", e);
        }
        return bytes.toByteArray();
    }

    private static int number(String text, Map<String, Integer> numbers, List<String> texts) {
        if (text == null) {
            return NONE;
        }
        return numbers.computeIfAbsent(text, t -> {
            texts.add(t);
            return texts.size() - 1;
        });
    }

    /** Hands {@code sink} the block's entries whose night lies from {@code from} to {@code to}, in block order. */
    static void decode(byte[] block, LocalDate from, LocalDate to, Consumer<Entry> sink) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
            byte form = in.readByte();
            if (form != FORM) {
                throw new IllegalStateException("a block of name resolutions of an unknown form: " + form);
            }
            String[] texts = new String[in.readInt()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            }
            MatchMethod[] methods = new MatchMethod[texts.length];
            long first = from.toEpochDay();
            long last = to.toEpochDay();
            int count = in.readInt();
            for (int n = 0; n < count; n++) {
                int kind = in.readInt();
                int region = in.readInt();
                int input = in.readInt();
                int method = in.readInt();
                int canonical = in.readInt();
                double score = in.readDouble();
                long rows = in.readLong();
                long night = in.readLong();
                if (night < first || night > last) {
                    continue;
                }
                if (method != NONE && methods[method] == null) {
                    methods[method] = MatchMethod.ofLabel(texts[method]);
                }
                sink.accept(new Entry(texts[kind], texts[region], texts[input], method == NONE ? null : methods[method],
                        canonical == NONE ? null : texts[canonical], score, rows, LocalDate.ofEpochDay(night)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory", e);
        }
    }
}
