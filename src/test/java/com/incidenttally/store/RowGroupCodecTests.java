package com.incidenttally.store;

import com.incidenttally.tally.Report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowGroupCodecTests {

    private static final LocalDate NIGHT = LocalDate.of(2025, 12, 7);

    private static Report full(String file, long line) {
        return new Report("ID-7", NIGHT, true, LocalDateTime.of(2025, 12, 8, 2, 15, 30), Boolean.TRUE, "UA-46",
                "Lviv Raion", "lviv", "shot_down", 12, 1, 3, "near the bridge", "windows", "shelter",
                "Air Force", "air force", "https://example.org/a?b=c", "a note", "0123456789abcdef0123456789abcdef",
                file, line);
    }

    private static Report empty(String file, long line) {
        return new Report(null, NIGHT, false, null, null, "UA-46", null, "", "launch", null, null, null, null, null,
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
        Report blanks = new Report("", NIGHT, false, null, Boolean.FALSE, "UA-46", "", "", "launch", 0, 0, 0, "", "",
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
        Report report = new Report(text, NIGHT, false, null, null, "UA-46", text, text, "launch", null, null, null,
                text, text, text, text, text, text, text, text, text, 5);
        assertThat(roundTrip(List.of(report))).containsExactly(report);
    }

    @Test
    void longTextsComeBack() {
        char[] cyrillic = new char[32_767];
        Arrays.fill(cyrillic, 'ж');
        String longest = new String(cyrillic);
        Report report = new Report(longest, NIGHT, false, null, null, "UA-46", longest, longest, "launch", null, null,
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
        Random random = new Random(18);
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

    private static Report random(Random random) {
        LocalDate night = LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000);
        LocalDateTime time = random.nextBoolean() ? null : night.atStartOfDay()
                .plusSeconds(random.nextInt(200_000) - 50_000).plusNanos(random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        Boolean nightTime = random.nextInt(3) == 0 ? null : random.nextBoolean();
        return new Report(text(random), night, random.nextBoolean(), time, nightTime, pick(random, "UA-46", "UA-30",
                "SEA-CASPIAN"), text(random), pick(random, "", "a", "b"), pick(random, "launch", "shot_down"),
                count(random), count(random), count(random), text(random), text(random), text(random),
                pick(random, "", "Air Force", "ДСНС"), pick(random, "", "air force"), text(random), text(random),
                text(random), pick(random, "", "Sheet", "Аркуш 1"), random.nextInt(3) == 0 ? random.nextLong()
                : random.nextInt(1_000_000));
    }

    private static Integer count(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            default -> random.nextInt(50);
        };
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    /** Null, empty, or any UTF-16 units at all, lone surrogates and U+0000 included. */
    private static String text(Random random) {
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
