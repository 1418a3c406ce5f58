package com.incidenttally.job;

import com.incidenttally.ingest.ColumnMapping;
import com.incidenttally.ingest.ColumnMappingException;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.normalize.EventWords;
import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.normalize.RegionZones;
import com.incidenttally.places.AliasFileException;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
import com.incidenttally.report.OutputFolder;
import com.incidenttally.sources.SourceAliasFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        boolean allowEmpty,
        boolean quiet,
        Instant now,
        Language language,
        boolean help,
        boolean version,
        RegionZones zones,
        Path columns,
        boolean acceptRemovals) {

    static final String DEFAULT_DB = "jdbc:h2:file:./data/incidents";

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /**
     * The command line as picocli reads it: one typed field per option, each converted and checked
     * where it is parsed, so a mistake is one line naming the option. What depends on several
     * options (a week or a range, folders, the aliases file) is checked in {@link #parse}.
     */
    @Command(name = "java -jar incident-tally.jar", mixinStandardHelpOptions = true,
            versionProvider = Arguments.Version.class, sortOptions = false, abbreviateSynopsis = true,
            usageHelpWidth = 100, optionListHeading = "%nOptions (--name=value or --name value):%n",
            description = {"Reads every *.csv and *.xlsx under the input folder, validates and merges the reports,",
                    "and writes reports/<label>/: incident-report-<label>.xlsx, charts/*.png, summary.json,",
                    "rejected.csv and unresolved-names.csv."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                    "0:done (rejected rows included: see rejected.csv)",
                    "1:the job failed (the message says why), or another run holds the store",
                    "2:bad arguments",
                    "3:rows were rejected and --fail-on-rejects was given",
                    "4:an input file was rejected whole, or the period has no incident%n"
                            + "(see --allow-empty); the report is written all the same;%n"
                            + "or a sync would remove more than half of the stored files%n"
                            + "(see --accept-removals): nothing is changed",
                    "143:stopped by SIGTERM; run it again to resume"})
    static final class Arguments {

        @Option(names = "--input", paramLabel = "DIR", description = "input folder, searched recursively (default: input)")
        Path input = Path.of("input");

        @Option(names = "--output", paramLabel = "DIR", description = "where report folders go (default: reports)")
        Path output = Path.of("reports");

        @Option(names = "--week", paramLabel = "2025-W50|last",
                description = "one ISO week of nights; 'last' is the week before this one")
        String week;

        @Option(names = "--from", paramLabel = "DATE", converter = EveningDate.class,
                description = "first night by evening date, inclusive (yyyy-MM-dd); with --to")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", converter = EveningDate.class,
                description = {"last night by evening date, inclusive (yyyy-MM-dd)", "(no period: every night in the store)"})
        LocalDate to;

        @Option(names = "--db", paramLabel = "JDBC_URL", converter = StoreUrlValue.class,
                description = {"the store (default: an H2 file under data/);", "e.g. jdbc:postgresql://localhost:5432/incidents"})
        String db = DEFAULT_DB;

        @Option(names = "--db-user", paramLabel = "NAME", description = "database user (or INCIDENT_TALLY_DB_USER)")
        String dbUser;

        @Option(names = "--db-password", paramLabel = "SECRET",
                description = "database password (or INCIDENT_TALLY_DB_PASSWORD)")
        String dbPassword;

        @Option(names = "--columns", paramLabel = "FILE",
                description = {"how to read layouts of your own: files,field,column,value", "(see docs/input.md)"})
        Path columns;

        @Option(names = "--aliases", paramLabel = "FILE",
                description = {"your own spellings of places, sources and event words:",
                        "input_name,region,canonical_name[,kind] (see docs/places.md)"})
        Path aliases;

        @Option(names = "--night-window", paramLabel = "18:00-06:00", converter = NightWindowValue.class,
                description = "the hours that count as night-time")
        NightWindow nightWindow = NightWindow.DEFAULT;

        @Option(names = "--zone", paramLabel = "REGION=ZONE", description = {
                "the local time of a region's reports, e.g.", "--zone=UA-14=Europe/Kyiv for official Ukrainian data",
                "(repeat for more regions; default: the gazetteer's zone)"})
        List<String> zones = new ArrayList<>();

        @Option(names = "--lang", paramLabel = "en|ru", converter = LanguageValue.class,
                description = "the language of the workbook and charts (default: en)")
        Language language = Language.EN;

        @Option(names = "--no-merge", arity = "0",
                description = "count every row as its own incident (ids, exact duplicates still merge)")
        boolean noMerge;

        @Option(names = "--fail-on-rejects", arity = "0", description = "exit 3 when any input row was rejected")
        boolean failOnRejects;

        @Option(names = "--allow-empty", arity = "0", description = "exit 0, not 4, when the period has no incident (quiet weeks)")
        boolean allowEmpty;

        @Option(names = "--accept-removals", arity = "0", description = {
                "let a run remove more than half of the files the store holds",
                "(without it such a run stops with exit 4 and changes nothing)"})
        boolean acceptRemovals;

        @Option(names = "--quiet", arity = "0", description = "print only warnings and the closing lines (for cron mail)")
        boolean quiet;

        @Option(names = "--now", paramLabel = "2025-12-15T09:00:00Z", converter = Clock.class, description = {
                "run as if at this instant (the clock for 'last' week and for", "rejecting dates in the future)"})
        Instant now;

        /** The version the build wrote into application.properties. */
        static final class Version implements IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[] {"incident-tally " + applicationVersion()};
            }
        }

        static final class EveningDate implements ITypeConverter<LocalDate> {
            @Override
            public LocalDate convert(String value) {
                try {
                    return LocalDate.parse(value.strip());
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("must be a date like 2025-12-01, got '" + value + "'");
                }
            }
        }

        static final class StoreUrlValue implements ITypeConverter<String> {
            @Override
            public String convert(String value) {
                if (!value.startsWith("jdbc:h2:") && !value.startsWith("jdbc:postgresql:")) {
                    throw new TypeConversionException("must be a jdbc:h2: or jdbc:postgresql: URL, got " + value);
                }
                return value;
            }
        }

        static final class NightWindowValue implements ITypeConverter<NightWindow> {
            @Override
            public NightWindow convert(String value) {
                try {
                    return NightWindow.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException(": " + e.getMessage());
                }
            }
        }

        static final class LanguageValue implements ITypeConverter<Language> {
            @Override
            public Language convert(String value) {
                try {
                    return Language.of(value);
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException("must be en or ru, got '" + value + "'");
                }
            }
        }

        static final class Clock implements ITypeConverter<Instant> {
            @Override
            public Instant convert(String value) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    try {
                        return OffsetDateTime.parse(value).toInstant();
                    } catch (DateTimeParseException e2) {
                        throw new TypeConversionException("must be an instant like 2025-12-15T09:00:00Z, got '" + value + "'");
                    }
                }
            }
        }
    }

    private static CommandLine commandLine(Arguments arguments) {
        CommandLine commandLine = new CommandLine(arguments);
        // An argument beginning with @ is a value, never a file of arguments to read.
        commandLine.setExpandAtFiles(false);
        // "--lang=RU" and "--lang=ru" are one value; option names stay exact.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    public static String usage() {
        return commandLine(new Arguments()).getUsageMessage(CommandLine.Help.Ansi.OFF);
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
        Arguments a = new Arguments();
        ParseResult parsed;
        try {
            parsed = commandLine(a).parseArgs(args);
        } catch (ParameterException e) {
            throw BadArgumentsException.of(e);
        }
        if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return new RunOptions(null, null, null, null, null, null, null, null, null, null, true, false, false, false,
                    null, Language.EN, parsed.isUsageHelpRequested(), parsed.isVersionHelpRequested(), RegionZones.DEFAULT,
                    null, false);
        }
        for (OptionSpec option : parsed.matchedOptions()) {
            for (String value : option.originalStringValues()) {
                if (option.arity().max() > 0 && value.isBlank()) {
                    String name = option.longestName();
                    throw new BadArgumentsException(name + " needs a value: " + name + "=...");
                }
            }
        }
        Instant now = a.now != null ? a.now : systemNow;
        if (a.now != null && (now.isBefore(EARLIEST_CLOCK) || now.isAfter(LATEST_CLOCK))) {
            throw new BadArgumentsException("--now " + a.now + " is not a time the job can run at: give one from "
                    + EARLIEST_CLOCK + " to " + LATEST_CLOCK);
        }
        String week = a.week;
        LocalDate from = a.from;
        LocalDate to = a.to;
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
        if (from != null && from.isBefore(IncidentNormalizer.EARLIEST_NIGHT)) {
            // Each night of a period costs the report a column and a row, with incidents or without.
            throw new BadArgumentsException("the period starts on " + from + ", but no night before "
                    + IncidentNormalizer.EARLIEST_NIGHT + " is ever counted: start it on "
                    + IncidentNormalizer.EARLIEST_NIGHT + " or later");
        }
        LocalDate latestEnd = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(MAX_DAYS_AHEAD);
        if (to != null && to.isAfter(latestEnd)) {
            throw new BadArgumentsException("the period ends on " + to + ", more than a year after the run's clock ("
                    + now + "), and no report of a night after that clock is ever counted: end it on " + latestEnd
                    + " or earlier");
        }
        if (a.aliases != null && !Files.isRegularFile(a.aliases)) {
            throw new BadArgumentsException("aliases file not found: " + a.aliases);
        }
        if (a.aliases != null) {
            try {
                // A mistake in the aliases file is found here, before any work starts.
                Gazetteer.bundled().withAliases(a.aliases);
                SourceAliasFile.read(a.aliases);
                EventWords.fromAliasFile(a.aliases);
            } catch (AliasFileException | IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new BadArgumentsException("aliases file: " + e.getMessage());
            }
        }
        RegionZones zones;
        try {
            // The gazetteer is read only to check a --zone: a run without one does not pay for it here.
            zones = a.zones.isEmpty() ? RegionZones.DEFAULT : RegionZones.parse(a.zones, Gazetteer.bundled());
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException("--zone: " + e.getMessage());
        }
        String user = a.dbUser != null ? a.dbUser : env.get("INCIDENT_TALLY_DB_USER");
        String password = a.dbPassword != null ? a.dbPassword : env.get("INCIDENT_TALLY_DB_PASSWORD");
        return new RunOptions(a.input, a.output, week, from, to, a.db, user, password, a.aliases, a.nightWindow,
                !a.noMerge, a.failOnRejects, a.allowEmpty, a.quiet, now, a.language, false, false, zones, a.columns,
                a.acceptRemovals).checkColumns().checkFolders();
    }

    /**
     * The mapping file ({@code --columns}) checked against the input folder before any work: a
     * mistake in it is one line naming its line, and exit code 2.
     */
    RunOptions checkColumns() {
        if (columns == null) {
            return this;
        }
        try {
            ColumnMapping mapping = ColumnMapping.read(columns);
            List<String> files;
            try {
                files = InputFiles.scan(input, output).files().stream().map(f -> InputFiles.relativeName(input, f)).toList();
            } catch (IOException e) {
                // The input folder's own problems are said where it is read.
                files = List.of();
            }
            // A workbook's sheets are checked as they are read (a sheet without a mapped column is skipped, saying so).
            mapping.check(files, name -> InputFiles.isWorkbook(name) ? null : ColumnMapping.csvHeader(input.resolve(name)));
        } catch (ColumnMappingException e) {
            throw new BadArgumentsException("--columns: " + e.getMessage());
        }
        return this;
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
        if (quiet) {
            // Progress and notes go; warnings and the closing lines (printed, not logged) stay.
            arguments.add("--logging.level.incident-tally=WARN");
        }
        return arguments;
    }

    /** The clocks a run may be given with --now: the nights the job counts, and a year it can still name. */
    static final Instant EARLIEST_CLOCK = IncidentNormalizer.EARLIEST_NIGHT.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    static final Instant LATEST_CLOCK = Instant.parse("9998-12-31T23:59:59Z");
    /** How far after the run's clock a period may end: a year, for a plan, not a typo's thousand years. */
    static final int MAX_DAYS_AHEAD = 366;

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
}
