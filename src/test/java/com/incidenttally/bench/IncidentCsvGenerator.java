package com.incidenttally.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes realistic incident CSV files for the benchmark, the same bytes for the same arguments.
 * <pre>
 * java -cp target/test-classes:target/classes:DEPENDENCIES com.incidenttally.bench.IncidentCsvGenerator \
 *     --rows=100000 --files=4 --seed=1 --out=bench/out/input-100000
 * </pre>
 * Options (all optional): {@code --rows=N} (default 10000), {@code --files=M} (default: one per 50,000 rows,
 * at least 3), {@code --seed=S} (default 1), {@code --out=DIR} (default {@code target/generated-incidents};
 * must be empty or absent), {@code --last-night=DATE} (the evening date of the last night, default
 * 2026-01-29, two days before the benchmark's clock of 2026-01-31) and {@code --nights=K} (how many nights
 * before it the rows spread over, default 364: 52 weeks).
 * <p>
 * What the files hold, as analysts' files do: region names from the bundled gazetteer in English and Russian
 * and their aliases, district names in several spellings (sometimes blank), times in every accepted format or
 * a {@code night} instead, event types and their Russian aliases, vague and numeric counts, free text. Most
 * incidents are reported by two or three sources, each writing it its own way: these are the rows the merge
 * step folds. Files come in three layouts: the column order of the specification; an Excel export
 * (semicolon, byte order mark, CRLF, headers in words) in a sub-folder; and a digest with another column
 * order, no {@code measures} or {@code source_url} and a column the job does not know. About 1% of the rows
 * are bad, each in one way: an unknown region, a date that cannot be read or lies after the clock, a negative
 * count, an unknown event type, or the wrong number of fields.
 * <p>
 * The files are streamed, never held in memory: a million rows (about 120 MB) take a few seconds.
 */
public final class IncidentCsvGenerator {

    /** What to generate. */
    record Options(long rows, int files, long seed, Path out, LocalDate lastNight, int nights) {

        Options {
            if (rows < 0 || files < 1 || nights < 1) {
                throw new IllegalArgumentException("rows must be >= 0, files and nights >= 1");
            }
        }

        static Options of(long rows, int files, long seed, Path out) {
            return new Options(rows, files, seed, out, LocalDate.of(2026, 1, 29), 364);
        }

