package com.incidenttally.bench;

import com.incidenttally.incident.DistrictKey;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import com.incidenttally.incident.Rejection;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
import com.incidenttally.report.ReportFixtures;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.report.excel.IncidentWorkbookWriter;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Resolution;
import com.incidenttally.tally.RunInfo;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.UnresolvedName;
import com.incidenttally.tally.Warning;
import com.incidenttally.tally.WeekCount;

/**
 * Times the workbook writer alone: N synthetic merged incidents (and a merge note for each one that
 * several reports made) through {@link IncidentWorkbookWriter}, with the rest of the report from
 * {@link ReportFixtures}. A benchmark, not a test.
 * <pre>
 * java -cp target/test-classes:target/classes:DEPENDENCIES com.incidenttally.bench.WorkbookBench \
 *     --incidents=200000 --runs=5 [--lang=ru] [--keep=FILE.xlsx]
 * </pre>
 * Prints each run's seconds and the median. The incidents are the same for the same arguments, so two
 * builds' workbooks can be compared ({@code --keep} writes the last run's workbook there).
 */
public final class WorkbookBench {

    private static final String[][] REGIONS = {
            {"Belgorod Oblast", "RU-BEL", "Shebekinsky Urban Okrug", "Grayvoronsky Urban Okrug", "Belgorodsky District"},
            {"Bryansk Oblast", "RU-BRY", "Brasovsky District", "Klimovsky District", "Bezhitsky District"},
            {"Kursk Oblast", "RU-KRS", "Rylsky District", "Sudzhansky District", "Zheleznogorsky District"},
            {"Rostov Oblast", "RU-ROS", "Chertkovsky District", "Kamensky District", "Millerovsky District"},
            {"Volgograd Oblast", "RU-VGG", "Тракторозаводский район", "Alekseyevsky District", "Kotovsky District"},
            {"Voronezh Oblast", "RU-VOR", "Ostrogozhsky District", "Buturlinovsky District", "Rossoshansky District"},
            {"Krasnodar Krai", "RU-KDA", "Tuapsinsky District", "Seversky District", "Slavyansky District"},
            {"Smolensk Oblast", "RU-SMO", "Smolensky District", "Roslavlsky District", "Vyazemsky District"},
            {"Moscow Oblast", "RU-MOS", "Ramensky Urban Okrug", "Kolomna Urban Okrug", "Podolsk Urban Okrug"},
            {"Tula Oblast", "RU-TUL", "Novomoskovsky District", "Yefremov Urban Okrug", "Aleksinsky District"},
            {"Lipetsk Oblast", "RU-LIP", "Yeletsky District", "Gryazinsky District", "Lipetsky District"},
            {"Tatarstan", "RU-TA", "Yelabuzhsky District", "Nizhnekamsky District", "Almetyevsky District"},
            {"Black Sea", "SEA-BLACK", null, null, null}};
    private static final String[] TYPES = {"shot_down", "shot_down", "shot_down", "debris", "impact", "attack"};
    private static final String[] SOURCES = {"TASS", "RIA Novosti", "Kommersant", "Izvestia", "Russian MoD", "SHOT",
            "Baza", "Rybar", "Ostorozhno Novosti", "Meduza", "Минобороны России", "Губернатор"};
    private static final String[] LOCATIONS = {"residential quarter", "industrial zone", "трасса М-4", "oil depot area",
            "railway station", "near the village", "=HYPERLINK(\"http://x\",\"y\")"};
    private static final String[] DAMAGE = {"windows broken", "fire at a warehouse", "power line damaged",
            "Обломки БПЛА упали на ул. Лодыгина, дома 12 и 13", "roof & facade <damaged>"};
    private static final String[] MEASURES = {"traffic on the road restricted", "открыт ПВР",
            "emergency services at the site"};
    private static final String[] NOTES = {"numbers confirmed later; над территорией области",
            "two waves\nthe second after 03:00", " leading space", "tab\there"};
    private static final LocalDate LAST_NIGHT = LocalDate.of(2026, 1, 29);
    private static final int NIGHTS = 364;

