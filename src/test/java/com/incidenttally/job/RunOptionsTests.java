package com.incidenttally.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.incidenttally.report.Language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunOptionsTests {

    /** A Wednesday. */
    private static final Instant NOW = Instant.parse("2025-12-17T10:00:00Z");

    private static RunOptions parse(String... args) {
        return RunOptions.parse(args, Map.of(), NOW);
    }

    @Test
    void noPeriodMeansEveryNight() {
        RunOptions options = parse();
        assertThat(options.label()).isEqualTo("all");
        assertThat(options.from()).isNull();
        assertThat(options.merge()).isTrue();
        assertThat(options.db()).isEqualTo("jdbc:h2:file:./data/incidents");
    }

    @Test
    void weekIsMondayToSundayEvenings() {
        RunOptions options = parse("--week=2025-W50");
        assertThat(options.label()).isEqualTo("2025-W50");
        assertThat(options.from()).isEqualTo(LocalDate.parse("2025-12-08"));
        assertThat(options.to()).isEqualTo(LocalDate.parse("2025-12-14"));
    }

    @Test
    void lastWeekIsTheLastCompleteWeekByTheClock() {
        RunOptions options = parse("--week=last");
        assertThat(options.label()).isEqualTo("2025-W50");
        assertThat(options.from()).isEqualTo(LocalDate.parse("2025-12-08"));
    }

    @Test
    void weekOneOfAYearThatStartsInDecember() {
        RunOptions options = parse("--week=2026-W01");
        assertThat(options.from()).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(options.to()).isEqualTo(LocalDate.parse("2026-01-04"));
    }

    @Test
    void rangeIsLabelledByItsEnds() {
        RunOptions options = parse("--from=2025-12-01", "--to=2025-12-14");
        assertThat(options.label()).isEqualTo("2025-12-01_2025-12-14");
    }

    @Test
    void flagsAndCredentials() {
        RunOptions options = RunOptions.parse(new String[] {"--no-merge", "--fail-on-rejects",
                "--db=jdbc:postgresql://localhost/x", "--night-window=22:00-05:00"},
                Map.of("INCIDENT_TALLY_DB_USER", "analyst", "INCIDENT_TALLY_DB_PASSWORD", "secret"), NOW);
        assertThat(options.merge()).isFalse();
        assertThat(options.failOnRejects()).isTrue();
        assertThat(options.dbUser()).isEqualTo("analyst");
        // The driver's connect timeout and keep-alive are added where the URL sets none (docs/operations.md).
        assertThat(options.springArguments()).contains(
                "--spring.datasource.url=jdbc:postgresql://localhost/x?connectTimeout=5&tcpKeepAlive=true",
                "--spring.datasource.password=secret");
        assertThat(options.nightWindow().toString()).isEqualTo("22:00-05:00");
    }

    @Test
    void valuesMayFollowTheirOptionAfterASpace() {
        RunOptions spaced = parse("--week", "2025-W50", "--night-window", "22:00-05:00", "--lang", "ru");
        RunOptions joined = parse("--week=2025-W50", "--night-window=22:00-05:00", "--lang=ru");

        assertThat(spaced).isEqualTo(joined);
        assertThat(spaced.from()).isEqualTo(LocalDate.parse("2025-12-08"));
    }

    @Test
    void languageIsEnglishUnlessRussianIsAskedFor() {
        assertThat(parse().language()).isEqualTo(Language.EN);
        assertThat(parse("--lang=ru").language()).isEqualTo(Language.RU);
        assertThat(parse("--lang=RU").language()).isEqualTo(Language.RU);
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        assertThatThrownBy(() -> parse("--weekk=last"))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("Unknown option: '--weekk=last' (see --help)")
                .extracting(e -> ((BadArgumentsException) e).hint()).isEqualTo("Possible solutions: --week");
    }

    @Test
    void usageListsEveryOptionWithItsValueAndTheExitCodes() {
        assertThat(RunOptions.usage()).contains("Usage: java -jar incident-tally.jar", "--input=DIR", "--output=DIR",
                "--week=2025-W50|last", "--from=DATE", "--to=DATE", "--db=JDBC_URL", "--db-user=NAME",
                "--db-password=SECRET", "--aliases=FILE", "--night-window=18:00-06:00", "--lang=en|ru", "--no-merge",
                "--fail-on-rejects", "--allow-empty", "--quiet", "--now=2025-12-15T09:00:00Z", "--help", "--version",
                "Exit codes:", "3     rows were rejected and --fail-on-rejects was given",
                "4     an input file was rejected whole, or the period has no incident");
    }

    @Test
    void versionNeedsNothingElse() {
        RunOptions options = parse("--version", "--input=does-not-exist");
        assertThat(options.version()).isTrue();
        assertThat(options.help()).isFalse();
        assertThat(RunOptions.versionText()).startsWith("incident-tally ");
    }

    @Test
    void anArgumentStartingWithAtIsNotReadAsAFileOfArguments() {
        assertThatThrownBy(() -> parse("@options.txt"))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessageContaining("'@options.txt'");
    }

    @Test
    void credentialsOnTheCommandLineComeBeforeTheEnvironment() {
        RunOptions options = RunOptions.parse(new String[] {"--db-user", "tally", "--db-password=s3cret"},
                Map.of("INCIDENT_TALLY_DB_USER", "analyst", "INCIDENT_TALLY_DB_PASSWORD", "secret"), NOW);

        assertThat(options.dbUser()).isEqualTo("tally");
        assertThat(options.springArguments()).contains("--spring.datasource.username=tally",
                "--spring.datasource.password=s3cret");
    }

    @Test
    void inputAndOutputFoldersAndAliasesAreTaken(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path aliases = java.nio.file.Files.writeString(dir.resolve("aliases.csv"),
                "input_name,region,canonical_name\nTZR,Volgograd Oblast,Traktorozavodsky District\n");

        RunOptions options = parse("--input", dir.toString(), "--output=" + dir.resolve("out"), "--aliases", aliases.toString(),
                "--now=2025-12-15T09:00:00+03:00");

        assertThat(options.input()).isEqualTo(dir);
        assertThat(options.output()).isEqualTo(dir.resolve("out"));
        assertThat(options.aliases()).isEqualTo(aliases);
        assertThat(options.now()).isEqualTo(Instant.parse("2025-12-15T06:00:00Z"));
    }

    @Test
    void helpNeedsNothingElse() {
        assertThat(parse("--help", "--input=does-not-exist").help()).isTrue();
    }

    @Test
    void aFolderOfSomeoneElsesWhereTheReportGoesIsRefusedBeforeAnyWork(@TempDir Path output) throws IOException {
        Path thesis = Files.createDirectories(output.resolve("2025-W50/x")).resolve("thesis.docx");
        Files.writeString(thesis, "t");

        assertThatThrownBy(() -> parse("--output=" + output, "--week=2025-W50"))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessageStartingWith(output.resolve("2025-W50") + " is in the way: a folder this job did not write");
        assertThat(parse("--output=" + output, "--week=2025-W49").label()).isEqualTo("2025-W49");
        assertThat(thesis).hasContent("t");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--week=50                      | --week must look like 2025-W50 or be 'last'",
            "--week=2025-W00                | 2025 has no week 0",
            "--from=2025-12-01              | give both --from and --to",
            "--from=2025-12-14 --to=2025-12-01 | --from 2025-12-14 is after --to 2025-12-01",
            "--from=1.12.2025 --to=2025-12-14 | --from must be a date like 2025-12-01",
            "--week=last --from=2025-12-01  | give either --week or --from/--to",
            "--night-window=late            | --night-window: expected HH:mm-HH:mm",
            "--db=jdbc:mysql://x            | --db must be a jdbc:h2: or jdbc:postgresql: URL",
            "--input=no-such-folder         | input folder not found: no-such-folder",
            "--aliases=no-such-file.csv     | aliases file not found: no-such-file.csv",
            "--no-merge=yes                 | option '--no-merge' should be specified without 'yes' parameter",
            "--input=                       | --input needs a value",
            "--input                        | Missing required parameter for option '--input' (DIR)",
            "--input --week=last            | Expected parameter for option '--input' but found '--week=last'",
            "input                          | Unmatched argument at index 0: 'input'",
            "--now=yesterday                | --now must be an instant",
            "--now=1999-12-31T23:00:00Z     | --now 1999-12-31T23:00:00Z is not a time the job can run at",
            "--now=+999999999-12-31T23:59:59Z | is not a time the job can run at: give one from 2000-01-01T00:00:00Z to 9998-12-31T23:59:59Z",
            "--now=9999-01-01T00:00:00Z     | --now 9999-01-01T00:00:00Z is not a time the job can run at",
            "--now=-999999999-01-01T00:00:00Z | is not a time the job can run at",
            "--from=0001-01-01 --to=9999-12-31 | the period starts on 0001-01-01, but no night before 2000-01-01 is ever counted",
            "--from=2025-12-01 --to=9999-12-31 --now=2025-12-10T09:00:00Z | the period ends on 9999-12-31, more than a year after the run's clock",
            "--week=2099-W01 --now=2025-12-10T09:00:00Z | the period ends on 2099-01-04, more than a year after",
            "--colour=red                   | Unknown option: '--colour=red'",
            "--week=last --week=2025-W50    | option '--week' (2025-W50|last) should be specified only once",
            "--lang=de                      | --lang must be en or ru, got 'de'",
            "--output=pom.xml               | --output is a file, not a folder: pom.xml",
            "--output=pom.xml/reports       | --output folder cannot be created: pom.xml/reports",
            "--output=/proc/x               | --output folder cannot be created: /proc/x",
    })
    void badArgumentsSayWhatIsWrong(String args, String message) {
        assertThatThrownBy(() -> parse(args.split(" ")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMappingFileIsPartOfWhatIdentifiesARunOnlyWhenGiven(@TempDir Path dir) throws IOException {
        Path columns = Files.writeString(dir.resolve("columns.csv"), "files,field,column,value\n,source,,Feed\n");

        RunParameters without = RunParameters.of(parse());
        RunParameters with = RunParameters.of(parse("--columns=" + columns));

        assertThat(without.toJobParameters(1).getParameter(RunParameters.COLUMNS)).isNull();
        assertThat(with.toJobParameters(1).getParameter(RunParameters.COLUMNS).identifying()).isTrue();
        assertThat(RunParameters.of(with.toJobParameters(1)).columns()).isEqualTo(columns.toAbsolutePath().normalize());
        assertThat(with.sameRunAs(without)).isFalse();
        assertThat(RunParameters.of(without.toJobParameters(1)).sameRunAs(without)).isTrue();
    }

    @Test
    void aMappingFileThatIsNotThereIsExitTwoBeforeAnyWork(@TempDir Path dir) {
        assertThatThrownBy(() -> parse("--columns=" + dir.resolve("nowhere.csv")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("--columns: " + dir.resolve("nowhere.csv") + ": no such file");
    }
}
