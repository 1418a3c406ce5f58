package com.incidenttally.job;

import com.incidenttally.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end tests on PostgreSQL, with the same SQL. {@code .ci/run} starts a server and sets
 * INCIDENT_TALLY_TEST_POSTGRES_URL (and _USER, _PASSWORD); without it these tests are skipped.
 */
@SpringBootTest
@EnabledIfEnvironmentVariable(named = PostgresIncidentReportJobTests.URL, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL server configured: set INCIDENT_TALLY_TEST_POSTGRES_URL (.ci/run does)")
class PostgresIncidentReportJobTests extends IncidentReportJobContract {

    static final String URL = PostgresTestDatabase.URL;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresTestDatabase::url);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
    }
}
