package com.incidenttally.job;

import com.incidenttally.ingest.InputFiles;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.places.AliasFileException;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.OutputFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line, parsed and checked before anything starts, so a mistake costs one clear line
 * and exit code 2 rather than a stack trace.
 */
public record RunOptions(
        Path input,
        Path output,
        String week,
        LocalDate from,
        LocalDate to,
        String db,
        String dbUser,
        String dbPassword,
        Path aliases,
        NightWindow nightWindow,
        boolean merge,
        boolean failOnRejects,
        Instant now,
        boolean help) {

    static final String DEFAULT_DB = "jdbc:h2:file:./data/incidents";

    private static final Set<String> FLAGS = Set.of("no-merge", "fail-on-rejects", "help");
    private static final Set<String> VALUED = Set.of("input", "output", "week", "from", "to", "db", "db-user",
            "db-password", "aliases", "night-window", "now");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static String usage() {
        return """
                Usage: java -jar incident-tally.jar [options]

                Reads every *.csv under the input folder, validates and merges the reports, and writes
                reports/<label>/: incident-report-<label>.xlsx, charts/*.png, summary.json, rejected.csv.

                Options:
                  --input=DIR               input folder, searched recursively (default: input)
                  --output=DIR              where report folders go (default: reports)
                  --week=2025-W50|last      one ISO week of nights; 'last' is the last complete week
                  --from=DATE --to=DATE     nights by evening date, inclusive (yyyy-MM-dd)
                                            (no period: every night in the input)
                  --db=JDBC_URL             the store (default: an H2 file under data/);
                                            e.g. jdbc:postgresql://localhost:5432/incidents
                  --db-user=NAME            database user (or INCIDENT_TALLY_DB_USER)
                  --db-password=SECRET      database password (or INCIDENT_TALLY_DB_PASSWORD)
                  --aliases=FILE            your own place spellings: input_name,region,canonical_name
                  --night-window=18:00-06:00  the hours that count as night-time
                  --no-merge                count every row as its own incident (ids and exact
                                            duplicates still merge)
                  --fail-on-rejects         exit 3 when any input row or file was rejected
                  --now=2025-12-15T09:00:00Z  run as if at this instant (the clock for 'last' week and
                                            for rejecting dates in the future)
                  --help                    this text

                Exit codes: 0 done (rejected rows included), 1 the job failed, 2 bad arguments,
                3 rows or files were rejected and --fail-on-rejects was given.
                """;
    }

    public static RunOptions parse(String[] args, Map<String, String> env, Instant systemNow) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new BadArgumentsException("unexpected argument '" + arg + "': options look like --name=value (see --help)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new BadArgumentsException("--" + name + " takes no value");
                }
            } else if (VALUED.contains(name)) {
                if (value == null || value.isBlank()) {
                    throw new BadArgumentsException("--" + name + " needs a value: --" + name + "=...");
                }
            } else {
                throw new BadArgumentsException("unknown option --" + name + " (see --help)");
            }
            if (values.put(name, value) != null && !FLAGS.contains(name)) {
                throw new BadArgumentsException("--" + name + " given twice");
            }
        }
        if (values.containsKey("help")) {
            return new RunOptions(null, null, null, null, null, null, null, null, null, null, true, false, null, true);
        }
        Instant now = values.containsKey("now") ? instant(values.get("now")) : systemNow;
        Path input = Path.of(values.getOrDefault("input", "input"));
        Path output = Path.of(values.getOrDefault("output", "reports"));
        String week = values.get("week");
        LocalDate from = values.containsKey("from") ? date("from", values.get("from")) : null;
        LocalDate to = values.containsKey("to") ? date("to", values.get("to")) : null;
        if (week != null && (from != null || to != null)) {
            throw new BadArgumentsException("give either --week or --from/--to, not both");
        }
        if (week != null) {
            LocalDate monday = weekStart(week, now);
            from = monday;
            to = monday.plusDays(6);
            week = NightCalendar.isoWeek(monday);
        } else if ((from == null) != (to == null)) {
            throw new BadArgumentsException("give both --from and --to (evening dates, inclusive)");
        } else if (from != null && from.isAfter(to)) {
            throw new BadArgumentsException("--from " + from + " is after --to " + to);
        }
        Path aliases = values.containsKey("aliases") ? Path.of(values.get("aliases")) : null;
        if (aliases != null && !Files.isRegularFile(aliases)) {
            throw new BadArgumentsException("aliases file not found: " + aliases);
        }
        if (aliases != null) {
            try {
                // A mistake in the aliases file is found here, before any work starts.
                Gazetteer.bundled().withAliases(aliases);
            } catch (AliasFileException e) {
                throw new BadArgumentsException("aliases file: " + e.getMessage());
            }
        }
        NightWindow window;
        try {
            window = values.containsKey("night-window") ? NightWindow.parse(values.get("night-window")) : NightWindow.DEFAULT;
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException("--night-window: " + e.getMessage());
        }
        String db = values.getOrDefault("db", DEFAULT_DB);
        if (!db.startsWith("jdbc:h2:") && !db.startsWith("jdbc:postgresql:")) {
            throw new BadArgumentsException("--db must be a jdbc:h2: or jdbc:postgresql: URL, got " + db);
        }
        String user = values.getOrDefault("db-user", env.get("INCIDENT_TALLY_DB_USER"));
        String password = values.getOrDefault("db-password", env.get("INCIDENT_TALLY_DB_PASSWORD"));
        return new RunOptions(input, output, week, from, to, db, user, password, aliases, window,
                !values.containsKey("no-merge"), values.containsKey("fail-on-rejects"), now, false).checkFolders();
    }

    /**
     * The folders checked before any work, whatever parsed the command line: the input folder can
     * be read, and the output folder can be written and holds nothing of anyone else's where the
     * report goes. Each problem is one line and exit code 2.
     */
    public RunOptions checkFolders() {
        InputFiles.checkFolder(input).ifPresent(problem -> {
            throw new BadArgumentsException(problem);
        });
        OutputFolder.check(output, label()).ifPresent(problem -> {
            throw new BadArgumentsException(problem);
        });
        return this;
    }

    /** The report folder's name: the ISO week, the range, or {@code all}. */
    public String label() {
        if (week != null) {
            return week;
        }
        return from == null ? "all" : from + "_" + to;
    }

    /** How the period was asked for, as the job parameter that identifies a run. */
    String periodSpec() {
        return from == null ? "all" : label();
    }

    /** Spring properties for the store; the password never becomes a job parameter. */
    public List<String> springArguments() {
        List<String> arguments = new java.util.ArrayList<>();
        arguments.add("--spring.datasource.url=" + db);
        if (dbUser != null) {
            arguments.add("--spring.datasource.username=" + dbUser);
        }
        if (dbPassword != null) {
            arguments.add("--spring.datasource.password=" + dbPassword);
        }
        return arguments;
    }

    private static LocalDate weekStart(String week, Instant now) {
        if ("last".equals(week)) {
            LocalDate today = LocalDate.ofInstant(now, java.time.ZoneId.systemDefault());
            return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        }
        Matcher m = WEEK.matcher(week);
        if (!m.matches()) {
            throw new BadArgumentsException("--week must look like 2025-W50 or be 'last', got '" + week + "'");
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        LocalDate probe = LocalDate.of(year, 6, 1);
        if (number < 1 || number > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new BadArgumentsException("--week: " + year + " has no week " + number);
        }
        return probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadArgumentsException("--" + option + " must be a date like 2025-12-01, got '" + value + "'");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new BadArgumentsException("--now must be an instant like 2025-12-15T09:00:00Z, got '" + value + "'");
            }
        }
    }
}
