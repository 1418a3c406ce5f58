package com.incidenttally.tally;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodEndTests {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Vladivostok"), ZoneId.of("Europe/Moscow"),
            ZoneId.of("Europe/Kaliningrad"), ZoneId.of("Europe/Kyiv"));
    private static final Period W48 = new Period("2026-W48", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29));

    @Nested
    class PeriodEnd_ {

        @Test
        void theLastNightEndsAtTheLastNoonOfEveryZone() {
            PeriodEnd end = PeriodEnd.of(W48, ZONES, Instant.parse("2026-11-30T06:30:00Z"));
            // Kaliningrad and Kyiv are UTC+2 in winter: noon there is 10:00 UTC, after Moscow's 09:00.
            assertThat(end.completeAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
            assertThat(end.complete()).isFalse();
        }

        @Test
        void isCompleteFromThatNoonOn() {
            assertThat(PeriodEnd.of(W48, ZONES, Instant.parse("2026-11-30T09:59:59Z")).complete()).isFalse();
            assertThat(PeriodEnd.of(W48, ZONES, Instant.parse("2026-11-30T10:00:00Z")).complete()).isTrue();
        }

        @Test
        void summerTimeMovesTheNoon() {
            Period july = new Period("x", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 5));
            // Kyiv is UTC+3 in summer, Kaliningrad stays UTC+2.
            assertThat(PeriodEnd.of(july, ZONES, Instant.EPOCH).completeAt()).isEqualTo(Instant.parse("2026-07-06T10:00:00Z"));
            assertThat(PeriodEnd.of(july, List.of(ZoneId.of("Europe/Kyiv")), Instant.EPOCH).completeAt())
                    .isEqualTo(Instant.parse("2026-07-06T09:00:00Z"));
        }

        @Test
        void withoutZonesNoonIsUtc() {
            assertThat(PeriodEnd.of(W48, List.of(), Instant.EPOCH).completeAt()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        }
    }

    @Nested
    class PartWeeks {

        private static final LocalDate W47 = LocalDate.of(2026, 11, 16);
        private static final LocalDate W48_MONDAY = LocalDate.of(2026, 11, 23);
        private final List<WeekCount> weeks = List.of(new WeekCount("2026-W47", W47, 120),
                new WeekCount("2026-W48", W48_MONDAY, 30));

        @Test
        void aWeekTheDataStartsInIsAPartWeek() {
            List<WeekCount> marked = WeekCount.marked(weeks, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 29),
                    night -> true);
            assertThat(marked.get(0).nights()).isEqualTo(3);
            assertThat(marked.get(0).part()).isTrue();
            assertThat(marked.get(1).part()).isFalse();
        }

        @Test
        void aWeekThePeriodStopsInIsAPartWeek() {
            List<WeekCount> marked = WeekCount.marked(weeks, W47, LocalDate.of(2026, 11, 23), night -> true);
            assertThat(marked.get(0).part()).isFalse();
            assertThat(marked.get(1).nights()).isEqualTo(1);
            assertThat(marked.get(1).part()).isTrue();
        }

        @Test
        void aWeekWhoseLastNightIsNotOverIsAPartWeek() {
            List<WeekCount> marked = WeekCount.marked(weeks, W47, LocalDate.of(2026, 11, 29),
                    night -> night.isBefore(LocalDate.of(2026, 11, 29)));
            assertThat(marked.get(1).nights()).isEqualTo(7);
            assertThat(marked.get(1).ended()).isFalse();
            assertThat(marked.get(1).part()).isTrue();
            assertThat(marked.get(1).incidents()).isEqualTo(30);
        }
    }

    @Nested
    class TopRegions_ {

        private final List<RegionComparison> comparison = List.of(
                new RegionComparison("Belgorod Oblast", "RU-BEL", 9, 4),
                new RegionComparison("Kursk Oblast", "RU-KRS", 5, 5),
                new RegionComparison("Rostov Oblast", "RU-ROS", 2, 0),
                new RegionComparison("Oryol Oblast", "RU-ORL", 0, 3),
                new RegionComparison("Moscow", "RU-MOW", 0, 1));

        @Test
        void otherRegionsCountThePeriodsOwnAndThePreviousPeriodsAreApart() {
            TopRegions top = TopRegions.of(comparison, 2);
            assertThat(top.top()).extracting(RegionComparison::isoCode).containsExactly("RU-BEL", "RU-KRS");
            assertThat(top.others()).extracting(RegionComparison::isoCode).containsExactly("RU-ROS");
            assertThat(top.previousOnly()).extracting(RegionComparison::isoCode).containsExactly("RU-ORL", "RU-MOW");
            assertThat(top.areas()).isEqualTo(3);
            assertThat(top.othersCurrent()).isEqualTo(2);
            assertThat(top.previousOnlyPrevious()).isEqualTo(4);
            assertThat(top.first().region()).isEqualTo("Belgorod Oblast");
        }

        @Test
        void everyAreaAddsUpToTheTotals() {
            TopRegions top = TopRegions.of(comparison, 10);
            long now = top.top().stream().mapToLong(RegionComparison::current).sum() + top.othersCurrent();
            long before = top.top().stream().mapToLong(RegionComparison::previous).sum() + top.othersPrevious()
                    + top.previousOnlyPrevious();
            assertThat(now).isEqualTo(16);
            assertThat(before).isEqualTo(13);
            assertThat(top.others()).isEmpty();
        }
    }
}
