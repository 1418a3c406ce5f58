package com.incidenttally.store;

import com.incidenttally.H2Stores;
import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodReport;
import com.incidenttally.tally.PeriodSweep;
import com.incidenttally.tally.Places;
import com.incidenttally.tally.WeekCount;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's one pass over the store, through the store's report source: the same incidents and notes whatever the size of the
 * ranges it reads, ids whose reports lie on several nights counted once, and a night index that,
 * kept up to date night by night, always says what a merge of the whole store would.
 */
class StoreReportSweepTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");
    private static final List<String> DISTRICTS = List.of("Bokovsky District", "Millerovsky District",
            "Chertkovsky District");
    private static Gazetteer gazetteer;

    private IncidentStore store;
    private JdbcTemplate jdbc;
    private int line;

    @BeforeAll
    static void places() {
        gazetteer = Gazetteer.bundled();
    }

    @BeforeEach
    void freshStore() {
        store = IncidentStore.open(memoryStore());
        jdbc = store.jdbc();
    }

    private static JdbcTemplate memoryStore() {
        return H2Stores.memoryTemplate();
    }

    private Incident report(String source, String district, EventType type, Integer uavs, String id, int night) {
        line++;
        return new Incident("f.csv", line, id, NIGHT.plusDays(night), false,
                LocalDateTime.parse("2025-12-08T01:00").plusDays(night).plusMinutes(line % 50), true, "RU-ROS", null, null,
                1.0, district, district == null ? DistrictKey.REGION : DistrictKey.resolved(district), null, null, 1.0, null, type, uavs,
                null, null, null, null, source, source.toLowerCase(), null, null, "hash-" + line);
    }

    private static void load(IncidentStore store, String file, List<Incident> incidents) {
        long id = store.beginFile(file, "sha-" + file + incidents.size());
        store.insertIncidents(id, incidents);
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);
    }

    /** The report of {@code period}, reading about {@code rangeRows} reports at a time. */
    private PeriodReport view(IncidentStore in, Period period, int rangeRows) {
        return new PeriodSweep(new StoreReportSource(in, rangeRows, null), Places.of(gazetteer), period)
                .clock(Instant.EPOCH).mergeAcrossSources(true).runInfo(incidents -> null).run();
    }

    private record Swept(List<MergedIncident> incidents, List<MergeNote> notes) {
    }

    private Swept sweep(IncidentStore in, Period period, int rangeRows) {
        List<MergedIncident> incidents = new ArrayList<>();
        List<MergeNote> notes = new ArrayList<>();
        try (PeriodReport data = view(in, period, rangeRows)) {
            data.incidents().forEach(incidents::add);
            data.mergeNotes().forEach(notes::add);
        }
        return new Swept(incidents, notes);
    }

    private void sixNights() {
        List<Incident> governor = new ArrayList<>();
        List<Incident> news = new ArrayList<>();
        for (int night = 0; night < 6; night++) {
            for (int n = 0; n < night % 3 + 1; n++) {
                String district = DISTRICTS.get((night + n) % DISTRICTS.size());
                governor.add(report("Governor", district, EventType.SHOT_DOWN, n + 1, null, night));
                news.add(report("News", district, EventType.SHOT_DOWN, n + 2, null, night));
            }
            news.add(report("News", DISTRICTS.get(night % 3), EventType.DEBRIS, null, null, night));
        }
        Incident first = news.get(0);
        news.add(new Incident(first.file(), 999, null, first.night(), false, first.localTime(), true, "RU-ROS", null, null,
                1.0, first.district(), first.districtKey(), null, null, 1.0, null, first.eventType(), first.uavCount(),
                null, null, null, null, first.source(), first.sourceKey(), null, null, first.contentHash()));
        load(store, "a.csv", governor);
        load(store, "b.csv", news);
    }

    @Test
    void readingTheNightsInSmallRangesListsExactlyWhatOneRangeDoes() {
        sixNights();
        Period period = new Period("all", NIGHT, NIGHT.plusDays(5));
        Swept inOne = sweep(store, period, 100_000);

        for (int rangeRows : new int[] {1, 4, 9}) {
            assertThat(sweep(store, period, rangeRows)).as("ranges of %d rows", rangeRows).isEqualTo(inOne);
        }
        assertThat(inOne.incidents()).hasSize((1 + 2 + 3) * 2 + 6);
        assertThat(inOne.incidents()).extracting(MergedIncident::night).isSorted();
        assertThat(inOne.notes()).hasSize(13).extracting(MergeNote::night).isSorted();
        // Night, then district, then time of day.
        assertThat(inOne.incidents().subList(0, 2)).extracting(MergedIncident::district)
                .containsExactly("Bokovsky District", "Bokovsky District");
    }

    @Test
    void aWeekListsOnlyItsNightsButTalliesThePreviousWeekToo() {
        sixNights();
        load(store, "c.csv", List.of(report("Governor", DISTRICTS.get(0), EventType.IMPACT, 1, null, -7)));
        Period week = new Period("2025-W50", NIGHT, NIGHT.plusDays(6));
        PeriodReport data = view(store, week, 100_000);
        List<MergedIncident> listed = new ArrayList<>();
        data.incidents().forEach(listed::add);

        assertThat(listed).hasSize(18).allMatch(incident -> week.contains(incident.night()));
        assertThat(data.previousPeriod()).isEqualTo(week.previous());
        assertThat(data.previousTotals().incidents()).isEqualTo(1);
        assertThat(data.totals().incidents()).isEqualTo(18);
        assertThat(data.storeIncidents()).isEqualTo(19);
    }

    @Test
    void anIdWithReportsOnTwoNightsIsOneIncidentOnTheNightOfItsFirstReport() {
        load(store, "a.csv", List.of(report("A", DISTRICTS.get(0), EventType.SHOT_DOWN, 1, "INC-1", 3),
                report("A", DISTRICTS.get(1), EventType.SHOT_DOWN, 1, null, 1)));
        load(store, "b.csv", List.of(report("B", DISTRICTS.get(0), EventType.SHOT_DOWN, 2, "INC-1", 1)));
        Period period = new Period("all", NIGHT.plusDays(1), NIGHT.plusDays(3));

        for (int rangeRows : new int[] {1, 100}) {
            PeriodReport data = view(store, period, rangeRows);
            List<MergedIncident> listed = new ArrayList<>();
            List<MergeNote> notes = new ArrayList<>();
            data.incidents().forEach(listed::add);
            data.mergeNotes().forEach(notes::add);
            assertThat(listed).extracting(MergedIncident::id).containsExactlyInAnyOrder("INC-1", "ROS-20251208-1");
            assertThat(listed).filteredOn(i -> "INC-1".equals(i.id())).singleElement()
                    .satisfies(i -> assertThat(i.night()).isEqualTo(NIGHT.plusDays(3)));
            assertThat(notes).singleElement().satisfies(n -> assertThat(n.conflicts()).contains("night"));
            assertThat(data.totals().incidents()).isEqualTo(2);
            assertThat(data.storeIncidents()).isEqualTo(2);
            assertThat(data.weeklyTrend()).extracting(WeekCount::incidents).containsExactly(2L);
        }
    }

    /**
     * Files come, change and go at random; after each change a weekly report's sweep and the
     * night index's update say exactly what a store loaded from scratch with the same files says.
     */
    @Test
    void theNightIndexKeptUpNightByNightAgreesWithAFreshStore() {
        Random random = new Random(20251207);
        List<List<Incident>> files = new ArrayList<>();
        for (int change = 0; change < 25; change++) {
            int action = files.isEmpty() ? 0 : random.nextInt(3);
            if (action == 0 || files.size() < 3) {
                files.add(randomFile(random));
            } else if (action == 1) {
                files.set(random.nextInt(files.size()), randomFile(random));
            } else {
                files.remove(random.nextInt(files.size()));
            }
            syncStore(store, files);
            LocalDate weekStart = NIGHT.plusDays(7L * random.nextInt(4));
            Period week = new Period("week", weekStart, weekStart.plusDays(6));
            PeriodReport kept = view(store, week, 1 + random.nextInt(40));

            IncidentStore fresh = IncidentStore.open(memoryStore());
            syncStore(fresh, files);
            PeriodReport scratch = view(fresh, new Period("all", NIGHT.minusDays(7), NIGHT.plusDays(40)), 100_000);

            assertThat(kept.storeIncidents()).as("change %d", change).isEqualTo(scratch.storeIncidents());
            assertThat(new NightIndex(store).all()).as("change %d", change).isEqualTo(new NightIndex(fresh).all());
            assertThat(kept.weeklyTrend()).isEqualTo(view(fresh, week, 100_000).weeklyTrend());
        }
    }

    private List<Incident> randomFile(Random random) {
        List<Incident> rows = new ArrayList<>();
        int size = 1 + random.nextInt(12);
        for (int n = 0; n < size; n++) {
            String id = random.nextInt(4) == 0 ? "INC-" + random.nextInt(6) : null;
            rows.add(report("S" + random.nextInt(3), DISTRICTS.get(random.nextInt(3)),
                    EventType.values()[random.nextInt(2)], random.nextInt(3), id, random.nextInt(30)));
        }
        return rows;
    }

    /** The store holds exactly these files, f0.csv, f1.csv, …, each read again when it changed. */
    private static void syncStore(IncidentStore in, List<List<Incident>> files) {
        for (StoredFile known : in.files()) {
            int index = Integer.parseInt(known.path().substring(1, known.path().indexOf('.')));
            if (index >= files.size()) {
                in.removeFile(known.id());
                in.markRemoved();
            }
        }
        for (int i = 0; i < files.size(); i++) {
            String path = "f" + i + ".csv";
            String sha = Integer.toHexString(files.get(i).hashCode());
            if (in.file(path).map(f -> !f.sha256().equals(sha)).orElse(true)) {
                long id = in.beginFile(path, sha);
                in.insertIncidents(id, files.get(i).stream().map(r -> new Incident(path, r.line(), r.incidentId(),
                        r.night(), r.nightInferred(), r.localTime(), r.nightTime(), r.regionIso(), r.regionInput(),
                        r.regionMethod(), r.regionScore(), r.district(), r.districtKey(), r.districtInput(),
                        r.districtMethod(), r.districtScore(), r.location(), r.eventType(), r.uavCount(), r.killed(),
                        r.injured(), r.damage(), r.measures(), r.source(), r.sourceKey(), r.sourceUrl(), r.notes(),
                        r.contentHash())).toList());
                in.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);
            }
        }
    }
}
