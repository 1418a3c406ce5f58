package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.places.AreaKind;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The tallies a report shows, over merged incidents alone: no store, no Spring. */
class TalliesTests {

    /** 2025-W50: the nights of Monday 8 to Sunday 14 December. */
    private static final Period WEEK = new Period("2025-W50", LocalDate.parse("2025-12-08"), LocalDate.parse("2025-12-14"));
    private static final Period PREVIOUS = WEEK.previous();

    private static Tallies tallies(Period previous, Incident... incidents) {
        return Tallies.of(WEEK, previous, Stream.of(incidents).map(Incident::merged));
    }

    @Nested
    class Periods {

        @Test
        void countsAnIncidentInThePeriodThePreviousOneOrNeither() {
            Tallies tallies = tallies(PREVIOUS, on("2025-12-08"), on("2025-12-14"), on("2025-12-07"), on("2025-12-01"),
                    on("2025-11-30"), on("2025-12-15"));

            assertThat(tallies.totals().incidents()).isEqualTo(2);
            assertThat(tallies.totals().nights()).isEqualTo(2);
            assertThat(tallies.previousTotals().incidents()).as("the 1st and the 7th").isEqualTo(2);
            assertThat(tallies.previousTotals().nights()).isEqualTo(2);
        }

        @Test
        void withoutAPreviousPeriodThereIsNothingToCompareWith() {
            Tallies tallies = tallies(null, on("2025-12-08"), on("2025-12-07"));

            assertThat(tallies.previousPeriod()).isNull();
            assertThat(tallies.previousTotals()).isNull();
            assertThat(tallies.comparison()).isEmpty();
            assertThat(tallies.totals().incidents()).isEqualTo(1);
        }

        @Test
        void comparesEveryAreaOfEitherPeriodMostIncidentsNowThenBeforeThenByName() {
            Tallies tallies = tallies(PREVIOUS,
                    on("2025-12-08").in("Rostov Oblast", "RU-ROS"), on("2025-12-09").in("Rostov Oblast", "RU-ROS"),
                    on("2025-12-08").in("Kursk Oblast", "RU-KRS"), on("2025-12-02").in("Kursk Oblast", "RU-KRS"),
                    on("2025-12-08").in("Bryansk Oblast", "RU-BRY"), on("2025-12-02").in("Bryansk Oblast", "RU-BRY"),
                    on("2025-12-03").sea("Black Sea", "SEA-BLACK"), on("2025-12-04").sea("Black Sea", "SEA-BLACK"),
                    on("2025-12-05").in("Belgorod Oblast", "RU-BEL"));

            assertThat(tallies.comparison()).extracting(RegionComparison::region, RegionComparison::isoCode,
                            RegionComparison::current, RegionComparison::previous, RegionComparison::kind)
                    .containsExactly(
                            tuple("Rostov Oblast", "RU-ROS", 2L, 0L, AreaKind.REGION),
                            tuple("Bryansk Oblast", "RU-BRY", 1L, 1L, AreaKind.REGION),
                            tuple("Kursk Oblast", "RU-KRS", 1L, 1L, AreaKind.REGION),
                            tuple("Black Sea", "SEA-BLACK", 0L, 2L, AreaKind.SEA),
                            tuple("Belgorod Oblast", "RU-BEL", 0L, 1L, AreaKind.REGION));
        }

        @Test
        void needsNightsFromThePreviousPeriodOrTheTrendWhicheverIsEarlier() {
            assertThat(new Tallies(WEEK, PREVIOUS).firstNight()).as("the trend's first Monday, 11 weeks back")
                    .isEqualTo("2025-09-22");
            Period quarter = new Period("q", LocalDate.parse("2025-09-01"), LocalDate.parse("2025-12-14"));
            assertThat(new Tallies(quarter, quarter.previous()).firstNight()).isEqualTo(quarter.previous().from());
            assertThat(new Tallies(quarter, null).firstNight()).isEqualTo("2025-09-01");
        }

