package com.incidenttally.tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NightStretchesTests {

    private static List<LocalDate> nights(int count) {
        List<LocalDate> nights = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nights.add(LocalDate.of(2025, 12, 1).plusDays(i));
        }
        return nights;
    }

    @Test
    void fourteenEmptyNightsInARowAreOneStretch() {
        // Night 0 has reports, 1..14 none, 15 has reports.
        List<NightStretches.Stretch> shown = NightStretches.of(nights(16), i -> i > 0 && i < 15);

        assertThat(shown).hasSize(3);
        assertThat(shown.get(1)).isEqualTo(new NightStretches.Stretch(1, LocalDate.of(2025, 12, 2),
                LocalDate.of(2025, 12, 15), 14, true));
        assertThat(shown.get(2).first()).isEqualTo(LocalDate.of(2025, 12, 16));
    }

    @Test
    void thirteenEmptyNightsStayNightByNight() {
        List<NightStretches.Stretch> shown = NightStretches.of(nights(15), i -> i > 0 && i < 14);

        assertThat(shown).hasSize(15).noneMatch(NightStretches.Stretch::quiet);
    }

    @Test
    void anEmptyStretchAtTheEndIsOneStretchToo() {
        List<NightStretches.Stretch> shown = NightStretches.of(nights(30), i -> i >= 2);

        assertThat(shown).extracting(NightStretches.Stretch::nights).containsExactly(1, 1, 28);
    }
}
