package com.incidenttally.job;

import com.incidenttally.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL as a careless operator gives it (issue 17): a database that is not UTF-8, and a server
 * that goes away in the middle of a run.
 */
@EnabledIfEnvironmentVariable(named = PostgresIncidentReportJobTests.URL, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL server configured: set INCIDENT_TALLY_TEST_POSTGRES_URL (.ci/run does)")
class PostgresHostileTests {

    private static final String URL = PostgresTestDatabase.url();
    private static final String USER = PostgresTestDatabase.user();
    private static final String PASSWORD = PostgresTestDatabase.password();

    @Test
    void aDatabaseNotInUtf8IsRefusedBeforeAnyWorkWithTheLineThatCreatesARightOne(@TempDir Path dir) throws Exception {
        String name = "incident_tally_ascii_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'"
                    + " TEMPLATE template0");
        }
        try {
            String ascii = URL.substring(0, URL.lastIndexOf('/') + 1) + name;

            com.incidenttally.ConsoleLines.Run run = HostileWorldTests.run("--input=input", "--output=" + dir.resolve("reports"),
                    "--db=" + ascii, "--db-user=" + USER, "--db-password=" + PASSWORD);

            assertThat(run.code()).as(run.output()).isEqualTo(2);
            assertThat(run.output().strip()).isEqualTo("incident-tally: the database " + name + " is in SQL_ASCII,"
                    + " not UTF-8, and cannot hold Cyrillic text; nothing was changed. Create one in UTF-8 (psql:"
                    + " CREATE DATABASE " + name + "_utf8 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE"
                    + " template0;) and give it in --db");
            try (Connection check = DriverManager.getConnection(ascii, USER, PASSWORD);
                 var tables = check.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("tables made in the refused database").isZero();
            }
            assertThat(dir.resolve("reports/all")).doesNotExist();
        } finally {
            try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aServerThatGoesAwayMidRunIsOneLineWithinSecondsAndTheRerunResumes(@TempDir Path dir) throws Exception {
        try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            // An empty store, as a fresh run would find it.
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        ChildRun.writeInput(dir.resolve("input"), 3, 2_000);
        URI server = URI.create(URL.substring("jdbc:".length()));
        try (Proxy proxy = new Proxy(server.getHost(), server.getPort())) {
            String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath();
            String[] args = {"--input=" + dir.resolve("input"), "--output=" + dir.resolve("reports"),
                    "--db=" + viaProxy, "--db-user=" + USER, "--db-password=" + PASSWORD, "--now=2025-12-10T09:00:00Z"};
            ChildRun run = ChildRun.start(List.of("-Dincident-tally.chunk-size=20",
                    "-Dlogging.level.incident-tally.steps=DEBUG"), args);
            assertThat(run.awaitLine(line -> line.contains("Reading file 2/3"), 300)).as(run.output()).isTrue();
            int linesBefore = run.output().split("\n").length;

            long stopped = System.nanoTime();
            proxy.close();
            int code = run.waitFor(60);
            double seconds = (System.nanoTime() - stopped) / 1e9;

            assertThat(code).as(run.output()).isEqualTo(1);
            assertThat(seconds).as(run.output()).isLessThan(10);
            List<String> after = List.of(run.output().split("\n")).subList(linesBefore, run.output().split("\n").length);
            assertThat(after).as(run.output()).hasSize(1);
            assertThat(com.incidenttally.ConsoleLines.unstamped(after.get(0))).startsWith("FAILED: the database went away during the reading of the input files (")
                    .endsWith("); run it again with the same options to resume");

            // The server is back (the same one, reached directly): the run resumes and ends whole.
            args[2] = "--db=" + URL;
            com.incidenttally.ConsoleLines.Run rerun = HostileWorldTests.run(args);
            assertThat(rerun.code()).as(rerun.output()).isZero();
            assertThat(rerun.output()).contains("Restarting the failed run", "6,007 rows read, 6,000 accepted, 7 rejected");
        }
    }

    @Test
    void listsAreInJavasOrderWhateverTheDatabasesCollation(@TempDir Path dir) throws Exception {
        String name = "incident_tally_icu_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            // en-US orders case, punctuation and accents unlike Java's String order.
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
                    + " LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        try {
            Path input = HostileWorldTests.writeNamesACollationOrdersOtherwise(dir.resolve("input"));
            String enUs = URL.substring(0, URL.lastIndexOf('/') + 1) + name;

            com.incidenttally.ConsoleLines.Run run = HostileWorldTests.run("--input=" + input, "--output=" + dir.resolve("reports"),
                    "--db=" + enUs, "--db-user=" + USER, "--db-password=" + PASSWORD, "--now=2025-12-10T09:00:00Z");

            // Every row rejected: no incident, so exit code 4 with the report written.
            assertThat(run.code()).as(run.output()).isEqualTo(4);
            assertThat(HostileWorldTests.filesListed(dir.resolve("reports/all/rejected.csv")))
                    .isEqualTo(HostileWorldTests.COLLATED_NAMES.stream().sorted().toList());
        } finally {
            try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** A TCP relay on the loopback address to the server: closing it is the server going away. */
    private static final class Proxy implements AutoCloseable {
        private final ServerSocket listening;
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        Proxy(String host, int port) throws IOException {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        Socket upstream = new Socket(host, port);
                        open.add(client);
                        open.add(upstream);
                        relay(client.getInputStream(), upstream.getOutputStream());
                        relay(upstream.getInputStream(), client.getOutputStream());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "proxy");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return listening.getLocalPort();
        }

        private static void relay(InputStream from, OutputStream to) {
            Thread thread = new Thread(() -> {
                try {
                    from.transferTo(to);
                } catch (IOException ignored) {
                    // The proxy closed.
                }
            }, "proxy-relay");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listening.close();
            for (Socket socket : open) {
                socket.close();
            }
        }
    }
}