        @Test
        void addingOneByOneInAnyOrderGivesTheSameTallies() {
            List<Incident> incidents = new ArrayList<>();
            for (int n = 0; n < 60; n++) {
                Incident incident = on(WEEK.to().minusDays(n % 30).toString())
                        .in(n % 3 == 0 ? "Kursk Oblast" : "Rostov Oblast", n % 3 == 0 ? "RU-KRS" : "RU-ROS")
                        .sources("s" + n % 7).uavs(n % 4 == 0 ? null : n);
                incidents.add(n % 5 == 0 ? incident.district("D" + n % 2) : incident);
            }
            Tallies inOrder = Tallies.of(WEEK, PREVIOUS, incidents.stream().map(Incident::merged));
            Collections.shuffle(incidents, new Random(11));
            Tallies shuffled = new Tallies(WEEK, PREVIOUS);
            incidents.forEach(i -> shuffled.add(i.merged()));

            assertThat(shuffled.totals()).isEqualTo(inOrder.totals());
            assertThat(shuffled.previousTotals()).isEqualTo(inOrder.previousTotals());
            assertThat(shuffled.comparison()).isEqualTo(inOrder.comparison());
            assertThat(shuffled.byRegion()).isEqualTo(inOrder.byRegion());
            assertThat(shuffled.byDistrict()).isEqualTo(inOrder.byDistrict());
            assertThat(shuffled.byNight()).isEqualTo(inOrder.byNight());
            assertThat(shuffled.regionNight().regions()).isEqualTo(inOrder.regionNight().regions());
            assertThat(shuffled.regionNight().counts()).isDeepEqualTo(inOrder.regionNight().counts());
        }
    }

    /** The weekly trend of {@code period} over these incidents, counted per night as the night index counts them. */
    private static List<WeekCount> trend(Period period, Incident... incidents) {
        java.util.Map<LocalDate, Long> perNight = new java.util.TreeMap<>();
        Stream.of(incidents).map(Incident::merged).forEach(i -> perNight.merge(i.night(), 1L, Long::sum));
        return PeriodSweep.weeks(perNight, period);
    }

    @Nested
    class WeeklyTrend {

        @Test
        void showsTwelveWeeksUpToThePeriodsWeekWithZeroForAWeekWithoutIncidents() {
            List<WeekCount> trend = trend(WEEK, on("2025-09-21"), on("2025-09-22"), on("2025-09-28"),
                    on("2025-10-06"), on("2025-12-08"), on("2025-12-14"), on("2025-12-14"));

            assertThat(trend).hasSize(PeriodSweep.TREND_WEEKS);
            assertThat(trend.get(0)).as("the 21st is a Sunday of the week before: left out")
                    .isEqualTo(new WeekCount("2025-W39", LocalDate.parse("2025-09-22"), 2));
            assertThat(trend.get(1)).isEqualTo(new WeekCount("2025-W40", LocalDate.parse("2025-09-29"), 0));
            assertThat(trend.get(2)).isEqualTo(new WeekCount("2025-W41", LocalDate.parse("2025-10-06"), 1));
            assertThat(trend.get(11)).isEqualTo(new WeekCount("2025-W50", LocalDate.parse("2025-12-08"), 3));
            assertThat(trend).extracting(WeekCount::incidents).containsExactly(2L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
                    0L, 3L);
        }

        @Test
        void startsAtTheFirstWeekWithAnIncident() {
            assertThat(trend(WEEK, on("2025-11-24"), on("2025-12-10"))).extracting(WeekCount::isoWeek, WeekCount::incidents)
                    .containsExactly(tuple("2025-W48", 1L), tuple("2025-W49", 0L), tuple("2025-W50", 1L));
        }

        @Test
        void leavesOutNightsAfterThePeriodEvenInItsLastWeek() {
            Period monToWed = new Period("3", LocalDate.parse("2025-12-08"), LocalDate.parse("2025-12-10"));
            Tallies tallies = Tallies.of(monToWed, null, Stream.of(on("2025-12-09"), on("2025-12-12"))
                    .map(Incident::merged));

            assertThat(trend(monToWed, on("2025-12-09"), on("2025-12-12")))
                    .containsExactly(new WeekCount("2025-W50", LocalDate.parse("2025-12-08"), 1));
            assertThat(tallies.totals().incidents()).isEqualTo(1);
        }

        @Test
        void isEmptyWithoutIncidents() {
            assertThat(trend(WEEK)).isEmpty();
        }
    }