        static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            long rows = Long.parseLong(values.getOrDefault("rows", "10000"));
            int files = values.containsKey("files") ? Integer.parseInt(values.get("files"))
                    : (int) Math.max(3, Math.min(100, rows / 50_000));
            Options options = new Options(rows, files,
                    Long.parseLong(values.getOrDefault("seed", "1")),
                    Path.of(values.getOrDefault("out", "target/generated-incidents")),
                    LocalDate.parse(values.getOrDefault("last-night", "2026-01-29")),
                    Integer.parseInt(values.getOrDefault("nights", "364")));
            values.keySet().removeAll(List.of("rows", "files", "seed", "out", "last-night", "nights"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + values.keySet());
            }
            return options;
        }
    }

    /** The ways a generated row is bad; each bad row is bad in exactly one way. */
    enum BadKind { UNKNOWN_REGION, BAD_DATE, NEGATIVE_COUNT, UNKNOWN_EVENT_TYPE, WRONG_FIELD_COUNT }

    /** What was written. */
    record Summary(long rows, long incidents, Map<BadKind, Long> bad, List<Path> files, long bytes) {

        long badRows() {
            return bad.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final double BAD_SHARE = 0.01;

    // Where drones are reported most: the border regions first, then the regions on the routes inland.
    private static final Map<String, Integer> REGION_WEIGHTS = Map.ofEntries(
            Map.entry("RU-BEL", 200), Map.entry("RU-KRS", 150), Map.entry("RU-BRY", 140),
            Map.entry("RU-ROS", 100), Map.entry("RU-VOR", 80), Map.entry("RU-KDA", 70),
            Map.entry("UA-43", 60), Map.entry("RU-MOS", 50), Map.entry("RU-MOW", 40),
            Map.entry("RU-ORL", 40), Map.entry("RU-LIP", 30), Map.entry("RU-TAM", 30),
            Map.entry("RU-TUL", 30), Map.entry("RU-KLU", 30), Map.entry("RU-SMO", 30),
            Map.entry("RU-VGG", 30), Map.entry("RU-SAR", 30), Map.entry("RU-TVE", 20),
            Map.entry("RU-AST", 20), Map.entry("RU-LEN", 20), Map.entry("RU-PSK", 20),
            Map.entry("RU-RYA", 20), Map.entry("RU-YAR", 20), Map.entry("UA-40", 20),
            Map.entry("RU-NIZ", 10), Map.entry("RU-NGR", 10), Map.entry("RU-PNZ", 10),
            Map.entry("RU-SAM", 10), Map.entry("RU-TA", 10), Map.entry("RU-BA", 10),
            Map.entry("RU-CU", 10), Map.entry("RU-AD", 10), Map.entry("RU-STA", 10),
            Map.entry("RU-DA", 5), Map.entry("RU-KL", 5), Map.entry("RU-VLA", 5),
            Map.entry("RU-IVA", 5), Map.entry("RU-KOS", 5), Map.entry("RU-MO", 5),
            Map.entry("RU-ULY", 5), Map.entry("RU-ORE", 5), Map.entry("RU-SPE", 5),
            Map.entry("UA-14", 10), Map.entry("UA-09", 10), Map.entry("UA-23", 10), Map.entry("UA-65", 5));

    private static final String[][] EVENT_SPELLINGS = {
            {"shot_down", "shot down", "Shot down", "intercepted", "destroyed", "сбит", "уничтожен", "SHOT_DOWN"},
            {"debris", "wreckage", "fragments", "обломки", "Debris"},
            {"impact", "hit", "strike", "прилёт", "попадание"},
            {"attack", "атака", "Attack"},
    };
    private static final int[] EVENT_WEIGHTS = {70, 15, 8, 7};

    private static final String[] VAGUE_COUNTS = {"unknown", "несколько", "multiple", "several", "", "unknown", ""};

    private static final String[] SOURCES = {
            "Russian MoD", "Минобороны России", "TASS", "RIA Novosti", "Interfax", "Kommersant", "RBC",
            "Baza", "Astra", "SHOT", "Mash", "Meduza", "Ostorozhno Novosti", "Readovka", "Izvestia",
            "Mediazona", "Vedomosti", "local news site", "резидент канала", "Rybar"};
    private static final String[] SOURCE_HANDLES = {
            "mod_russia", "mod_russia", "tass_agency", "rian_ru", "interfaxonline", "kommersant", "rbc_news",
            "bazabazon", "astrapress", "shot_shot", "breakingmash", "meduzalive", "ostorozhno_novosti",
            "readovkanews", "izvestia", "mediazzzona", "vedomosti", "localnews", "resident_ch", "rybar"};

    private static final String[] LOCATIONS = {
            "outskirts of the village", "industrial zone", "ул. Ленина", "Lenin Street",
            "near the substation", "х. Красный", "пос. Октябрьский", "село Никольское", "railway station",
            "private sector", "частный сектор", "oil depot area", "нефтебаза", "field near the highway",
            "трасса М-4", "M-4 highway", "airfield", "в районе аэродрома", "residential quarter", "СНТ Дружба"};
    private static final String[] DAMAGE = {
            "windows broken in a residential building", "повреждена кровля частного дома", "power line damaged",
            "посечён фасад", "a car burnt out", "повреждены окна в многоквартирном доме", "fire at a warehouse",
            "пожар на территории предприятия", "no damage", "без последствий", "fence and gate damaged",
            "damage to a gas pipeline", "повреждена ЛЭП, частичное отключение электроэнергии"};
    private static final String[] MEASURES = {
            "temporary accommodation point opened", "открыт ПВР", "residents of 3 houses evacuated",
            "эвакуированы жители двух домов", "traffic on the road restricted", "ограничено движение",
            "emergency services on site", "оперативные службы работают на месте"};
    private static final String[] NOTES = {
            "according to preliminary information", "по предварительным данным", "no casualties",
            "пострадавших нет", "information is being clarified", "информация уточняется",
            "the governor's channel", "repeated attack", "повторная атака", "over the region",
            "над территорией области", "numbers confirmed later", "see the update"};

    private static final String[] UNKNOWN_REGIONS = {
            "Narnia Oblast", "Atlantis region", "Тридевятая область", "Mordor Krai", "Oblast 99", "Zzyzx region"};
    private static final String[] BAD_DATES = {
            "2025-02-30 03:10", "31.13.2025 02:00", "вчера ночью", "08/12/2025 3:10 AM", "2025-12-08 25:10",
            "2026-03-14 02:00", "last night", "2025-13-01"};
    private static final String[] UNKNOWN_EVENTS = {"sighting", "пролёт", "alarm", "drone spotted", "тревога"};

    // The columns a file may have; VERIFIED is one the job does not know.
    private enum Field {
        INCIDENT_ID, OCCURRED_AT, NIGHT, REGION, DISTRICT, LOCATION, EVENT_TYPE, UAV_COUNT, KILLED, INJURED,
        DAMAGE, MEASURES, SOURCE, SOURCE_URL, NOTES, VERIFIED
    }

    private enum Layout {
        // The column order of the specification, as a script would write it.
        STANDARD(',', false, "\n", "", new Field[]{
                Field.INCIDENT_ID, Field.OCCURRED_AT, Field.NIGHT, Field.REGION, Field.DISTRICT, Field.LOCATION,
                Field.EVENT_TYPE, Field.UAV_COUNT, Field.KILLED, Field.INJURED, Field.DAMAGE, Field.MEASURES,
                Field.SOURCE, Field.SOURCE_URL, Field.NOTES}, null),
        // What Russian Excel saves: semicolons, a byte order mark, CRLF, headers written in words.
        EXCEL(';', true, "\r\n", "excel/", new Field[]{
                Field.REGION, Field.DISTRICT, Field.LOCATION, Field.OCCURRED_AT, Field.NIGHT, Field.EVENT_TYPE,
                Field.UAV_COUNT, Field.KILLED, Field.INJURED, Field.DAMAGE, Field.MEASURES, Field.SOURCE,
                Field.SOURCE_URL, Field.NOTES}, new String[]{
                "Region", "District", "Location", "Occurred At", "Night", "Event Type", "UAV Count", "Killed",
                "Injured", "Damage", "Measures", "Source", "Source URL", "Notes"}),
        // Another team's digest: its own order, fewer columns, one the job ignores.
        DIGEST(',', false, "\n", "", new Field[]{
                Field.SOURCE, Field.REGION, Field.DISTRICT, Field.EVENT_TYPE, Field.NIGHT, Field.OCCURRED_AT,
                Field.UAV_COUNT, Field.KILLED, Field.INJURED, Field.LOCATION, Field.DAMAGE, Field.NOTES,
                Field.INCIDENT_ID, Field.VERIFIED}, new String[]{
                "source", "region", "district", "event-type", "night", "occurred-at", "uav-count", "killed",
                "injured", "location", "damage", "notes", "incident-id", "verified"});

        final char delimiter;
        final boolean bom;
        final String lineEnd;
        final String folder;
        final Field[] fields;
        final String[] headers;
        final int[] positions = new int[Field.values().length];

        Layout(char delimiter, boolean bom, String lineEnd, String folder, Field[] fields, String[] headers) {
            this.delimiter = delimiter;
            this.bom = bom;
            this.lineEnd = lineEnd;
            this.folder = folder;
            this.fields = fields;
            this.headers = headers != null ? headers
                    : Arrays.stream(fields).map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
            Arrays.fill(positions, -1);
            for (int i = 0; i < fields.length; i++) {
                positions[fields[i].ordinal()] = i;
            }
        }

        boolean has(Field field) {
            return positions[field.ordinal()] >= 0;
        }
    }

    private record DistrictNames(String name, String nameRu, String[] aliases) {
    }

    private record Place(String iso, String name, String nameRu, ZoneId zone, String[] aliases,
                         DistrictNames[] districts) {
    }

    private record OutFile(Path path, Layout layout, OutputStream stream) {
    }

    private final Options options;
    private final SplittableRandom random;
    private final Place[] places;
    private final int[] placeCumulative;
    private final StringBuilder line = new StringBuilder(512);
    private final String[] values = new String[Field.values().length];
    private final Map<BadKind, Long> bad = new EnumMap<>(BadKind.class);
    private long incidents;
    private long nextIncidentId = 1;
    private long nextPost = 10_000;

    IncidentCsvGenerator(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.places = loadPlaces();
        this.placeCumulative = new int[places.length];
        int sum = 0;
        for (int i = 0; i < places.length; i++) {
            // Reports name the regions of Ukraine only where the fighting is; every Russian region now and then.
            sum += REGION_WEIGHTS.getOrDefault(places[i].iso(), places[i].iso().startsWith("RU-") ? 1 : 0);
            placeCumulative[i] = sum;
        }
        for (BadKind kind : BadKind.values()) {
            bad.put(kind, 0L);
        }
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("IncidentCsvGenerator: " + e.getMessage()
                    + " (options: --rows=N --files=M --seed=S --out=DIR --last-night=DATE --nights=K)");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Summary summary = new IncidentCsvGenerator(options).generate();
        System.out.printf(java.util.Locale.ROOT,
                "Generated %d rows (%d bad: %s) of %d incidents in %d files, %.1f MB, in %.1f s into %s%n",
                summary.rows(), summary.badRows(), summary.bad(), summary.incidents(), summary.files().size(),
                summary.bytes() / 1e6, (System.nanoTime() - start) / 1e9, options.out());
    }

    Summary generate() throws IOException {
        Path out = options.out();
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(out + " is not empty: generate into an empty or new folder");
                }
            }
        }
        List<OutFile> files = openFiles(out);
        try {
            long written = 0;
            while (written < options.rows()) {
                written += writeIncident(files, written);
            }
        } finally {
            for (OutFile file : files) {
                file.stream().close();
            }
        }
        long bytes = 0;
        List<Path> paths = new ArrayList<>();
        for (OutFile file : files) {
            bytes += Files.size(file.path());
            paths.add(file.path());
        }
        return new Summary(options.rows(), incidents, Map.copyOf(bad), List.copyOf(paths), bytes);
    }

    private List<OutFile> openFiles(Path out) throws IOException {
        List<OutFile> files = new ArrayList<>();
        int digits = String.valueOf(options.files()).length();
        for (int i = 0; i < options.files(); i++) {
            Layout layout = Layout.values()[i % Layout.values().length];
            Path path = out.resolve(layout.folder + String.format("reports-%0" + digits + "d.csv", i + 1));
            Files.createDirectories(path.getParent());
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            if (layout.bom) {
                stream.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            OutFile file = new OutFile(path, layout, stream);
            line.setLength(0);
            for (int c = 0; c < layout.headers.length; c++) {
                if (c > 0) {
                    line.append(layout.delimiter);
                }
                line.append(layout.headers[c]);
            }
            line.append(layout.lineEnd);
            stream.write(line.toString().getBytes(StandardCharsets.UTF_8));
            files.add(file);
        }
        return files;
    }

    /** Writes the rows of one incident, one per source that reported it, and returns how many. */
    private int writeIncident(List<OutFile> files, long written) throws IOException {
        incidents++;
        // Nights follow the progress through the rows, so every file is in time order and the span is full.
        int nightIndex = (int) (written * options.nights() / Math.max(1, options.rows()));
        LocalDate evening = options.lastNight().minusDays(options.nights() - 1L - nightIndex);
        Place place = places[pickPlace()];
        int districtIndex = place.districts().length == 0 || random.nextInt(100) < 15 ? -1
                : skewed(place.districts().length);
        int event = weighted(EVENT_WEIGHTS);
        LocalDateTime time = incidentTime(evening);
        int uavs = event == 0 ? 1 + (int) (-Math.log(1 - random.nextDouble()) * 5)
                : 1 + (int) (-Math.log(1 - random.nextDouble()) * 1.5);
        boolean withId = random.nextInt(100) < 8;
        String incidentId = withId ? "INC-" + (nextIncidentId++) : "";
        int copies = pickCopies();
        int firstSource = random.nextInt(SOURCES.length + 1);
        int firstFile = random.nextInt(files.size());
        int stride = Math.max(1, files.size() / 3);
        int rows = 0;
        for (int copy = 0; copy < copies && written + rows < options.rows(); copy++) {
            // Each copy comes from a different source, so the merge may fold them; -1 is the region's governor.
            int source = (firstSource + copy * 7) % (SOURCES.length + 1) - 1;
            OutFile file = files.get((firstFile + copy * stride) % files.size());
            fillRow(file.layout(), place, districtIndex, event, evening, time, uavs, incidentId, source, copy);
            BadKind badKind = random.nextDouble() < BAD_SHARE ? BadKind.values()[random.nextInt(BadKind.values().length)] : null;
            if (badKind != null) {
                spoil(badKind, file.layout());
                bad.merge(badKind, 1L, Long::sum);
            }
            writeLine(file, badKind == BadKind.WRONG_FIELD_COUNT);
            rows++;
            // Now and then a file holds the same report twice; the job counts it once.
            if (badKind == null && written + rows < options.rows() && random.nextInt(1000) < 3) {
                writeLine(file, false);
                rows++;
            }
        }
        return rows;
    }

    private void fillRow(Layout layout, Place place, int districtIndex, int event, LocalDate evening,
                         LocalDateTime time, int uavs, String incidentId, int source, int copy) {
        Arrays.fill(values, "");
        values[Field.INCIDENT_ID.ordinal()] = incidentId;
        values[Field.REGION.ordinal()] = regionSpelling(place);
        values[Field.DISTRICT.ordinal()] = districtIndex < 0 ? "" : districtSpelling(place.districts()[districtIndex]);
        values[Field.LOCATION.ordinal()] = random.nextInt(100) < 35 ? pick(LOCATIONS) : "";
        String[] spellings = EVENT_SPELLINGS[event];
        values[Field.EVENT_TYPE.ordinal()] = random.nextInt(100) < 50 ? spellings[0] : pick(spellings);
        // Sources disagree on times by a few minutes, never across the night's noon-to-noon bounds.
        LocalDateTime reported = copy == 0 ? time : clampToNight(time.plusMinutes(random.nextInt(-20, 21)), evening);
        writeWhen(layout, place, evening, reported);
        int count = copy > 0 && random.nextInt(100) < 15 ? Math.max(1, uavs + random.nextInt(-2, 3)) : uavs;
        values[Field.UAV_COUNT.ordinal()] = random.nextInt(100) < 20 ? pick(VAGUE_COUNTS) : Integer.toString(count);
        boolean harmful = event != 0;
        values[Field.KILLED.ordinal()] = casualties(harmful ? 3 : 1, 2);
        values[Field.INJURED.ordinal()] = casualties(harmful ? 12 : 3, 5);
        values[Field.DAMAGE.ordinal()] = random.nextInt(100) < (harmful ? 40 : 5) ? pick(DAMAGE) : "";
        values[Field.MEASURES.ordinal()] = random.nextInt(100) < 5 ? pick(MEASURES) : "";
        values[Field.SOURCE.ordinal()] = source < 0 ? "Governor, " + place.name() : SOURCES[source];
        values[Field.SOURCE_URL.ordinal()] = random.nextInt(100) < 35
                ? "https://t.me/" + (source < 0 ? "gov_" + place.iso().substring(3).toLowerCase(java.util.Locale.ROOT)
                : SOURCE_HANDLES[source]) + "/" + (nextPost += 1 + random.nextInt(3))
                : "";
        values[Field.NOTES.ordinal()] = notes();
        values[Field.VERIFIED.ordinal()] = random.nextInt(100) < 60 ? "yes" : "no";
    }

    private void writeWhen(Layout layout, Place place, LocalDate evening, LocalDateTime time) {
        int form = random.nextInt(100);
        StringBuilder text = new StringBuilder(32);
        if (form < 20 && layout.has(Field.NIGHT)) {
            // The night instead of a time, or beside it (they agree).
            nightLabel(text, evening, random.nextInt(100) < 15);
            values[Field.NIGHT.ordinal()] = text.toString();
            text.setLength(0);
            if (form < 15) {
                return;
            }
        }
        if (form < 55) {
            date(text, time.toLocalDate(), false).append(' ');
            time(text, time);
        } else if (form < 80) {
            date(text, time.toLocalDate(), true).append(' ');
            time(text, time);
        } else if (form < 90) {
            ZoneOffset offset = place.zone().getRules().getOffset(time);
            date(text, time.toLocalDate(), false).append('T');
            time(text, time).append(":00").append(offset.getId());
        } else if (form < 95) {
            date(text, time.toLocalDate(), false).append('T');
            time(text, time);
        } else {
            // A date alone means the night that ended that morning.
            date(text, evening.plusDays(1), random.nextBoolean());
        }
        values[Field.OCCURRED_AT.ordinal()] = text.toString();
    }

    private void spoil(BadKind kind, Layout layout) {
        switch (kind) {
            case UNKNOWN_REGION -> values[Field.REGION.ordinal()] = pick(UNKNOWN_REGIONS);
            case BAD_DATE -> {
                values[Field.OCCURRED_AT.ordinal()] = pick(BAD_DATES);
                values[Field.NIGHT.ordinal()] = "";
            }
            case NEGATIVE_COUNT -> {
                Field field = random.nextInt(100) < 70 ? Field.UAV_COUNT : Field.INJURED;
                values[field.ordinal()] = "-" + (1 + random.nextInt(5));
            }
            case UNKNOWN_EVENT_TYPE -> values[Field.EVENT_TYPE.ordinal()] = pick(UNKNOWN_EVENTS);
            case WRONG_FIELD_COUNT -> {
                // Written by writeLine: a field short or one too many.
            }
        }
    }

    private void writeLine(OutFile file, boolean wrongFieldCount) throws IOException {
        Layout layout = file.layout();
        line.setLength(0);
        int count = layout.fields.length;
        int fields = wrongFieldCount ? (random.nextBoolean() ? count - 1 : count + 1) : count;
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                line.append(layout.delimiter);
            }
            appendField(i < count ? values[layout.fields[i].ordinal()] : "extra", layout.delimiter);
        }
        line.append(layout.lineEnd);
        // String's own UTF-8 encoding is several times faster than a Writer's.
        file.stream().write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void appendField(String value, char delimiter) {
        // indexOf is vectorised; a loop over the characters was the generator's hottest spot.
        if (value.indexOf(delimiter) < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private String regionSpelling(Place place) {
        int form = random.nextInt(100);
        if (form < 30) {
            return place.name();
        }
        if (form < 55) {
            return place.nameRu();
        }
        if (form < 70) {
            String name = place.name();
            for (String kind : new String[]{" Oblast", " Krai"}) {
                if (name.endsWith(kind)) {
                    return name.substring(0, name.length() - kind.length()) + " region";
                }
            }
            return name;
        }
        if (form < 90 && place.aliases().length > 0) {
            return pick(place.aliases());
        }
        return random.nextBoolean() ? place.name().toUpperCase(java.util.Locale.ROOT)
                : place.nameRu().toLowerCase(java.util.Locale.ROOT);
    }

    private String districtSpelling(DistrictNames district) {
        int form = random.nextInt(100);
        String name = district.name();
        if (form < 30 || name.isEmpty()) {
            return name.isEmpty() ? district.nameRu() : name;
        }
        if (form < 40 && name.endsWith(" District")) {
            return name.substring(0, name.length() - " District".length());
        }
        if (form < 55 && name.endsWith("sky District")) {
            String stem = name.substring(0, name.length() - "sky District".length());
            return stem + pick(new String[]{"skiy district", "skii raion", "skiy rayon", "sky raion"});
        }
        if (form < 75 && !district.nameRu().isEmpty()) {
            String ru = district.nameRu();
            return random.nextBoolean() ? ru.replace("муниципальный район", "район")
                    : ru.replace("муниципальный район", "р-н");
        }
        if (form < 80 && !district.nameRu().isEmpty()) {
            return district.nameRu();
        }
        if (form < 92 && district.aliases().length > 0) {
            return pick(district.aliases());
        }
        if (form < 97 || name.length() < 8) {
            return name.toLowerCase(java.util.Locale.ROOT);
        }
        // A typo: one letter dropped from the middle.
        int at = 2 + random.nextInt(name.length() - 6);
        return name.substring(0, at) + name.substring(at + 1);
    }

    private String casualties(int reportedPercent, int max) {
        int roll = random.nextInt(100);
        if (roll < 100 - 2 * reportedPercent) {
            return "";
        }
        if (roll < 100 - reportedPercent) {
            return "0";
        }
        return Integer.toString(1 + random.nextInt(max));
    }

    private String notes() {
        int roll = random.nextInt(1000);
        if (roll < 970) {
            return roll < 750 ? "" : pick(NOTES);
        }
        if (roll < 997) {
            return pick(NOTES) + "; " + pick(NOTES);
        }
        // Rare but real: an update on its own line, and text that looks like a spreadsheet formula.
        return switch (roll) {
            case 997 -> pick(NOTES) + "\nUPD: " + pick(NOTES);
            case 998 -> "=HYPERLINK(\"https://example.org\",\"source\")";
            default -> "+7 (4722) 00-00-00, \"hotline\"";
        };
    }

    private LocalDateTime incidentTime(LocalDate evening) {
        // Mostly at night (18:00-06:00); the rest in the day, within the night's noon-to-noon span.
        int minute = random.nextInt(100) < 85 ? 18 * 60 + random.nextInt(12 * 60)
                : (random.nextBoolean() ? 12 * 60 + random.nextInt(6 * 60) : 30 * 60 + random.nextInt(6 * 60));
        return evening.atStartOfDay().plusMinutes(minute);
    }

    private static LocalDateTime clampToNight(LocalDateTime time, LocalDate evening) {
        LocalDateTime from = evening.atTime(12, 0);
        LocalDateTime to = evening.plusDays(1).atTime(11, 59);
        return time.isBefore(from) ? from : time.isAfter(to) ? to : time;
    }

    private int pickCopies() {
        int roll = random.nextInt(100);
        return roll < 45 ? 1 : roll < 80 ? 2 : 3;
    }

    private int pickPlace() {
        int target = random.nextInt(placeCumulative[placeCumulative.length - 1]);
        int i = Arrays.binarySearch(placeCumulative, target + 1);
        return i >= 0 ? i : -i - 1;
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An index in [0, n) where the first ones come up more often, as the districts near the border do. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static StringBuilder nightLabel(StringBuilder text, LocalDate evening, boolean eveningOnly) {
        date(text, evening, false);
        if (eveningOnly) {
            return text;
        }
        LocalDate morning = evening.plusDays(1);
        text.append('/');
        if (morning.getMonthValue() == evening.getMonthValue()) {
            return pad2(text, morning.getDayOfMonth());
        }
        return date(text, morning, false);
    }

    private static StringBuilder date(StringBuilder text, LocalDate date, boolean dotted) {
        if (dotted) {
            pad2(text, date.getDayOfMonth()).append('.');
            pad2(text, date.getMonthValue()).append('.').append(date.getYear());
        } else {
            text.append(date.getYear()).append('-');
            pad2(text, date.getMonthValue()).append('-');
            pad2(text, date.getDayOfMonth());
        }
        return text;
    }

    private static StringBuilder time(StringBuilder text, LocalDateTime time) {
        pad2(text, time.getHour()).append(':');
        return pad2(text, time.getMinute());
    }

    private static StringBuilder pad2(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }

    private static Place[] loadPlaces() {
        Map<String, List<DistrictNames>> districts = new LinkedHashMap<>();
        for (NamedCsvRecord row : readResource("/places/districts.csv")) {
            String iso = firstField(row, "region_iso", "iso_code", "region");
            districts.computeIfAbsent(iso, k -> new ArrayList<>()).add(new DistrictNames(
                    firstField(row, "name", "name_en"), firstField(row, "name_ru"),
                    aliases(firstField(row, "aliases"))));
        }
        List<Place> places = new ArrayList<>();
        for (NamedCsvRecord row : readResource("/places/regions.csv")) {
            String iso = row.getField("iso_code");
            places.add(new Place(iso, row.getField("name"), row.getField("name_ru"), ZoneId.of(row.getField("zone")),
                    aliases(row.getField("aliases")),
                    districts.getOrDefault(iso, List.of()).toArray(DistrictNames[]::new)));
        }
        if (places.isEmpty()) {
            throw new IllegalStateException("the bundled gazetteer has no regions");
        }
        return places.toArray(Place[]::new);
    }

    private static String[] aliases(String field) {
        return field.isBlank() ? new String[0] : field.split("\\|");
    }

    private static String firstField(NamedCsvRecord row, String... names) {
        for (String name : names) {
            if (row.getHeader().contains(name)) {
                return row.getField(name);
            }
        }
        return "";
    }

    private static List<NamedCsvRecord> readResource(String name) {
        InputStream stream = IncidentCsvGenerator.class.getResourceAsStream(name);
        if (stream == null) {
            return List.of();
        }
        try (stream; CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .ofNamedCsvRecord(new String(stream.readAllBytes(), StandardCharsets.UTF_8))) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
