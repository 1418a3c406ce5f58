package com.incidenttally.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.InputFileInfo;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.tally.Rejection;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Resolution;
import com.incidenttally.tally.RunInfo;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.UnresolvedName;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.Warning;
import com.incidenttally.tally.WeekCount;

/**
 * Report data built in code, the way the store would hand it over: 70 nights (so charts group by
 * week), a dozen regions, Cyrillic names, hostile text, an over-long note and rejected rows. The
 * tallies are computed from the incidents, so every figure agrees with every other.
 */
public final class ReportFixtures {

    public static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    public static final String CYRILLIC_DISTRICT = "Тракторозаводский район";
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

    /** The same kind of data over {@code count} nights ending on the evening of {@code last}. */
    public static Data nightsEndingOn(LocalDate last, int nights) {
        LocalDate first = last.minusDays(nights - 1);
        Period period = new Period(first + "_" + last, first, last);
        List<MergedIncident> incidents = new ArrayList<>();
        int seq = 0;
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            int n = (int) ChronoUnit.DAYS.between(period.from(), night);
            for (int r = 0; r < REGIONS.length; r++) {
                // Border regions are busier; a weekly rhythm makes the charts look like real data.
                int count = Math.max(0, (REGIONS.length - r) / 3 + ((n * 7 + r * 5) % 5) - 2 + (n % 7 == 3 ? 2 : 0));
                for (int k = 0; k < count; k++) {
                    seq++;
                    String type = TYPES[(n + r + k) % TYPES.length];
                    boolean wholeRegion = (k + n) % 4 == 0;
                    LocalTime time = LocalTime.of((18 + (k * 5 + n) % 17) % 24, (k * 13) % 60);
                    LocalDateTime local = time.getHour() >= 12 ? night.atTime(time) : night.plusDays(1).atTime(time);
                    boolean nightTime = time.getHour() >= 18 || time.getHour() < 6;
                    Integer uavs = (seq % 3 == 0) ? null : Integer.valueOf(1 + seq % 6);
                    Integer killed = seq % 37 == 0 ? Integer.valueOf(1) : null;
                    Integer injured = seq % 11 == 0 ? Integer.valueOf(2) : seq % 13 == 0 ? Integer.valueOf(0) : null;
                    incidents.add(new MergedIncident("I-" + seq, night, local, nightTime, false,
                            REGIONS[r][0], REGIONS[r][1], wholeRegion ? null : REGIONS[r][2],
                            "Settlement " + (k + 1), type, uavs, killed, injured,
                            seq % 9 == 0 ? "windows broken" : null, seq % 17 == 0 ? "temporary accommodation points opened" : null,
                            "Governor; Ministry of Defence".substring(0, seq % 2 == 0 ? 8 : 29), null,
                            null, "governors.csv:" + (seq + 1), 1 + seq % 2));
                }
            }
        }
        LocalDate lastNight = period.to();
        incidents.add(new MergedIncident("HOSTILE-1", lastNight, lastNight.atTime(23, 40), true, false,
                "Volgograd Oblast", "RU-VGG", CYRILLIC_DISTRICT, HYPERLINK, "debris", 1, null, 0,
                "Обломки БПЛА упали на ул. Лодыгина, дома 12 и 13", "Пункты временного размещения открыты",
                "Губернатор; RIA", "https://t.me/example/1", "ok", "digest.csv:4, governors.csv:9", 2));
        incidents.add(new MergedIncident("LONG-NOTE", lastNight, null, false, true,
                "Smolensk Oblast", "RU-SMO", null, "Smolensk", "shot_down", null, null, null,
                null, null, "Governor Vasily Anokhin", null, longNote(), "governors.csv:12", 1));
        incidents.sort(Comparator.comparing(MergedIncident::night).thenComparing(MergedIncident::region)
                .thenComparing(i -> Objects.toString(i.district(), ""))
                .thenComparing(i -> i.localTime() == null ? LocalDateTime.MIN : i.localTime()));

        Period previous = period.previous();
        List<RegionComparison> comparison = new ArrayList<>();
        Map<String, Long> byRegion = countBy(incidents, MergedIncident::region);
        for (String[] region : REGIONS) {
            long current = byRegion.getOrDefault(region[0], 0L);
            comparison.add(new RegionComparison(region[0], region[1], current, Math.max(0, current - 20 + region[0].length())));
        }
        comparison.sort(Comparator.comparingLong(RegionComparison::current).reversed());
        Totals previousTotals = new Totals(comparison.stream().mapToLong(RegionComparison::previous).sum(),
                400, 120, 12, 30, 68, 2, 9, 3, 0);