    @Nested
    class Groups {

        @Test
        void aDistrictRowShowsItsFirstNameMarkedWhenUnresolved() {
            Tallies tallies = tallies(null,
                    on("2025-12-08").unresolved("Zzyx"), on("2025-12-09").unresolved("Zayx", DistrictKey.unresolved("Zzyx")),
                    on("2025-12-08").district("Chertkovsky District"), on("2025-12-08"));

            assertThat(tallies.byDistrict()).extracting(TallyRow::district, TallyRow::incidents).containsExactly(
                    tuple("Zayx (unresolved)", 2L), tuple(null, 1L), tuple("Chertkovsky District", 1L));
        }

        @Test
        void sortsRowsByIncidentsThenRegionThenDistrict() {
            Tallies tallies = tallies(null,
                    on("2025-12-08").in("Rostov Oblast", "RU-ROS").district("Bokovsky District"),
                    on("2025-12-08").in("Rostov Oblast", "RU-ROS").district("Azovsky District"),
                    on("2025-12-08").in("Rostov Oblast", "RU-ROS"),
                    on("2025-12-08").in("Kursk Oblast", "RU-KRS").district("Rylsky District"),
                    on("2025-12-09").in("Kursk Oblast", "RU-KRS").district("Rylsky District"),
                    on("2025-12-08").in("Bryansk Oblast", "RU-BRY"),
                    on("2025-12-09").in("Bryansk Oblast", "RU-BRY"),
                    on("2025-12-10").in("Bryansk Oblast", "RU-BRY"));

            assertThat(tallies.byRegion()).extracting(TallyRow::region, TallyRow::incidents).containsExactly(
                    tuple("Bryansk Oblast", 3L), tuple("Rostov Oblast", 3L), tuple("Kursk Oblast", 2L));
            assertThat(tallies.byDistrict()).extracting(TallyRow::region, TallyRow::district).containsExactly(
                    tuple("Bryansk Oblast", null), tuple("Kursk Oblast", "Rylsky District"),
                    tuple("Rostov Oblast", null), tuple("Rostov Oblast", "Azovsky District"),
                    tuple("Rostov Oblast", "Bokovsky District"));
        }

        @Test
        void hasARowForEveryNightOfThePeriodAnEmptyOneToo() {
            Tallies tallies = tallies(null, on("2025-12-09"), on("2025-12-09"), on("2025-12-12"));

            assertThat(tallies.byNight()).extracting(TallyRow::night, TallyRow::incidents, TallyRow::region,
                            TallyRow::kind)
                    .containsExactly(tuple(LocalDate.parse("2025-12-08"), 0L, null, null),
                            tuple(LocalDate.parse("2025-12-09"), 2L, null, null),
                            tuple(LocalDate.parse("2025-12-10"), 0L, null, null),
                            tuple(LocalDate.parse("2025-12-11"), 0L, null, null),
                            tuple(LocalDate.parse("2025-12-12"), 1L, null, null),
                            tuple(LocalDate.parse("2025-12-13"), 0L, null, null),
                            tuple(LocalDate.parse("2025-12-14"), 0L, null, null));
        }

        @Test
        void countsRegionsByNightMostIncidentsFirstThenByName() {
            Tallies tallies = tallies(null,
                    on("2025-12-08").in("Rostov Oblast", "RU-ROS"), on("2025-12-14").in("Rostov Oblast", "RU-ROS"),
                    on("2025-12-14").in("Rostov Oblast", "RU-ROS"),
                    on("2025-12-10").in("Kursk Oblast", "RU-KRS"),
                    on("2025-12-11").sea("Black Sea", "SEA-BLACK"));

            RegionNightMatrix matrix = tallies.regionNight();
            assertThat(matrix.regions()).containsExactly("Rostov Oblast", "Black Sea", "Kursk Oblast");
            assertThat(matrix.nights()).hasSize(7).startsWith(WEEK.from()).endsWith(WEEK.to());
            assertThat(matrix.counts()).isDeepEqualTo(new long[][] {
                    {1, 0, 0, 0, 0, 0, 2},
                    {0, 0, 0, 1, 0, 0, 0},
                    {0, 0, 1, 0, 0, 0, 0}});
        }

