package com.incidenttally.places;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an unresolved name might mean, offered to the analyst and never taken by the job. */
class NameCandidatesTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    @Test
    void theClosestRegionComesFirst() {
        assertThat(GAZETTEER.regionCandidates("Rostovskaja oblastt region", 3)).hasSize(3).first()
                .satisfies(c -> assertThat(c.place().isoCode()).isEqualTo("RU-ROS"));
    }

    @Test
    void districtsAreOfferedFromTheirRegionOnly() {
        Region volgograd = GAZETTEER.regionByIso("RU-VGG").orElseThrow();

        assertThat(GAZETTEER.districtCandidates(volgograd, "Traktornozavodsky", 3))
                .allSatisfy(c -> assertThat(c.place().regionIso()).isEqualTo("RU-VGG"))
                .first().satisfies(c -> assertThat(c.place().name()).isEqualTo("Traktorozavodsky District"));
    }

    @Test
    void scoresAreBestFirstAndWithinZeroAndOne() {
        assertThat(GAZETTEER.regionCandidates("Atlantis", 3)).extracting(Candidate::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a)).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
        assertThat(GAZETTEER.regionCandidates("", 3)).isEmpty();
    }
}
