package com.incidenttally.job;

import com.incidenttally.IncidentTallyApplication;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --zone=REGION=ZONE}: checked before any work, and part of what makes a run the same run. */
class ZoneOptionTests {

    private static final Instant NOW = Instant.parse("2025-12-17T10:00:00Z");

    private static RunOptions parse(String... args) {
        return RunOptions.parse(args, Map.of(), NOW);
    }

    @Test
    void mayBeGivenOncePerRegion() {
        RunOptions options = parse("--zone=UA-14=Europe/Kyiv", "--zone=Luhansk Oblast=Europe/Kyiv");

        assertThat(options.zones().choices()).containsExactly(Map.entry("UA-09", ZoneId.of("Europe/Kyiv")),
                Map.entry("UA-14", ZoneId.of("Europe/Kyiv")));
        assertThat(parse().zones().isDefault()).isTrue();
    }

    @Test
    void anUnknownRegionOrZoneIsABadArgument() {
        assertThatThrownBy(() -> parse("--zone=Narnia=Europe/Kyiv")).isInstanceOf(BadArgumentsException.class)
                .hasMessage("--zone: 'Narnia' is not a region of the gazetteer (give its ISO code, e.g. UA-14, or its name)");
        assertThatThrownBy(() -> parse("--zone=UA-14=Mars/Olympus")).isInstanceOf(BadArgumentsException.class)
                .hasMessageStartingWith("--zone: 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> parse("--zone")).isInstanceOf(BadArgumentsException.class)
                .hasMessage("Missing required parameter for option '--zone' (REGION=ZONE) (see --help)");
    }

    @Test
    void aBadZoneStopsTheRunWithExitCodeTwoBeforeAnyWork() {
        assertThat(IncidentTallyApplication.run(new String[] {"--zone=UA-14=Europe/Kiev-on-Sea"}, Map.of())).isEqualTo(2);
    }

    @Test
    void anotherZoneIsAnotherRunAndSurvivesTheJobRepository() {
        RunParameters kyiv = RunParameters.of(parse("--zone=UA-14=Europe/Kyiv"));
        RunParameters moscow = RunParameters.of(parse());

        assertThat(kyiv.sameRunAs(moscow)).isFalse();
        assertThat(RunParameters.of(kyiv.toJobParameters(7))).isEqualTo(kyiv);
        assertThat(RunParameters.of(kyiv.toJobParameters(7)).zones()).isEqualTo("UA-14=Europe/Kyiv");
        assertThat(RunParameters.of(moscow.toJobParameters(8)).sameRunAs(moscow)).isTrue();
    }
}