        List<Rejection> rejections = List.of(
                new Rejection("digest.csv", 3, "uav_count", "-3", "UAV count must be a whole number of 0 or more, not -3",
                        "x;2025-12-08 03:10;Ростовская область;;shot_down;-3"),
                new Rejection("digest.csv", 7, "region", HYPERLINK, "Unknown region \"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
                        HYPERLINK + ";debris;\"multi\nline\""),
                new Rejection("governors.csv", 15, "occurred_at", "31.02.2025 25:00", "Not a date and time: 31.02.2025 25:00",
                        "15,31.02.2025 25:00,Смоленская область,shot_down,Губернатор"),
                new Rejection("broken.csv", 0, "-", "", "No header row: the file is empty", ""));
        List<Resolution> resolutions = List.of(
                new Resolution("region", "Rostov Oblast", "Ростовская обл.", "Rostov Oblast", "alias", 1.0, 4),
                new Resolution("district", "Rostov Oblast", "Verhnedonneskoye", "Verkhnedonskoy District", "fuzzy", 0.86, 1),
                new Resolution("district", "Volgograd Oblast", "Tractor Factory District", null, "unresolved", 0.41, 1));
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

        List<WeekCount> trend = weeklyTrend(incidents);
        return new Data(period, GENERATED_AT, totals(incidents), previous, previousTotals, comparison,
                tallies(incidents, i -> i.region()), tallies(incidents, i -> i.region() + "|" + i.district()),
                tallies(incidents, i -> i.night().toString()), matrix(period, incidents), trend, incidents,
                rejections, resolutions, merges, warnings, run);
    }

    /** A week with no incidents and nothing before it in the store. */
    public static Data emptyWeek() {
        Period period = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));
        RunInfo run = new RunInfo("0.1.0", Map.of(), List.of(), Map.of(), 0, 0, 0, 0);
        List<LocalDate> nights = new ArrayList<>();
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            nights.add(night);
        }
        return new Data(period, GENERATED_AT, Totals.NONE, null, null, List.of(), List.of(), List.of(), List.of(),
                new RegionNightMatrix(List.of(), nights, new long[0][0]),
                List.of(new WeekCount("2025-W50", period.from(), 0)), List.of(), List.of(), List.of(), List.of(),
                List.of(), run);
    }

    public static String longNote() {
        StringBuilder note = new StringBuilder(LONG_NOTE_LENGTH);
        while (note.length() < LONG_NOTE_LENGTH) {
            note.append("Очевидцы сообщают о взрывах. ");
        }
        note.setLength(LONG_NOTE_LENGTH);
        return note.toString();
    }

    static Totals totals(List<MergedIncident> incidents) {
        Set<String> regions = new HashSet<>();
        Set<String> districts = new HashSet<>();
        Set<LocalDate> nights = new HashSet<>();
        long uavs = 0, unknown = 0, killed = 0, injured = 0, killedKnown = 0, injuredKnown = 0;
        for (MergedIncident incident : incidents) {
            regions.add(incident.region());
            if (incident.district() != null) {
                districts.add(incident.region() + "|" + incident.district());
            }
            nights.add(incident.night());
            uavs += incident.uavCount() == null ? 0 : incident.uavCount();
            unknown += incident.uavCount() == null ? 1 : 0;
            killed += incident.killed() == null ? 0 : incident.killed();
            injured += incident.injured() == null ? 0 : incident.injured();
            killedKnown += incident.killed() == null ? 0 : 1;
            injuredKnown += incident.injured() == null ? 0 : 1;
        }
        return new Totals(incidents.size(), uavs, unknown, regions.size(), districts.size(), nights.size(), killed, injured,
                killedKnown, injuredKnown);
    }

    /** Tallies grouped by a key; sorted by incidents (regions, districts) or by night. */
    static List<TallyRow> tallies(List<MergedIncident> incidents, Function<MergedIncident, String> key) {
        Map<String, List<MergedIncident>> groups = new TreeMap<>();
        for (MergedIncident incident : incidents) {
            groups.computeIfAbsent(key.apply(incident), k -> new ArrayList<>()).add(incident);
        }
        boolean byNight = key.apply(incidents.get(0)).equals(incidents.get(0).night().toString());
        boolean byDistrict = key.apply(incidents.get(0)).contains("|");
        List<TallyRow> rows = new ArrayList<>();
        for (List<MergedIncident> group : groups.values()) {
            MergedIncident first = group.get(0);
            long nightTime = group.stream().filter(MergedIncident::nightTime).count();
            Set<String> sources = new HashSet<>();
            group.forEach(i -> sources.addAll(List.of(i.sources().split("; "))));
            rows.add(new TallyRow(byNight ? null : first.region(), byNight ? null : first.isoCode(),
                    byDistrict ? first.district() : null, byNight ? first.night() : null,
                    group.size(), nightTime, group.size() - nightTime,
                    type(group, "shot_down"), type(group, "debris"), type(group, "impact"), type(group, "attack"),
                    group.stream().mapToLong(i -> i.uavCount() == null ? 0 : i.uavCount()).sum(),
                    group.stream().filter(i -> i.uavCount() == null).count(),
                    group.stream().mapToLong(i -> i.killed() == null ? 0 : i.killed()).sum(),
                    group.stream().mapToLong(i -> i.injured() == null ? 0 : i.injured()).sum(),
                    sources.size(), group.stream().filter(i -> i.killed() != null).count(),
                    group.stream().filter(i -> i.injured() != null).count()));
        }
        if (!byNight) {
            rows.sort(Comparator.comparingLong(TallyRow::incidents).reversed());
        }
        return rows;
    }

    private static long type(List<MergedIncident> group, String type) {
        return group.stream().filter(i -> i.eventType().equals(type)).count();
    }

    private static Map<String, Long> countBy(List<MergedIncident> incidents, Function<MergedIncident, String> key) {
        Map<String, Long> counts = new LinkedHashMap<>();
        incidents.forEach(i -> counts.merge(key.apply(i), 1L, Long::sum));
        return counts;
    }

    static RegionNightMatrix matrix(Period period, List<MergedIncident> incidents) {
        Map<String, Long> byRegion = countBy(incidents, MergedIncident::region);
        List<String> regions = new ArrayList<>(byRegion.keySet());
        regions.sort(Comparator.comparing((String r) -> byRegion.get(r)).reversed());
        List<LocalDate> nights = new ArrayList<>();
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            nights.add(night);
        }
        long[][] counts = new long[regions.size()][nights.size()];
        for (MergedIncident incident : incidents) {
            counts[regions.indexOf(incident.region())][nights.indexOf(incident.night())]++;
        }
        return new RegionNightMatrix(regions, nights, counts);
    }

    static List<WeekCount> weeklyTrend(List<MergedIncident> incidents) {
        Map<String, long[]> weeks = new TreeMap<>();
        Map<String, LocalDate> mondays = new TreeMap<>();
        for (MergedIncident incident : incidents) {
            String week = NightLabels.isoWeek(incident.night());
            weeks.computeIfAbsent(week, w -> new long[1])[0]++;
            mondays.putIfAbsent(week, incident.night().minusDays(incident.night().getDayOfWeek().getValue() - 1));
        }
        List<WeekCount> trend = new ArrayList<>();
        weeks.forEach((week, count) -> trend.add(new WeekCount(week, mondays.get(week), count[0])));
        return trend.subList(Math.max(0, trend.size() - 12), trend.size());
    }

    /** The fixture's data, with its lists open to tests that check figures against them. */
    public record Data(Period period, Instant generatedAt, Totals totals, Period previousPeriod, Totals previousTotals,
                       List<RegionComparison> comparison, List<TallyRow> byRegion, List<TallyRow> byDistrict,
                       List<TallyRow> byNight, RegionNightMatrix regionNight, List<WeekCount> weeklyTrend,
                       List<MergedIncident> incidentList, List<Rejection> rejectionList, List<Resolution> resolutions,
                       List<MergeNote> mergeList, List<Warning> warnings, RunInfo runInfo) implements ReportData {

        @Override
        public void incidents(Consumer<MergedIncident> sink) {
            incidentList.forEach(sink);
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

        @Override
        public void merges(Consumer<MergeNote> sink) {
            mergeList.forEach(sink);
        }

        public Data withWeeklyTrend(List<WeekCount> trend) {
            return new Data(period, generatedAt, totals, previousPeriod, previousTotals, comparison, byRegion,
                    byDistrict, byNight, regionNight, trend, incidentList, rejectionList, resolutions, mergeList,
                    warnings, runInfo);
        }
    }
}
