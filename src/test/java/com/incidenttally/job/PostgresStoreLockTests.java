package com.incidenttally.job;

import com.incidenttally.PostgresTestDatabase;
import com.incidenttally.IncidentTallyApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL, the store is held by an advisory lock: a run that finds it taken stops at once. */
@EnabledIfEnvironmentVariable(named = PostgresIncidentReportJobTests.URL, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL server configured: set INCIDENT_TALLY_TEST_POSTGRES_URL (.ci/run does)")
class PostgresStoreLockTests {

    @Test
    void aRunThatFindsTheStoreHeldStopsWithExitOne(@TempDir Path output) throws Exception {
        String url = PostgresTestDatabase.url();
        String user = PostgresTestDatabase.user();
        String password = PostgresTestDatabase.password();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Connection otherRun = DriverManager.getConnection(url, user, password);
             Statement statement = otherRun.createStatement();
             ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + StoreLock.LOCK_KEY + ")")) {
            locked.next();
            assertThat(locked.getBoolean(1)).isTrue();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));

            int code = IncidentTallyApplication.run(new String[] {"--input=input", "--output=" + output, "--db=" + url,
                    "--db-user=" + user, "--db-password=" + password}, Map.of());

            assertThat(code).isEqualTo(1);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("another incident-tally run is using this store; this run stops without changing anything");
        assertThat(output.resolve("all")).doesNotExist();
    }
}
