package com.incidenttally.ingest;

import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.normalize.Normalized;
import com.incidenttally.places.Gazetteer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated and mutated files, read by the reader and by an independent reading (Apache Commons
 * CSV, with the reader's documented recovery rule applied around it): every record the independent
 * reading sees is read with the same values, or rejected at its line, and nothing else is counted.
 *
 * <p>10,000 files in {@code verify}; a soak runs more: {@code -Dfuzz.files=1000000 -Dfuzz.seed=7}.
 */
class CsvReadingFuzzTests {

    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String[] HEADER_NAMES = {"occurred_at", "region", "event_type", "source",
            "notes", "location", "uav_count", "Night", "colour"};
    private static final String[] PIECES = {"Rostov Oblast", "Ростовская область", "2025-12-07 23:50", "07.12.2025",
            "2025-12-07/08", "shot_down", "сбит", "обломки", "3", "unknown", "Governor", "x", "", " ", "  ", ",", ";",
            "\t", "\"", "\"\"", "\r", "\n", "\r\n", "\u00A0", "\u200B", "\uFEFF", "\u0000", "№", "ё", "\uD83D\uDE00",
            "=HYPERLINK(\"x\")", "2147483647", "0001-01-01", "1980-12-07", "Курская", "Belgorod", "-1", "5\" shell"};

    private static final List<String> PIECES_UTF_8 = List.of(PIECES);
    private static final List<String> PIECES_1251 = Arrays.stream(PIECES).filter(CP1251.newEncoder()::canEncode).toList();

    private final IncidentNormalizer normalizer = new IncidentNormalizer(Gazetteer.bundled(),
            new NightCalendar(NightWindow.DEFAULT), Clock.fixed(Instant.parse("2025-12-10T09:00:00Z"), ZoneOffset.UTC));

    /** A file as written, and where its header line ends (mutations go after it). */
    private record Generated(byte[] bytes, int headerEnd, char delimiter, Charset charset) {
    }

    /** What a row must be: its line, and its values by column, or null when it must be rejected. */
    record Expected(long line, String[] values) {

        static Expected of(RawRow row) {
            return new Expected(row.line(), row.malformed() == null ? row.values() : null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Expected e && line == e.line && Arrays.equals(values, e.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(line, Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return line + (values == null ? " rejected" : " " + Arrays.toString(values));
        }
    }

    @Test
    void everyRecordIsReadOrRejectedOnceAgainstAnIndependentReading() throws Exception {
        int files = Integer.getInteger("fuzz.files", 10_000);
        Random random = new Random(Long.getLong("fuzz.seed", 20251207L));
        int mutated = 0;
        long rows = 0;
        long rejected = 0;
        for (int n = 0; n < files; n++) {
            Generated generated = generate(random);
            byte[] bytes = generated.bytes();
            if (random.nextInt(10) < 6) {
                bytes = mutate(random, bytes, generated.headerEnd(), generated.charset());
                mutated++;
            }
            byte[] file = bytes;
            try (IncidentCsvReader reader = IncidentCsvReader.open(() -> new BytesChannel(file), "fuzz.csv")) {
                assertThat(reader.dialect().delimiter()).isEqualTo(generated.delimiter());
                List<Expected> read = new ArrayList<>();
                long accepted = 0;
                long refused = 0;
                for (RawRow row = reader.read(); row != null; row = reader.read()) {
                    read.add(Expected.of(row));
                    Normalized normalized = normalizer.normalize(row);
                    if (normalized.incident() != null) {
                        accepted++;
                    } else {
                        assertThat(normalized.rejection().line()).isEqualTo(row.line());
                        refused++;
                    }
                }
                assertThat(reader.rowsRead()).isEqualTo(read.size()).isEqualTo(accepted + refused);
                List<Expected> independent = independentReading(file, reader.dialect());
                if (!read.equals(independent)) {
                    fail("file " + n + " read differently\nbytes: " + HexFormat.of().formatHex(file)
                            + "\ntext: " + new String(file, reader.dialect().charset()).replace("\r", "\\r").replace("\n", "\\n\n")
                            + "\nreader:      " + read + "\nindependent: " + independent);
                }
                rows += read.size();
                rejected += refused;
            } catch (FileRejectedException e) {
                fail("file " + n + " rejected whole: " + e.getMessage() + "\n" + HexFormat.of().formatHex(file));
            }
        }
        // The comparison means something only when both kinds of file and both outcomes were common.
        assertThat(mutated).isBetween(files / 2, files * 7 / 10);
        assertThat(rejected).isGreaterThan(rows / 20);
        assertThat(rows - rejected).isGreaterThan(rows / 20);
    }

    /** The widths of the store's text columns (store/schema.sql), by the value that goes into each. */
    private static final java.util.Map<String, Integer> COLUMN_WIDTHS = java.util.Map.of(
            "district", 32_767, "districtKey", 32_767, "source", 1_000, "sourceKey", 1_000,
            "regionInput", 32_767, "districtInput", 32_767, "value", 1_000, "reason", 2_000);

    @Test
    void cellsOfEveryLengthAcrossEveryLimitWithCharactersAtEveryCutFitTheirColumnsWhole() throws Exception {
        Random random = new Random(Long.getLong("fuzz.seed", 20251207L));
        String emoji = "\uD83D\uDE80";
        int checked = 0;
        for (int limit : new int[] {1_000, 2_000, 10_000, 32_767}) {
            for (int length = limit - 40; length <= limit + 40; length += 1 + random.nextInt(3)) {
                // ASCII up to a point that moves across the cut, characters of two UTF-16 units after it.
                int ascii = Math.max(0, length - 60 + random.nextInt(60));
                StringBuilder text = new StringBuilder("x".repeat(ascii));
                while (text.length() < length) {
                    text.append(emoji);
                }
                String cell = text.toString();
                String region = random.nextBoolean() ? "Ростовской областью " + cell : "Rostov region";
                String csv = "occurred_at,region,district,event_type,source,notes,incident_id\n"
                        + "2025-12-07 23:50,\"" + region + "\",\"" + cell + "\",shot_down,\"" + cell + "\",\"" + cell
                        + "\",\"" + cell + "\"\n";
                byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
                try (IncidentCsvReader reader = IncidentCsvReader.open(() -> new BytesChannel(bytes), "limits.csv")) {
                    for (RawRow row = reader.read(); row != null; row = reader.read()) {
                        Normalized normalized = normalizer.normalize(row);
                        Record value = normalized.incident() != null ? normalized.incident() : normalized.rejection();
                        for (var component : value.getClass().getRecordComponents()) {
                            if (component.getType() == String.class) {
                                String stored = (String) component.getAccessor().invoke(value);
                                assertWhole(stored, COLUMN_WIDTHS.getOrDefault(component.getName(), 32_767),
                                        component.getName() + " of a " + length + "-unit cell");
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    /** At most {@code width} UTF-16 units, and no half of a character anywhere. */
    private static void assertWhole(String text, int width, String what) {
        if (text == null) {
            return;
        }
        assertThat(text.length()).as(what).isLessThanOrEqualTo(width);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!paired) {
                fail(what + ": half a character at " + i + " of " + text.length());
            }
        }
    }

    @Test
    void randomFileNamesAreFoundUnderTheNameTheyAreListedBy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Random random = new Random(Long.getLong("fuzz.seed", 20251207L));
        String[] pieces = {"a", "Z", "отчёт", "Ё", " ", "-", "_", ".", "'", "\"", "#", "%", "%41", "\\x41", "&", "+",
                "(", "№", "\uD83D\uDE80", "\u00A0", "é", "e\u0301", "中", "~", "=", "@", ",", ";"};
        List<java.nio.file.Path> made = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            StringBuilder name = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            java.nio.file.Path folder = random.nextInt(4) == 0 ? dir.resolve("sub " + pieces[random.nextInt(3)]) : dir;
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Path file = folder.resolve(name.toString().replace("/", "") + "-" + n + ".csv");
            if (!name.toString().startsWith(".")) {
                java.nio.file.Files.writeString(file, "occurred_at,region,event_type,source\n");
                made.add(file);
            }
        }
        // And names that are not UTF-8 at all, as an archive from Windows leaves them.
        for (int n = 0; n < 20; n++) {
            String bytes = String.format("\\%03o", 0x80 + random.nextInt(0x80));
            Process shell = new ProcessBuilder("sh", "-c", "printf 'occurred_at,region,event_type,source\\n' > \"$1/$(printf 'w"
                    + n + bytes + ".csv')\"", "sh", dir.toString()).inheritIO().start();
            assertThat(shell.waitFor()).isZero();
        }

        List<java.nio.file.Path> found = InputFiles.find(dir);

        assertThat(found).hasSize(made.size() + 20);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (java.nio.file.Path file : found) {
            String name = InputFiles.relativeName(dir, file);
            assertThat(names.add(name)).as("listed once: " + name).isTrue();
            java.nio.file.Path located = InputFiles.locate(dir, name);
            assertThat(java.nio.file.Files.isSameFile(located, file)).as(name).isTrue();
            try (IncidentCsvReader reader = IncidentCsvReader.open(located, name)) {
                assertThat(reader.read()).isNull();
            }
        }
        assertThat(names).filteredOn(name -> name.contains("\\x")).hasSizeGreaterThanOrEqualTo(20);
    }

    // ---- the generator ----

    private static Generated generate(Random random) {
        char delimiter = ",;\t".charAt(random.nextInt(3));
        int kind = random.nextInt(10);
        Charset charset = kind < 3 ? CP1251 : StandardCharsets.UTF_8;
        boolean bom = kind >= 8;
        String[] breaks = {"\n", "\r\n", "\r"};
        String lineBreak = breaks[random.nextInt(3)];

        List<String> header = new ArrayList<>(List.of(HEADER_NAMES).subList(0, 4));
        for (String extra : List.of(HEADER_NAMES).subList(4, HEADER_NAMES.length)) {
            if (random.nextBoolean()) {
                header.add(extra);
            }
        }
        Collections.shuffle(header, random);
        StringBuilder text = new StringBuilder(String.join(String.valueOf(delimiter), header)).append(lineBreak);
        int headerEnd = bytes(text.toString(), charset).length + (bom ? 3 : 0);

        int records = random.nextInt(26);
        for (int r = 0; r < records; r++) {
            if (random.nextInt(10) == 0) {
                text.append(random.nextBoolean() ? "" : random.nextBoolean() ? "  " : String.valueOf(delimiter).repeat(3))
                        .append(lineBreak);
            }
            int fields = header.size() + (random.nextInt(10) == 0 ? random.nextInt(3) - 1 : 0);
            boolean plausible = random.nextInt(10) < 4;
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    text.append(delimiter);
                }
                String plain = plausible && f < header.size() ? plausible(random, header.get(f)) : null;
                text.append(quoted(random, plain != null ? plain : field(random, charset), delimiter));
            }
            boolean last = r == records - 1;
            if (!last || random.nextInt(5) > 0) {
                text.append(random.nextInt(10) == 0 ? breaks[random.nextInt(3)] : lineBreak);
            }
        }
        byte[] body = bytes(text.toString(), charset);
        byte[] bytes = bom ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body) : body;
        return new Generated(bytes, headerEnd, delimiter, charset);
    }

    private static String field(Random random, Charset charset) {
        StringBuilder value = new StringBuilder();
        int pieces = random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            List<String> choice = charset.equals(CP1251) ? PIECES_1251 : PIECES_UTF_8;
            value.append(choice.get(random.nextInt(choice.size())));
        }
        return value.toString();
    }

    /** A value a real report could hold, so that rows are accepted too. */
    private static String plausible(Random random, String column) {
        return switch (column) {
            case "occurred_at" -> "2025-12-0" + (1 + random.nextInt(8)) + " " + (10 + random.nextInt(14)) + ":" + (10 + random.nextInt(50));
            case "region" -> List.of("Rostov Oblast", "Ростовская область", "Belgorod region", "Kursk Oblast").get(random.nextInt(4));
            case "event_type" -> List.of("shot_down", "debris", "impact", "сбит").get(random.nextInt(4));
            case "source" -> List.of("Governor", "Ministry, \"official\"", "Губернатор").get(random.nextInt(3));
            case "uav_count" -> String.valueOf(random.nextInt(20));
            case "Night" -> "";
            default -> random.nextBoolean() ? "" : "two\nlines";
        };
    }

    private static String quoted(Random random, String text, char delimiter) {
        boolean mustQuote = text.indexOf(delimiter) >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0
                || text.startsWith("\"");
        boolean quote = mustQuote || random.nextInt(text.indexOf('"') >= 0 ? 2 : 5) == 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static byte[] mutate(Random random, byte[] bytes, int headerEnd, Charset charset) {
        byte[] result = bytes;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = headerEnd + random.nextInt(result.length - headerEnd + 1);
            result = switch (random.nextInt(8)) {
                case 0, 1 -> insert(result, at, (byte) '"');
                case 2 -> {
                    int quote = indexOf(result, (byte) '"', at);
                    yield quote < 0 ? result : concat(Arrays.copyOf(result, quote),
                            Arrays.copyOfRange(result, quote + 1, result.length));
                }
                case 3 -> Arrays.copyOf(result, at);
                case 4 -> {
                    byte[][] invalid = {{(byte) 0xFF}, {(byte) 0xC0}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x98}};
                    byte[] chosen = invalid[random.nextInt(invalid.length)];
                    yield concat(concat(Arrays.copyOf(result, at), chosen), Arrays.copyOfRange(result, at, result.length));
                }
                case 5 -> insert(result, at, (byte) 0);
                case 6 -> insert(result, at, random.nextBoolean() ? (byte) '\r' : (byte) '\n');
                default -> insert(result, at, random.nextBoolean() ? (byte) ' ' : (byte) ",;\t".charAt(random.nextInt(3)));
            };
        }
        return result;
    }

    // ---- the independent reading ----

    /**
     * Apache Commons CSV reads the records; around it, the rule the README states: a record that
     * cannot be read (a quote never closed, text after a closing quote, several lines with the
     * wrong number of fields) is rejected at its first line and reading starts again at the next
     * line; rows with the wrong number of fields (a longer row only when a field past the header's is not
     * empty) or with bytes invalid in UTF-8 are rejected;
     * records of nothing but white space are not rows.
     */
    static List<Expected> independentReading(byte[] bytes, CsvDialect dialect) throws IOException {
        boolean bom = dialect.bom();
        ByteBuffer body = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
        String text = dialect.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(body).toString();
        boolean utf8 = dialect.charset().equals(StandardCharsets.UTF_8);
        Lines lines = new Lines(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setIgnoreEmptyLines(true).get();

        List<Expected> expected = new ArrayList<>();
        int[] columnOf = null;
        int headerSize = 0;
        int from = 0;
        while (from < lines.count()) {
            int restart = -1;
            int lastLine = from - 1;
            try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(lines.start(from))), format)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (restart < 0) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        int line = lines.firstNonEmptyAfter(lastLine);
                        expected.add(new Expected(line + 1, null));
                        restart = line + 1;
                        break;
                    }
                    int line = lines.firstNonEmptyFrom(lines.lineOf(lines.start(from) + (int) record.getCharacterPosition()));
                    String[] values = record.values();
                    lastLine = line + breaks(values);
                    boolean multiLine = lastLine > line;
                    boolean blank = Arrays.stream(values).allMatch(String::isBlank);
                    if (columnOf == null) {
                        if (blank) {
                            continue;
                        }
                        headerSize = values.length;
                        columnOf = new int[headerSize];
                        for (int i = 0; i < headerSize; i++) {
                            columnOf[i] = Column.fromHeader(values[i]).map(Enum::ordinal).orElse(-1);
                        }
                        continue;
                    }
                    if (multiLine && values.length != headerSize) {
                        expected.add(new Expected(line + 1, null));
                        restart = line + 1;
                    } else if (blank) {
                        continue;
                    } else if (values.length < headerSize
                            || Arrays.stream(values, headerSize, values.length).anyMatch(v -> !v.isBlank())
                            || utf8 && String.join("", values).indexOf('\uFFFD') >= 0) {
                        expected.add(new Expected(line + 1, null));
                    } else {
                        String[] mapped = new String[Column.values().length];
                        for (int i = 0; i < headerSize; i++) {
                            if (columnOf[i] >= 0) {
                                mapped[columnOf[i]] = values[i];
                            }
                        }
                        expected.add(new Expected(line + 1, mapped));
                    }
                }
            }
            if (restart < 0) {
                break;
            }
            from = restart;
        }
        return expected;
    }

    /** Line breaks inside the values: CR LF counts once. */
    private static int breaks(String[] values) {
        int count = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n')) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The physical lines of a text: CR LF, LF and a lone CR each end one. */
    private static final class Lines {

        private final int[] starts;
        private final int[] ends;
        private final int count;

        Lines(String text) {
            List<int[]> spans = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' || c == '\n') {
                    spans.add(new int[] {start, i});
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
            if (start < text.length()) {
                spans.add(new int[] {start, text.length()});
            }
            count = spans.size();
            starts = new int[count + 1];
            ends = new int[count];
            for (int i = 0; i < count; i++) {
                starts[i] = spans.get(i)[0];
                ends[i] = spans.get(i)[1];
            }
            starts[count] = text.length();
        }

        int count() {
            return count;
        }

        int start(int line) {
            return starts[line];
        }

        int lineOf(int position) {
            int found = Arrays.binarySearch(starts, 0, count, position);
            return found >= 0 ? found : -found - 2;
        }

        int firstNonEmptyFrom(int line) {
            int i = line;
            while (i < count - 1 && ends[i] == starts[i]) {
                i++;
            }
            return i;
        }

        int firstNonEmptyAfter(int line) {
            return firstNonEmptyFrom(line + 1);
        }
    }

    // ---- bytes ----

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] insert(byte[] bytes, int at, byte b) {
        return concat(concat(Arrays.copyOf(bytes, at), new byte[] {b}), Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** A file in memory: the reader needs to seek, and writing 10,000 files to disk is slow. */
    static final class BytesChannel implements java.nio.channels.SeekableByteChannel {

        private final byte[] bytes;
        private long position;
        private boolean open = true;

        BytesChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer target) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(target.remaining(), bytes.length - position);
            target.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public BytesChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public BytesChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
