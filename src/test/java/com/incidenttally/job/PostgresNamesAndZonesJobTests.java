package com.incidenttally.job;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL, when INCIDENT_TALLY_TEST_POSTGRES_URL points to a server (.ci/run sets it). */
@SpringBootTest
@EnabledIfEnvironmentVariable(named = PostgresIncidentReportJobTests.URL, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL server configured: set INCIDENT_TALLY_TEST_POSTGRES_URL (.ci/run does)")
class PostgresNamesAndZonesJobTests extends NamesAndZonesJobContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresIncidentReportJobTests.postgres(registry);
    }
}