    private WorkbookBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("compare")) {
            System.exit(compare(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
        }
        long incidents = 200_000;
        int runs = 5;
        Language language = Language.EN;
        Path keep = null;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--incidents=")) {
                incidents = Long.parseLong(value);
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(value);
            } else if (arg.startsWith("--lang=")) {
                language = Language.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } else if (arg.startsWith("--keep=")) {
                keep = Path.of(value);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        ReportTexts texts = language == Language.EN ? ReportTexts.english()
                : ReportTexts.of(language, Gazetteer.bundled());
        ReportData data = new Synthetic(ReportFixtures.seventyNights(), incidents);
        Path dir = Files.createTempDirectory("workbook-bench");
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < runs; run++) {
            Path xlsx = dir.resolve("run-" + run + ".xlsx");
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            new IncidentWorkbookWriter(texts).write(data, List.of(), xlsx);
            cpu[run] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
            seconds[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.2f s wall, %.2f s CPU of the writing thread, %,d bytes%n", run + 1,
                    seconds[run], cpu[run], Files.size(xlsx));
            if (run == runs - 1 && keep != null) {
                Files.move(xlsx, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(xlsx);
            }
        }
        Files.delete(dir);
        System.out.printf("%,d incidents, %d runs: wall %s; CPU %s%n", incidents, runs, summary(seconds),
                summary(cpu));
    }

    /** Whether two workbooks hold the same parts, compared uncompressed byte for byte; prints those that differ. */
    static boolean compare(Path a, Path b) throws IOException {
        Map<String, byte[]> left = parts(a);
        Map<String, byte[]> right = parts(b);
        boolean same = left.keySet().equals(right.keySet());
        if (!same) {
            System.out.println("parts differ: " + left.keySet() + " / " + right.keySet());
        }
        for (Map.Entry<String, byte[]> part : left.entrySet()) {
            byte[] other = right.get(part.getKey());
            if (other != null && !Arrays.equals(part.getValue(), other)) {
                same = false;
                System.out.printf("%s differs (%,d / %,d bytes, first at byte %,d)%n", part.getKey(),
                        part.getValue().length, other.length, Arrays.mismatch(part.getValue(), other));
            } else if (other != null) {
                System.out.printf("%s same (%,d bytes)%n", part.getKey(), other.length);
            }
        }
        return same;
    }

    private static Map<String, byte[]> parts(Path xlsx) throws IOException {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(entry)) {
                    parts.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return parts;
    }

    private static String summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format("median %.2f s (min %.2f, max %.2f)", median, sorted[0], sorted[n - 1]);
    }

    /** The fixture's report with N generated incidents and their merge notes, made afresh on each pass like rows read from a store. */
    private record Synthetic(ReportFixtures.Data fixture, long count) implements ReportData {

        @Override
        public com.incidenttally.tally.Listing<MergedIncident> incidents() {
            return generated(incident -> { }, count);
        }

        @Override
        public com.incidenttally.tally.Listing<MergeNote> mergeNotes() {
            return new com.incidenttally.tally.Listing<>() {
                @Override
                public void forEach(Consumer<? super MergeNote> sink) {
                    generate(incident -> { }, sink::accept);
                }

                @Override
                public long size() {
                    return -1;
                }
            };
        }

        private com.incidenttally.tally.Listing<MergedIncident> generated(Consumer<MergeNote> merges, long size) {
            return new com.incidenttally.tally.Listing<>() {
                @Override
                public void forEach(Consumer<? super MergedIncident> sink) {
                    generate(sink::accept, merges);
                }

                @Override
                public long size() {
                    return size;
                }
            };
        }

        private void generate(Consumer<MergedIncident> incidents, Consumer<MergeNote> merges) {
            SplittableRandom random = new SplittableRandom(1);
            for (long i = 0; i < count; i++) {
                MergedIncident incident = incident(random, i, count);
                incidents.accept(incident);
                if (incident.reports() > 1) {
                    boolean conflict = i % 5 == 0;
                    merges.accept(new MergeNote(incident.id(), incident.night(), incident.region(), incident.district(),
                            incident.eventType(), i % 7 == 0 ? "incident_id" : "same key, different sources",
                            incident.reports(), incident.sources(), incident.origins(),
                            conflict ? "uav_count: " + incident.uavCount() + " / unknown" : ""));
                }
            }
        }

        /** Incidents in night order, as the store hands them over; fresh strings, as JDBC makes them. */
        private static MergedIncident incident(SplittableRandom random, long i, long count) {
            LocalDate night = LAST_NIGHT.minusDays(NIGHTS - 1 - NIGHTS * i / count);
            String[] region = REGIONS[random.nextInt(REGIONS.length)];
            boolean sea = region[1].startsWith("SEA-");
            String district = sea || random.nextInt(4) == 0 ? null : new String(region[2 + random.nextInt(3)]);
            DistrictKey districtKey = district == null ? DistrictKey.REGION
                    : random.nextInt(50) == 0 ? DistrictKey.unresolved(district) : DistrictKey.resolved(district);
            int minute = random.nextInt(24 * 60);
            LocalDateTime time = random.nextInt(10) == 0 ? null
                    : night.atTime(12, 0).plusMinutes(minute);
            int reports = 1 + random.nextInt(4);
            List<String> sources = new ArrayList<>();
            StringBuilder origins = new StringBuilder();
            for (int r = 0; r < reports; r++) {
                sources.add(SOURCES[random.nextInt(SOURCES.length)]);
                origins.append(r == 0 ? "" : ", ").append("reports-").append(1 + random.nextInt(20)).append(".csv:")
                        .append(1 + random.nextInt(50_000));
            }
            return new MergedIncident(
                    new String(region[1].substring(region[1].indexOf('-') + 1)) + "-" + night.toString().replace("-", "")
                            + "-" + (1 + i % 40),
                    night, time, time != null && (time.getHour() >= 18 || time.getHour() < 6),
                    time == null && random.nextBoolean(),
                    new String(region[0]), new String(region[1]), district, districtKey,
                    random.nextInt(3) == 0 ? LOCATIONS[random.nextInt(LOCATIONS.length)] : null,
                    new String(TYPES[random.nextInt(TYPES.length)]),
                    random.nextInt(6) == 0 ? null : Integer.valueOf(1 + random.nextInt(20)),
                    random.nextInt(40) == 0 ? Integer.valueOf(random.nextInt(3)) : null,
                    random.nextInt(15) == 0 ? Integer.valueOf(random.nextInt(5)) : null,
                    random.nextInt(5) == 0 ? DAMAGE[random.nextInt(DAMAGE.length)] : null,
                    random.nextInt(8) == 0 ? MEASURES[random.nextInt(MEASURES.length)] : null,
                    String.join("; ", sources), sources.stream().distinct().toList(),
                    random.nextInt(4) == 0 ? "https://t.me/rian_ru/" + (10_000 + random.nextInt(90_000)) : null,
                    random.nextInt(10) == 0 ? NOTES[random.nextInt(NOTES.length)] : null,
                    origins.toString(), reports,
                    sea ? com.incidenttally.places.AreaKind.SEA : com.incidenttally.places.AreaKind.REGION);
        }

        @Override
        public Period period() {
            return fixture.period();
        }

        @Override
        public Instant generatedAt() {
            return fixture.generatedAt();
        }

        @Override
        public Totals totals() {
            return fixture.totals();
        }

        @Override
        public Period previousPeriod() {
            return fixture.previousPeriod();
        }

        @Override
        public Totals previousTotals() {
            return fixture.previousTotals();
        }

        @Override
        public List<RegionComparison> comparison() {
            return fixture.comparison();
        }

        @Override
        public List<TallyRow> byRegion() {
            return fixture.byRegion();
        }

        @Override
        public List<TallyRow> byDistrict() {
            return fixture.byDistrict();
        }

        @Override
        public List<TallyRow> byNight() {
            return fixture.byNight();
        }

        @Override
        public RegionNightMatrix regionNight() {
            return fixture.regionNight();
        }

        @Override
        public List<WeekCount> weeklyTrend() {
            return fixture.weeklyTrend();
        }

        @Override
        public void rejections(Consumer<Rejection> sink) {
            fixture.rejections(sink);
        }

        @Override
        public List<Resolution> resolutions() {
            return fixture.resolutions();
        }

        @Override
        public List<UnresolvedName> unresolvedNames() {
            return fixture.unresolvedNames();
        }

        @Override
        public List<Warning> warnings() {
            return fixture.warnings();
        }

        @Override
        public RunInfo runInfo() {
            return fixture.runInfo();
        }
    }
}
