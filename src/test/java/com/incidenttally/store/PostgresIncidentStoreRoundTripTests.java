package com.incidenttally.store;

import com.incidenttally.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * The round trip on PostgreSQL, where rows go in with COPY, each test in a schema of its own.
 * Skipped without a server (INCIDENT_TALLY_TEST_POSTGRES_URL, as .ci/run sets it).
 */
@EnabledIfEnvironmentVariable(named = "INCIDENT_TALLY_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL server configured: set INCIDENT_TALLY_TEST_POSTGRES_URL (.ci/run does)")
class PostgresIncidentStoreRoundTripTests extends IncidentStoreRoundTripContract {

    private final String schema = "round_trip_" + UUID.randomUUID().toString().replace("-", "");
    private PGSimpleDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresTestDatabase.url());
        dataSource.setUser(PostgresTestDatabase.user());
        dataSource.setPassword(PostgresTestDatabase.password());
        new JdbcTemplate(dataSource).execute("CREATE SCHEMA " + schema);
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    @AfterEach
    void dropSchema() {
        new JdbcTemplate(dataSource).execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
