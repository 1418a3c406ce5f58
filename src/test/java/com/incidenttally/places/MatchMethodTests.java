package com.incidenttally.places;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchMethodTests {

    /** The store keeps a method by its label; every method is read back as itself. */
    @Test
    void everyMethodIsReadBackFromItsLabel() {
        for (MatchMethod method : MatchMethod.values()) {
            assertThat(MatchMethod.ofLabel(method.label())).isEqualTo(method);
        }
        assertThat(MatchMethod.ofLabel(null)).isNull();
    }

    @Test
    void aLabelNoMethodHasIsRefusedByName() {
        assertThatThrownBy(() -> MatchMethod.ofLabel("Fuzzy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Fuzzy'");
    }
}
