package com.incidenttally.store;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.tally.Report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowGroupCodecTests {

    private static final LocalDate NIGHT = LocalDate.of(2025, 12, 7);

    private static Report full(String file, long line) {
        return new Report("ID-7", NIGHT, true, LocalDateTime.of(2025, 12, 8, 2, 15, 30), Boolean.TRUE, "UA-46",
                "Lviv Raion", DistrictKey.resolved("Lviv Raion"), "shot_down", 12, 1, 3, "near the bridge", "windows", "shelter",
                "Air Force", "air force", "https://example.org/a?b=c", "a note", "0123456789abcdef0123456789abcdef",
                file, line);
    }

    private static Report empty(String file, long line) {
        return new Report(null, NIGHT, false, null, null, "UA-46", null, DistrictKey.REGION, "launch", null, null, null, null, null,
                null, "", "", null, null, "", file, line);
    }

    private static List<Report> roundTrip(List<Report> reports) {
        return RowGroupCodec.decode(RowGroupCodec.encode(reports), sheet -> sheet);
    }

    @Test
    void everyFieldComesBack() {
        List<Report> reports = List.of(full("", 2), empty("", 3), full("Sheet 1", 9));
        assertThat(roundTrip(reports)).isEqualTo(reports);
    }

    @Test
    void nullsAndEmptyTextsStayApart() {
        Report blanks = new Report("", NIGHT, false, null, Boolean.FALSE, "UA-46", "", DistrictKey.REGION, "launch", 0, 0, 0, "", "",
                "", "", "", "", "", "", "", 0);
        List<Report> reports = List.of(blanks, empty("", 1));
        List<Report> back = roundTrip(reports);
        assertThat(back).isEqualTo(reports);
        assertThat(back.get(0).notes()).isEmpty();
        assertThat(back.get(1).notes()).isNull();
        assertThat(back.get(0).nightTime()).isFalse();
        assertThat(back.get(1).nightTime()).isNull();
    }

    @Test
    void surrogatePairsWholeAndAloneComeBackAsTheyWent() {
        String text = "пожежа 🚀 \uD83D and \uDE80 alone, 𝔘𝔄 ü €";
        Report report = new Report(text, NIGHT, false, null, null, "UA-46", text,
                new DistrictKey(DistrictKey.Kind.UNRESOLVED, text), "launch", null, null, null,
                text, text, text, text, text, text, text, text, text, 5);
        assertThat(roundTrip(List.of(report))).containsExactly(report);
    }

    @Test
    void asciiTextsAndTextsThatLeaveAsciiLateComeBack() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        String ascii = every.toString();
        List<Report> reports = new ArrayList<>();
        for (String tail : List.of("", "\u0080", "ж", "\u07FF", "\u0800", "\uD83D", "🚀")) {
            String text = ascii + tail;
            reports.add(new Report(text, NIGHT, false, null, null, "UA-46", text, DistrictKey.resolved(text), "launch",
                    null, null, null, text, text, text, text, text, text, text, text, text, reports.size()));
        }
        List<Report> back = roundTrip(reports);
        assertThat(back).isEqualTo(reports);
        assertThat(back.get(0).notes()).isEqualTo(ascii).hasSize(0x80);
        assertThat(back.get(2).notes()).endsWith("ж").hasSize(0x81);
    }

    @Test
    void aGroupWhoseAsciiTextRunsPastItsBodyIsRefused() {
        // One row: no sheet dictionary, its code 0, line 1, then an id of 200 units of which 50 are there.
        byte[] body = new byte[5 + 50];
        byte[] start = {0, 0, 2, (byte) (201 & 0x7F | 0x80), (byte) (201 >> 7)};
        System.arraycopy(start, 0, body, 0, start.length);
        Arrays.fill(body, start.length, body.length, (byte) 'a');
        assertThatThrownBy(() -> RowGroupCodec.decode(group(1, body), s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends inside a text");
    }

    /** A group of {@code rows} rows whose body is {@code body}, as the codec frames one. */
    private static byte[] group(int rows, byte[] body) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        try {
            deflater.setInput(body);
            deflater.finish();
            byte[] deflated = new byte[body.length + 64];
            int length = deflater.deflate(deflated);
            byte[] header = {'R', 'G', 1, (byte) rows, (byte) body.length};
            byte[] group = Arrays.copyOf(header, header.length + length);
            System.arraycopy(deflated, 0, group, header.length, length);
            return group;
        } finally {
            deflater.end();
        }
    }

    @Test
    void longTextsComeBack() {
        char[] cyrillic = new char[32_767];
        Arrays.fill(cyrillic, 'ж');
        String longest = new String(cyrillic);
        Report report = new Report(longest, NIGHT, false, null, null, "UA-46", longest,
                new DistrictKey(DistrictKey.Kind.RESOLVED, longest), "launch", null, null,
                null, longest, longest, longest, "src", "src", longest, longest + "🚀", "h", "", 1);
        assertThat(roundTrip(List.of(report))).containsExactly(report);
    }

    @Test
    void theFileValueIsMappedOncePerDistinctValue() {
        List<String> asked = new ArrayList<>();
        List<Report> back = RowGroupCodec.decode(RowGroupCodec.encode(List.of(full("", 1), full("", 2),
                full("B", 3))), sheet -> {
                    asked.add(sheet);
                    return "in/file.xlsx" + (sheet.isEmpty() ? "" : "#" + sheet);
                });
        assertThat(asked).containsExactly("", "B");
        assertThat(back).extracting(Report::file).containsExactly("in/file.xlsx", "in/file.xlsx", "in/file.xlsx#B");
    }

    /**
     * A group as the codec wrote it when the district key was a string ({@code ""}, {@code d:…}, {@code ?:…}):
     * a store of that time is read without being rebuilt, and the codec still writes the same bytes.
     */
    private static final String GROUP_WITH_STRING_KEYS = "UkcBBJ4DeAGFkL1OwzAUha9tQkoCEq14AL9AiAoVQxdUBK2QmICyotC4TYbG"
            + "lWNR2AIsDGxsTB07FlVItFLKKzgP0nfAaRgYkPCV9Q3nHN0fjEoXAWOSVhHCeA1vYuP02KkCwNsXBl3GljF+sWE0tYCstxtO7cA8bztHJ2c5rl"
            + "othAnGFTVWH+pd/7n6VGn2sOKMZomaqJlaqLR8KbyO5ILS5or3gDAiaMevZ8//RCuHdfkT7hbZvCex4oDLa58PIzPsD7Rg+uxGhHEumgA2EL2E"
            + "AbAdMU9QGTCqVb/HAMhylC7nCZSGYaTzsfbpR6xGKGiTiw6z1Wv2lK+j50/VJHtUiyzZaPFbJiIudANCLE+bu4V5+oe598sM5UDKQVx3XbnbZ+"
            + "6dm5/X9GjEpZ7GDLw4cKoF9grsF6h9A5tQmiE=";

    @Test
    void aGroupWrittenWhenDistrictKeysWereStringsReadsBackAsTypedKeys() {
        String shebekino = "Шебекинский район";
        List<Report> expected = List.of(
                new Report("ID-1", NIGHT, false, LocalDateTime.parse("2025-12-08T01:15"), Boolean.TRUE, "UA-46", null,
                        DistrictKey.REGION, "shot_down", 3, null, null, "near the bridge", null, null, "Air Force",
                        "air force", null, null, "hash-1", "", 2),
                new Report(null, NIGHT, true, null, null, "RU-BEL", shebekino, DistrictKey.resolved(shebekino),
                        "impact", null, 1, 2, null, "windows", null, "Губернатор", "губернатор", "https://t.me/x/1",
                        "a note", "hash-2", "", 3),
                new Report(null, NIGHT.plusDays(1), false, LocalDateTime.parse("2025-12-08T23:40"), Boolean.TRUE,
                        "RU-VGG", "Tractor  Factory", DistrictKey.unresolved("Tractor Factory"), "debris", null, null,
                        null, null, null, null, "Governor", "governor", null, null, "hash-3", "Sheet 1", 9),
                new Report(null, NIGHT.plusDays(1), false, null, Boolean.FALSE, "RU-BEL", shebekino,
                        DistrictKey.resolved(shebekino), "impact", 5, null, null, "🚀", null, null, "Governor", "governor",
                        null, null, "hash-4", "Sheet 1", 10));
        byte[] old = java.util.Base64.getDecoder().decode(GROUP_WITH_STRING_KEYS);

        assertThat(RowGroupCodec.decode(old, sheet -> sheet)).isEqualTo(expected);
        // The deflated bytes may differ with the zlib a JDK uses; what was deflated may not.
        assertThat(body(RowGroupCodec.encode(expected))).isEqualTo(body(old));
    }

    /** A group's header and its body inflated. */
    private static byte[] body(byte[] group) {
        int p = 3;
        long[] header = new long[2];
        for (int i = 0; i < 2; i++) {
            for (int shift = 0; ; shift += 7) {
                int b = group[p++] & 0xFF;
                header[i] |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
        }
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(group, p, group.length - p);
            byte[] body = new byte[(int) header[1]];
            int read = inflater.inflate(body);
            assertThat(read).isEqualTo(body.length);
            byte[] whole = Arrays.copyOf(group, p + body.length);
            System.arraycopy(body, 0, whole, p, body.length);
            return whole;
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        } finally {
            inflater.end();
        }
    }

    @Test
    void anEmptyGroupHasNoRows() {
        byte[] group = RowGroupCodec.encode(List.of());
        assertThat(RowGroupCodec.rows(group)).isZero();
        assertThat(RowGroupCodec.decode(group, s -> s)).isEmpty();
    }

    @Test
    void aGroupIsMuchSmallerThanItsText() {
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            reports.add(full("", i + 2));
        }
        byte[] group = RowGroupCodec.encode(reports);
        assertThat(RowGroupCodec.rows(group)).isEqualTo(5_000);
        assertThat(group.length).isLessThan(5_000 * 10);
        assertThat(RowGroupCodec.decode(group, s -> s)).isEqualTo(reports);
    }

    @Test
    void randomReportsComeBack() {
        // SplittableRandom: the same kind of reports as java.util.Random gave, drawn several times faster (the drawing
        // of their texts, not the codec, was half of this test's time).
        SplittableRandom random = new SplittableRandom(18);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(300);
            List<Report> reports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                reports.add(random(random));
            }
            assertThat(roundTrip(reports)).as("round %d", round).isEqualTo(reports);
        }
    }

    @Test
    void damagedGroupsAreRefusedWithAReason() {
        byte[] group = RowGroupCodec.encode(List.of(full("", 1), empty("", 2)));
        assertThatThrownBy(() -> RowGroupCodec.decode(new byte[] {1, 2, 3}, s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a row group");
        byte[] otherVersion = group.clone();
        otherVersion[2] = 9;
        assertThatThrownBy(() -> RowGroupCodec.decode(otherVersion, s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
        byte[] cut = Arrays.copyOf(group, group.length - 4);
        assertThatThrownBy(() -> RowGroupCodec.decode(cut, s -> s)).isInstanceOf(IllegalArgumentException.class);
        byte[] garbled = group.clone();
        for (int i = 6; i < garbled.length; i++) {
            garbled[i] = (byte) ~garbled[i];
        }
        assertThatThrownBy(() -> RowGroupCodec.decode(garbled, s -> s)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Report random(SplittableRandom random) {
        LocalDate night = LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000);
        LocalDateTime time = random.nextBoolean() ? null : night.atStartOfDay()
                .plusSeconds(random.nextInt(200_000) - 50_000).plusNanos(random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        Boolean nightTime = random.nextInt(3) == 0 ? null : random.nextBoolean();
        return new Report(text(random), night, random.nextBoolean(), time, nightTime, pick(random, "UA-46", "UA-30",
                "SEA-CASPIAN"), text(random),
                pick(random, DistrictKey.REGION, DistrictKey.resolved("a"), DistrictKey.unresolved("b")),
                pick(random, "launch", "shot_down"),
                count(random), count(random), count(random), text(random), text(random), text(random),
                pick(random, "", "Air Force", "ДСНС"), pick(random, "", "air force"), text(random), text(random),
                text(random), pick(random, "", "Sheet", "Аркуш 1"), random.nextInt(3) == 0 ? random.nextLong()
                : random.nextInt(1_000_000));
    }

    private static Integer count(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            default -> random.nextInt(50);
        };
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Null, empty, or any UTF-16 units at all, lone surrogates and U+0000 included. */
    private static String text(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        int length = kind == 2 ? random.nextInt(5_000) : random.nextInt(40);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }
}
