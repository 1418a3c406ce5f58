package com.incidenttally.report;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.places.MatchMethod;
import java.time.Duration;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.Instant;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.LocalDate;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.LocalDateTime;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.LocalTime;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.time.temporal.ChronoUnit;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.ArrayList;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.Comparator;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.LinkedHashMap;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.List;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.Locale;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.Map;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.Objects;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.function.Consumer;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import java.util.stream.Stream;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.places.AreaKind;
import com.incidenttally.tally.InputFileInfo;
import com.incidenttally.tally.Listing;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodSweep;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Resolution;
import com.incidenttally.tally.RunInfo;
import com.incidenttally.tally.Tallies;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.UnresolvedName;
import com.incidenttally.tally.Warning;
import com.incidenttally.tally.WeekCount;

/**
 * Report data built in code, the way the store would hand it over: 70 nights (so charts group by
 * week), a dozen regions, Cyrillic names, an unresolved district, hostile text, an over-long note
 * and rejected rows. Every tally list is what the real {@link Tallies} make of the incidents, those
 * of the period and those before it, so the writers' tests test the figures a report really shows.
 */
public final class ReportFixtures {

    public static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    public static final String CYRILLIC_DISTRICT = "Тракторозаводский район";
    /** A district name that matched no district of its region, kept as reported. */
    public static final String UNRESOLVED_DISTRICT = "Tractor Factory District";
    public static final int LONG_NOTE_LENGTH = 40_000;
    public static final Instant GENERATED_AT = Instant.parse("2025-12-15T06:30:00Z");

    private static final String[][] REGIONS = {
            {"Belgorod Oblast", "RU-BEL", "Shebekinsky District"},
            {"Bryansk Oblast", "RU-BRY", "Klimovsky District"},
            {"Kursk Oblast", "RU-KRS", "Rylsky District"},
            {"Rostov Oblast", "RU-ROS", "Chertkovsky District"},
            {"Volgograd Oblast", "RU-VGG", CYRILLIC_DISTRICT},
            {"Voronezh Oblast", "RU-VOR", "Ostrogozhsky District"},
            {"Krasnodar Krai", "RU-KDA", "Tuapsinsky District"},
            {"Smolensk Oblast", "RU-SMO", "Smolensky District"},
            {"Moscow Oblast", "RU-MOS", "Ramensky Urban Okrug"},
            {"Oryol Oblast", "RU-ORL", "Oryol Urban Okrug"},
            {"Tula Oblast", "RU-TUL", "Novomoskovsky District"},
            {"Lipetsk Oblast", "RU-LIP", "Yeletsky District"},
            {"Republic of Tatarstan", "RU-TA", "Yelabuzhsky District"}};

    private static final String[] TYPES = {"shot_down", "debris", "impact", "attack"};

    private ReportFixtures() {
    }

    /** 70 nights from 2025-10-01 with incidents in 13 regions, a previous period and a 12-week trend. */
    public static Data seventyNights() {
        return nightsEndingOn(LocalDate.of(2025, 12, 9), 70);
    }

    /**
     * The same kind of data over {@code count} nights ending on the evening of {@code last}, with
     * incidents before them in the store: the previous period and the trend's weeks.
     */
    public static Data nightsEndingOn(LocalDate last, int nights) {
        LocalDate first = last.minusDays(nights - 1);
        return generated(new Period(first + "_" + last, first, last), true);
    }

    /** The same kind of data over one ISO week, with nothing before it in the store. */
    public static Data firstWeekInStore(LocalDate monday) {
        return generated(new Period(NightLabels.isoWeek(monday), monday, monday.plusDays(6)), false);
    }

    private static Data generated(Period period, boolean history) {
        Period previous = history ? period.previous() : null;
        Tallies tallies = new Tallies(period, previous);
        List<MergedIncident> incidents = new ArrayList<>();
        int[] seq = {0};
        // The period's nights first, so that its incidents are the same with or without history.
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            incidents.addAll(night(period, night, seq));
        }
        LocalDate lastNight = period.to();
        incidents.add(new MergedIncident("HOSTILE-1", lastNight, lastNight.atTime(23, 40), true, false,
                "Volgograd Oblast", "RU-VGG", CYRILLIC_DISTRICT, districtKey(CYRILLIC_DISTRICT), HYPERLINK, "debris",
                1, null, 0, "Обломки БПЛА упали на ул. Лодыгина, дома 12 и 13", "Пункты временного размещения открыты",
                "Губернатор; RIA", sourceKeys("Губернатор; RIA"), "https://t.me/example/1", "ok",
                "digest.csv:4, governors.csv:9", 2, AreaKind.REGION));
        incidents.add(new MergedIncident("LONG-NOTE", lastNight, null, false, true,
                "Smolensk Oblast", "RU-SMO", null, DistrictKey.REGION, "Smolensk", "shot_down", null, null, null,
                null, null, "Governor Vasily Anokhin", sourceKeys("Governor Vasily Anokhin"), null, longNote(),
                "governors.csv:12", 1, AreaKind.REGION));
        incidents.add(new MergedIncident("UNRESOLVED-1", lastNight, lastNight.atTime(22, 5), true, false,
                "Volgograd Oblast", "RU-VGG", UNRESOLVED_DISTRICT, DistrictKey.unresolved(UNRESOLVED_DISTRICT), "Tractor Factory",
                "impact", 2, null, null, null, null, "Governor", sourceKeys("Governor"), null, null,
                "digest.csv:11", 1, AreaKind.REGION));
        // The weekly trend counts every incident of its weeks, as the night index does.
        Map<LocalDate, Long> perNight = new java.util.TreeMap<>();
        Consumer<MergedIncident> tally = incident -> {
            tallies.add(incident);
            perNight.merge(incident.night(), 1L, Long::sum);
        };
        incidents.forEach(tally);
        if (history) {
            for (LocalDate night = tallies.firstNight(); night.isBefore(period.from()); night = night.plusDays(1)) {
                night(period, night, seq).forEach(tally);
            }
        }
        incidents.sort(Comparator.comparing(MergedIncident::night).thenComparing(MergedIncident::region)
                .thenComparing(i -> Objects.toString(i.district(), ""))
                .thenComparing(i -> i.localTime() == null ? LocalDateTime.MIN : i.localTime()));

