package com.incidenttally.job;

import com.incidenttally.ingest.InputFiles;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.normalize.RegionZones;
import com.incidenttally.places.AliasFileException;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
import com.incidenttally.report.OutputFolder;
import com.incidenttally.sources.SourceAliasFile;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Properties;
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
        Language language,
        boolean help,
        boolean version,
        RegionZones zones,
        boolean acceptRemovals) {

    static final String DEFAULT_DB = "jdbc:h2:file:./data/incidents";

    /** Options that may be given more than once. */
    private static final Set<String> REPEATABLE = Set.of("zone");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /**
     * Every option: its name, the placeholder its value is shown with (null for a flag) and what
     * it does, in the order --help lists them. Adding an option is one line here and a
     * {@code values.get(name)} below.
     */
    private static final List<String[]> OPTIONS = List.of(
            new String[] {"input", "DIR", "input folder, searched recursively (default: input)"},
            new String[] {"output", "DIR", "where report folders go (default: reports)"},
            new String[] {"week", "2025-W50|last", "one ISO week of nights; 'last' is the last complete week"},
            new String[] {"from", "DATE", "first night by evening date, inclusive (yyyy-MM-dd); with --to"},
            new String[] {"to", "DATE", "last night by evening date, inclusive (yyyy-MM-dd)%n"
                    + "(no period: every night in the store)"},
            new String[] {"db", "JDBC_URL", "the store (default: an H2 file under data/);%n"
                    + "e.g. jdbc:postgresql://localhost:5432/incidents"},
            new String[] {"db-user", "NAME", "database user (or INCIDENT_TALLY_DB_USER)"},
            new String[] {"db-password", "SECRET", "database password (or INCIDENT_TALLY_DB_PASSWORD)"},
            new String[] {"aliases", "FILE", "your own place spellings: input_name,region,canonical_name"},
            new String[] {"night-window", "18:00-06:00", "the hours that count as night-time"},
            new String[] {"zone", "REGION=ZONE", "the local time of a region's reports, e.g.%n"
                    + "--zone=UA-14=Europe/Kyiv for official Ukrainian data%n"
                    + "(repeat for more regions; default: the gazetteer's zone)"},
            new String[] {"lang", "en|ru", "the language of the workbook and charts (default: en)"},
            new String[] {"no-merge", null, "count every row as its own incident (ids and exact duplicates still merge)"},
            new String[] {"fail-on-rejects", null, "exit 3 when any input row or file was rejected"},
            new String[] {"accept-removals", null, "let a run remove more than half of the files the store holds%n"
                    + "(without it such a run stops with exit 4 and changes nothing)"},
            new String[] {"now", "2025-12-15T09:00:00Z", "run as if at this instant (the clock for 'last' week and for"
                    + " rejecting dates in the future)"});

    /** The command line as picocli reads it: usage, errors and suggestions are the ones people know. */
    private static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name("java -jar incident-tally.jar");
        spec.mixinStandardHelpOptions(true);
        spec.version("incident-tally " + applicationVersion());
        for (String[] option : OPTIONS) {
            OptionSpec.Builder builder = OptionSpec.builder("--" + option[0]).description(option[2]);
            if (option[1] == null) {
                builder.arity("0").type(boolean.class);
            } else if (REPEATABLE.contains(option[0])) {
                builder.arity("1").type(String[].class).paramLabel(option[1]);
            } else {
                builder.arity("1").type(String.class).paramLabel(option[1]);
            }
            spec.addOption(builder.build());
        }
        spec.usageMessage()
                .description("Reads every *.csv under the input folder, validates and merges the reports, and writes",
                        "reports/<label>/: incident-report-<label>.xlsx, charts/*.png, summary.json, rejected.csv.")
                .optionListHeading("%nOptions (--name=value or --name value):%n")
                .sortOptions(false)
                .abbreviateSynopsis(true)
                .longOptionsMaxWidth(34)
                .width(100)
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(UsageMessageSpec.keyValuesMap(
                        "0:done (rejected rows included: see rejected.csv)",
                        "1:the job failed (the message says why), or another run holds the store",
                        "2:bad arguments",
                        "3:rows or files were rejected and --fail-on-rejects was given",
                        "4:a sync would remove more than half of the stored files (--accept-removals)"));
        CommandLine commandLine = new CommandLine(spec);
        // An argument beginning with @ is a value, never a file of arguments to read.
        commandLine.setExpandAtFiles(false);
        return commandLine;
    }

    public static String usage() {
        return commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    public static String versionText() {
        return "incident-tally " + applicationVersion() + System.lineSeparator();
    }

    private static String applicationVersion() {
        try (InputStream in = RunOptions.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("incident-tally.version", "");
            return version.isEmpty() || version.startsWith("@") ? "(development build)" : version;
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    public static RunOptions parse(String[] args, Map<String, String> env, Instant systemNow) {
        ParseResult parsed;
        try {
            parsed = commandLine().parseArgs(args);
        } catch (ParameterException e) {
            throw BadArgumentsException.of(e);
        }
        if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return new RunOptions(null, null, null, null, null, null, null, null, null, null, true, false, null,
                    Language.EN, parsed.isUsageHelpRequested(), parsed.isVersionHelpRequested(), RegionZones.DEFAULT, false);
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> zoneChoices = new java.util.ArrayList<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            String name = option.longestName().substring(2);
            if (REPEATABLE.contains(name)) {
                for (String value : (String[]) option.getValue()) {
                    if (value.isBlank()) {
                        throw new BadArgumentsException("--" + name + " needs a value: --" + name + "=...");
                    }
                    zoneChoices.add(value);
                }
                continue;
            }
            String value = option.arity().max() == 0 ? null : String.valueOf((Object) option.getValue());
            if (value != null && value.isBlank()) {
                throw new BadArgumentsException("--" + name + " needs a value: --" + name + "=...");
            }
            values.put(name, value);
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
                SourceAliasFile.read(aliases);
            } catch (AliasFileException | IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new BadArgumentsException("aliases file: " + e.getMessage());
            }
        }
        RegionZones zones;
        try {
            // The gazetteer is read only to check a --zone: a run without one does not pay for it here.
            zones = zoneChoices.isEmpty() ? RegionZones.DEFAULT : RegionZones.parse(zoneChoices, Gazetteer.bundled());
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException("--zone: " + e.getMessage());
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
        Language language;
        try {
            language = values.containsKey("lang") ? Language.of(values.get("lang")) : Language.EN;
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException("--lang must be en or ru, got '" + values.get("lang") + "'");
        }
        String user = values.getOrDefault("db-user", env.get("INCIDENT_TALLY_DB_USER"));
        String password = values.getOrDefault("db-password", env.get("INCIDENT_TALLY_DB_PASSWORD"));
        return new RunOptions(input, output, week, from, to, db, user, password, aliases, window,
                !values.containsKey("no-merge"), values.containsKey("fail-on-rejects"), now, language, false, false,
                zones, values.containsKey("accept-removals")).checkFolders();
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
        RunParameters.tooLong(this).ifPresent(problem -> {
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
        arguments.add("--spring.datasource.url=" + StoreUrl.withDriverDefaults(db));
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