        @Test
        void aRegionRowCarriesTheAreasNameAndKind() {
            Tallies tallies = tallies(null, on("2025-12-08").sea("Black Sea", "SEA-BLACK"),
                    on("2025-12-08").in("Krasnodar Krai", "RU-KDA"));

            assertThat(tallies.byRegion()).extracting(TallyRow::region, TallyRow::isoCode, TallyRow::kind)
                    .containsExactly(tuple("Black Sea", "SEA-BLACK", AreaKind.SEA),
                            tuple("Krasnodar Krai", "RU-KDA", AreaKind.REGION));
        }
    }

    @Nested
    class Figures {

        @Test
        void countsSeaAreasApartFromLandRegions() {
            Tallies tallies = tallies(PREVIOUS,
                    on("2025-12-08").sea("Black Sea", "SEA-BLACK"), on("2025-12-09").sea("Black Sea", "SEA-BLACK"),
                    on("2025-12-09").sea("Caspian Sea", "SEA-CASPIAN"),
                    on("2025-12-09").in("Krasnodar Krai", "RU-KDA"),
                    on("2025-12-01").sea("Black Sea", "SEA-BLACK"));

            assertThat(tallies.totals().regions()).isEqualTo(1);
            assertThat(tallies.totals().seaAreas()).isEqualTo(2);
            assertThat(tallies.totals().incidents()).isEqualTo(4);
            assertThat(tallies.previousTotals().regions()).isZero();
            assertThat(tallies.previousTotals().seaAreas()).isEqualTo(1);
        }

        @Test
        void countsResolvedDistrictsAndUnresolvedNamesApartButNotTheRegionAsAWhole() {
            Tallies tallies = tallies(null,
                    on("2025-12-08").district("Chertkovsky District"), on("2025-12-09").district("Chertkovsky District"),
                    on("2025-12-08").unresolved("Zzyx"), on("2025-12-08"),
                    on("2025-12-08").in("Kursk Oblast", "RU-KRS").district("Chertkovsky District"));

            // Issue 19: a name that matched no district is not a district affected; it is a figure of its own.
            assertThat(tallies.totals().districts()).as("Chertkovsky in two regions").isEqualTo(2);
            assertThat(tallies.totals().unresolvedDistricts()).as("Zzyx").isEqualTo(1);
        }

        @Test
        void tellsAReportedZeroFromNoReport() {
            Tallies tallies = tallies(null, on("2025-12-08").casualties(0, null), on("2025-12-08").casualties(2, 0),
                    on("2025-12-08").casualties(null, null), on("2025-12-09").in("Kursk Oblast", "RU-KRS"));

            Totals totals = tallies.totals();
            assertThat(totals.killed()).isEqualTo(2);
            assertThat(totals.killedKnown()).isEqualTo(2);
            assertThat(totals.injured()).isZero();
            assertThat(totals.injuredKnown()).isEqualTo(1);
            assertThat(tallies.byRegion()).extracting(TallyRow::region, TallyRow::killedKnown, TallyRow::injuredKnown)
                    .containsExactly(tuple("Rostov Oblast", 2L, 1L), tuple("Kursk Oblast", 0L, 0L));
        }

        @Test
        void sumsKnownUavCountsAndCountsTheUnknownOnes() {
            Tallies tallies = tallies(null, on("2025-12-08").uavs(3), on("2025-12-08").uavs(0),
                    on("2025-12-08").uavs(null), on("2025-12-09").uavs(null));

            assertThat(tallies.totals().uavReported()).isEqualTo(3);
            assertThat(tallies.totals().unknownCount()).isEqualTo(2);
            assertThat(tallies.byNight().get(0).unknownCount()).isEqualTo(1);
        }

        @Test
        void countsEachSourceOnceAcrossTheIncidentsOfAGroup() {
            Tallies tallies = tallies(null, on("2025-12-08").sources("governor", "mod"),
                    on("2025-12-09").sources("mod", "ria"), on("2025-12-09").sources("governor"),
                    on("2025-12-09").in("Kursk Oblast", "RU-KRS").sources("governor"));

            assertThat(tallies.byRegion()).extracting(TallyRow::region, TallyRow::sources)
                    .containsExactly(tuple("Rostov Oblast", 3L), tuple("Kursk Oblast", 1L));
            assertThat(tallies.byNight().get(1).sources()).as("the 9th").isEqualTo(3);
        }