        List<Rejection> rejections = List.of(
                new Rejection("digest.csv", 3, "uav_count", "-3", Reason.of(RejectionKind.NEGATIVE_COUNT, "uav_count"),
                        "x;2025-12-08 03:10;Ростовская область;;shot_down;-3"),
                new Rejection("digest.csv", 7, "region", HYPERLINK, Reason.of(RejectionKind.UNKNOWN_REGION_NOTED, HYPERLINK),
                        HYPERLINK + ";debris;\"multi\nline\""),
                new Rejection("governors.csv", 15, "occurred_at", "31.02.2025 25:00", Reason.of(RejectionKind.UNPARSEABLE_DATE, "Not a date and time: 31.02.2025 25:00"),
                        "15,31.02.2025 25:00,Смоленская область,shot_down,Губернатор"),
                new Rejection("broken.csv", 0, "-", "", Reason.of(RejectionKind.FILE_REJECTED, "No header row: the file is empty"), ""));
        List<Resolution> resolutions = List.of(
                new Resolution("region", "Rostov Oblast", "Ростовская обл.", "Rostov Oblast", MatchMethod.ALIAS, 1.0, 4),
                new Resolution("district", "Rostov Oblast", "Verhnedonneskoye", "Verkhnedonskoy District", MatchMethod.FUZZY, 0.86, 1),
                new Resolution("district", "Volgograd Oblast", "Tractor Factory District", null, MatchMethod.UNRESOLVED, 0.41, 1));
        List<MergeNote> merges = List.of(
                new MergeNote("HOSTILE-1", lastNight, "Volgograd Oblast", CYRILLIC_DISTRICT, "debris",
                        "same key, different sources", 2, "Губернатор; RIA", "digest.csv:4, governors.csv:9",
                        "uav_count: 1 / unknown"),
                new MergeNote("I-2", period.from(), "Belgorod Oblast", "Shebekinsky District", "debris",
                        "incident_id", 2, "Governor; Ministry of Defence", "governors.csv:3, digest.csv:2", ""));
        List<Warning> warnings = List.of(
                new Warning("digest.csv", "Not valid UTF-8; read as windows-1251"),
                new Warning("digest.csv", "Unknown columns ignored: comment, extra"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("input", "input");
        parameters.put("output", "reports");
        parameters.put("from", period.from().toString());
        parameters.put("to", period.to().toString());
        parameters.put("night-window", "18:00-06:00");
        Map<String, Duration> timings = new LinkedHashMap<>();
        timings.put("ingestStep", Duration.ofMillis(5230));
        timings.put("tallyStep", Duration.ofMillis(412));
        // The report step is still running while the report is written.
        RunInfo.RunningStep reportStep = new RunInfo.RunningStep("reportStep", Instant.now().minusSeconds(2),
                Instant.now().minusSeconds(10));
        long accepted = incidents.size() + 40;
        RunInfo run = new RunInfo("0.1.0", parameters, List.of(
                new InputFileInfo("governors.csv", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "UTF-8", ",", accepted - 20 + 1, accepted - 20, 1, "loaded"),
                new InputFileInfo("digest.csv", "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                        "windows-1251", ";", 22, 20, 2, "loaded"),
                new InputFileInfo("broken.csv", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "UTF-8", null, 1, 0, 1, "rejected")),
                timings, accepted + 4, accepted, 4, 40, reportStep);

        return data(tallies, PeriodSweep.weeks(perNight, period), incidents, rejections, resolutions, merges,
                warnings, run);
    }

    /** A week with no incidents and nothing before it in the store. */
    public static Data emptyWeek() {
        Period period = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));
        RunInfo run = new RunInfo("0.1.0", Map.of(), List.of(), Map.of(), 0, 0, 0, 0);
        return data(new Tallies(period, null), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), run);
    }

    /** The data of a report with every tally list as the real tallies give it. */
    private static Data data(Tallies tallies, List<WeekCount> weeklyTrend, List<MergedIncident> incidents,
                             List<Rejection> rejections,
                             List<Resolution> resolutions, List<MergeNote> merges, List<Warning> warnings, RunInfo run) {
        return new Data(tallies.period(), GENERATED_AT, tallies.totals(), tallies.previousPeriod(),
                tallies.previousTotals(), tallies.comparison(), tallies.byRegion(), tallies.byDistrict(),
                tallies.byNight(), tallies.regionNight(), weeklyTrend, incidents, rejections, resolutions,
                merges, warnings, run);
    }

    public static String longNote() {
        StringBuilder note = new StringBuilder(LONG_NOTE_LENGTH);
        while (note.length() < LONG_NOTE_LENGTH) {
            note.append("Очевидцы сообщают о взрывах. ");
        }
        note.setLength(LONG_NOTE_LENGTH);
        return note.toString();
    }

    /** The incidents of one night in each region: border regions are busier, with a weekly rhythm. */
    private static List<MergedIncident> night(Period period, LocalDate night, int[] seq) {
        List<MergedIncident> incidents = new ArrayList<>();
        int n = (int) ChronoUnit.DAYS.between(period.from(), night);
        for (int r = 0; r < REGIONS.length; r++) {
            // A weekly rhythm makes the charts look like real data.
            int count = Math.max(0, (REGIONS.length - r) / 3 + Math.floorMod(n * 7 + r * 5, 5) - 2
                    + (Math.floorMod(n, 7) == 3 ? 2 : 0));
            for (int k = 0; k < count; k++) {
                int s = ++seq[0];
                String type = TYPES[Math.floorMod(n + r + k, TYPES.length)];
                boolean wholeRegion = Math.floorMod(k + n, 4) == 0;
                LocalTime time = LocalTime.of(Math.floorMod(18 + (k * 5 + n) % 17, 24), (k * 13) % 60);
                LocalDateTime local = time.getHour() >= 12 ? night.atTime(time) : night.plusDays(1).atTime(time);
                boolean nightTime = time.getHour() >= 18 || time.getHour() < 6;
                Integer uavs = (s % 3 == 0) ? null : Integer.valueOf(1 + s % 6);
                Integer killed = s % 37 == 0 ? Integer.valueOf(1) : null;
                // Before the period nobody reported injured: a figure with nothing to compare it with.
                Integer injured = night.isBefore(period.from()) ? null
                        : s % 11 == 0 ? Integer.valueOf(2) : s % 13 == 0 ? Integer.valueOf(0) : null;
                String district = wholeRegion ? null : REGIONS[r][2];
                String sources = "Governor; Ministry of Defence".substring(0, s % 2 == 0 ? 8 : 29);
                incidents.add(new MergedIncident("I-" + s, night, local, nightTime, false,
                        REGIONS[r][0], REGIONS[r][1], district, districtKey(district),
                        "Settlement " + (k + 1), type, uavs, killed, injured,
                        s % 9 == 0 ? "windows broken" : null, s % 17 == 0 ? "temporary accommodation points opened" : null,
                        sources, sourceKeys(sources), null, null, "governors.csv:" + (s + 1), 1 + s % 2,
                        AreaKind.REGION));
            }
        }
        return incidents;
    }

    /** A resolved district's key as the store makes it. */
    private static DistrictKey districtKey(String district) {
        return district == null ? DistrictKey.REGION : DistrictKey.resolved(district);
    }

    private static List<String> sourceKeys(String sources) {
        return Stream.of(sources.split("; ")).map(source -> source.toLowerCase(Locale.ROOT)).toList();
    }

    /** The fixture's data, with its lists open to tests that check figures against them. */
    public record Data(Period period, Instant generatedAt, Totals totals, Period previousPeriod, Totals previousTotals,
                       List<RegionComparison> comparison, List<TallyRow> byRegion, List<TallyRow> byDistrict,
                       List<TallyRow> byNight, RegionNightMatrix regionNight, List<WeekCount> weeklyTrend,
                       List<MergedIncident> incidentList, List<Rejection> rejectionList, List<Resolution> resolutions,
                       List<MergeNote> mergeList, List<Warning> warnings, RunInfo runInfo) implements ReportData {

        @Override
        public Listing<MergedIncident> incidents() {
            return Listing.of(incidentList);
        }

        @Override
        public Listing<MergeNote> mergeNotes() {
            return Listing.of(mergeList);
        }

        @Override
        public void rejections(Consumer<Rejection> sink) {
            rejectionList.forEach(sink);
        }

        @Override
        public List<UnresolvedName> unresolvedNames() {
            return List.of(new UnresolvedName("region", HYPERLINK, null, 1, "unknown region",
                            List.of(new UnresolvedName.Candidate("Kherson Oblast", 0.52))),
                    new UnresolvedName("district", "TZR", "Volgograd Oblast", 1,
                            "unresolved district", List.of(new UnresolvedName.Candidate("Traktorozavodsky District", 0.61),
                            new UnresolvedName.Candidate("Krasnooktyabrsky District", 0.55))));
        }
    }
}