        @Test
        void countsEachEventTypeAndZeroForATypeWithoutIncidents() {
            Tallies tallies = tallies(null, on("2025-12-08").type(EventType.DEBRIS), on("2025-12-08").type(EventType.DEBRIS),
                    on("2025-12-08").type(EventType.ATTACK));

            TallyRow row = tallies.byRegion().get(0);
            assertThat(row.events(EventType.DEBRIS)).isEqualTo(2);
            assertThat(row.events(EventType.ATTACK)).isEqualTo(1);
            assertThat(row.events(EventType.SHOT_DOWN)).isZero();
            assertThat(row.events(EventType.IMPACT)).isZero();
        }

        @Test
        void anIncidentWithoutATimeOfDayIsNeitherNightTimeNorDaytime() {
            Tallies tallies = tallies(null, on("2025-12-08").at("2025-12-08T23:10", true),
                    on("2025-12-08").at("2025-12-08T14:00", false), on("2025-12-08").at(null, false));

            TallyRow night = tallies.byNight().get(0);
            assertThat(night.incidents()).isEqualTo(3);
            assertThat(night.nightTime()).isEqualTo(1);
            assertThat(night.daytime()).isEqualTo(1);
        }
    }

    private static Incident on(String night) {
        return new Incident(LocalDate.parse(night), "Rostov Oblast", "RU-ROS", AreaKind.REGION, null, DistrictKey.REGION,
                EventType.SHOT_DOWN, null, false, 1, null, null, List.of("governor"));
    }

    /** A merged incident with only what the tallies read; each method changes one thing. */
    private record Incident(LocalDate night, String region, String iso, AreaKind kind, String district,
                            DistrictKey districtKey, EventType type, LocalDateTime time, boolean nightTime, Integer uavs,
                            Integer killed, Integer injured, List<String> sources) {

        Incident in(String name, String code) {
            return new Incident(night, name, code, AreaKind.REGION, district, districtKey, type, time, nightTime, uavs,
                    killed, injured, sources);
        }

        Incident sea(String name, String code) {
            return new Incident(night, name, code, AreaKind.SEA, district, districtKey, type, time, nightTime, uavs,
                    killed, injured, sources);
        }

        Incident district(String name) {
            return withDistrict(name, DistrictKey.resolved(name));
        }

        Incident unresolved(String name) {
            return withDistrict(name, DistrictKey.unresolved(name));
        }

        Incident unresolved(String name, DistrictKey key) {
            return withDistrict(name, key);
        }

        private Incident withDistrict(String name, DistrictKey key) {
            return new Incident(night, region, iso, kind, name, key, type, time, nightTime, uavs, killed, injured,
                    sources);
        }

        Incident type(EventType eventType) {
            return new Incident(night, region, iso, kind, district, districtKey, eventType, time, nightTime, uavs,
                    killed, injured, sources);
        }

        Incident at(String localTime, boolean atNight) {
            return new Incident(night, region, iso, kind, district, districtKey, type,
                    localTime == null ? null : LocalDateTime.parse(localTime), atNight, uavs, killed, injured, sources);
        }

        Incident uavs(Integer count) {
            return new Incident(night, region, iso, kind, district, districtKey, type, time, nightTime, count, killed,
                    injured, sources);
        }

        Incident casualties(Integer dead, Integer hurt) {
            return new Incident(night, region, iso, kind, district, districtKey, type, time, nightTime, uavs, dead,
                    hurt, sources);
        }

        Incident sources(String... keys) {
            return new Incident(night, region, iso, kind, district, districtKey, type, time, nightTime, uavs, killed,
                    injured, List.of(keys));
        }

        MergedIncident merged() {
            return new MergedIncident(null, night, time, nightTime, false, region, iso, district, districtKey, null,
                    type.code(), uavs, killed, injured, null, null, String.join("; ", sources), sources, null, null,
                    null, 1, kind);
        }
    }
}
