package com.incidenttally.job;

import com.incidenttally.normalize.NightWindow;
import com.incidenttally.report.Language;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * One run's settings as job parameters. The identifying ones say which run this is: a failed run
 * started again with the same options is restarted, not begun anew.
 */
record RunParameters(Path input, Path output, String label, LocalDate from, LocalDate to, Path aliases,
                     NightWindow nightWindow, boolean merge, boolean failOnRejects, Instant clock, String zones,
                     Language language, Path columns) {

    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String PERIOD = "period";
    static final String FROM = "from";
    static final String TO = "to";
    static final String ALIASES = "aliases";
    static final String NIGHT_WINDOW = "night.window";
    static final String MERGE = "merge";
    static final String FAIL_ON_REJECTS = "fail.on.rejects";
    static final String CLOCK = "run.clock";
    static final String RUN_ID = "run.id";
    /** The run's choice of zones, {@code UA-09=Europe/Kyiv,UA-14=Europe/Kyiv}; empty for the gazetteer's. */
    static final String ZONES = "zones";
    /** The report's language, {@code en} or {@code ru}; absent in runs of earlier versions, which were English. */
    static final String LANG = "lang";
    /** The mapping file ({@code --columns}); absent in runs of earlier versions, which had none. */
    static final String COLUMNS = "columns";

    /** The most characters a job parameter's value may have: the run history's column (Spring Batch's schema). */
    static final int MAX_VALUE = 2_500;

    /**
     * Why these options cannot be kept in the run history, as the one line a person reads, or
     * empty: a value longer than its column would fail the run after work began.
     */
    static java.util.Optional<String> tooLong(RunOptions options) {
        RunParameters run = of(options);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("--input folder's path", run.input.toString());
        values.put("--output folder's path", run.output.toString());
        values.put("--aliases file's path", run.aliases == null ? "" : run.aliases.toString());
        values.put("--zone options", run.zones);
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (value.getValue().length() > MAX_VALUE) {
                return java.util.Optional.of(String.format(java.util.Locale.ROOT, "the %s is %,d characters long;"
                        + " the run history keeps at most %,d: use a shorter one (a symbolic link to a folder is one)",
                        value.getKey(), value.getValue().length(), MAX_VALUE));
            }
        }
        return java.util.Optional.empty();
    }

    static RunParameters of(RunOptions options) {
        return new RunParameters(options.input().toAbsolutePath().normalize(), options.output().toAbsolutePath().normalize(),
                options.label(), options.from(), options.to(),
                options.aliases() == null ? null : options.aliases().toAbsolutePath().normalize(),
                options.nightWindow(), options.merge(), options.failOnRejects(), options.now(),
                options.zones().toString(), options.language(),
                options.columns() == null ? null : options.columns().toAbsolutePath().normalize());
    }

    static RunParameters of(JobParameters parameters) {
        String aliases = parameters.getString(ALIASES);
        String from = parameters.getString(FROM);
        String to = parameters.getString(TO);
        return new RunParameters(Path.of(parameters.getString(INPUT)), Path.of(parameters.getString(OUTPUT)),
                parameters.getString(PERIOD), from == null || from.isEmpty() ? null : LocalDate.parse(from),
                to == null || to.isEmpty() ? null : LocalDate.parse(to),
                aliases == null || aliases.isEmpty() ? null : Path.of(aliases),
                NightWindow.parse(parameters.getString(NIGHT_WINDOW)),
                Boolean.parseBoolean(parameters.getString(MERGE)),
                Boolean.parseBoolean(parameters.getString(FAIL_ON_REJECTS)),
                Instant.parse(parameters.getString(CLOCK)),
                // Absent from the runs of versions without --zone: they used the gazetteer's zones.
                parameters.getString(ZONES, ""),
                Language.of(parameters.getString(LANG, Language.EN.code())),
                parameters.getString(COLUMNS, "").isEmpty() ? null : Path.of(parameters.getString(COLUMNS)));
    }

    JobParameters toJobParameters(long runId) {
        JobParametersBuilder builder = new JobParametersBuilder();
        if (columns != null) {
            // Only when given: a run without a mapping is the same run it was before --columns existed.
            builder.addString(COLUMNS, columns.toString());
        }
        return builder
                .addString(INPUT, input.toString())
                .addString(OUTPUT, output.toString())
                .addString(PERIOD, label)
                .addString(FROM, from == null ? "" : from.toString())
                .addString(TO, to == null ? "" : to.toString())
                .addString(ALIASES, aliases == null ? "" : aliases.toString())
                .addString(NIGHT_WINDOW, nightWindow.toString())
                .addString(ZONES, zones)
                .addString(MERGE, Boolean.toString(merge))
                .addString(LANG, language.code())
                .addString(FAIL_ON_REJECTS, Boolean.toString(failOnRejects), false)
                .addString(CLOCK, clock.toString(), false)
                .addLong(RUN_ID, runId)
                .toJobParameters();
    }

    /**
     * The parameters of an earlier run asked for the same thing ({@link #sameRunAs}), with this run's clock and
     * {@code --fail-on-rejects}: the earlier run's instance, run now.
     */
    JobParameters onClockOf(JobParameters earlier) {
        return new JobParametersBuilder(earlier)
                .addString(FAIL_ON_REJECTS, Boolean.toString(failOnRejects), false)
                .addString(CLOCK, clock.toString(), false)
                .toJobParameters();
    }

    /** Whether an earlier run was asked for the same thing (the clock and run id aside). */
    boolean sameRunAs(RunParameters other) {
        return input.equals(other.input) && output.equals(other.output) && label.equals(other.label)
                && Objects.equals(aliases, other.aliases) && nightWindow.equals(other.nightWindow)
                && merge == other.merge && zones.equals(other.zones) && language == other.language
                && Objects.equals(columns, other.columns);
    }

    Clock fixedClock() {
        return Clock.fixed(clock, ZoneOffset.UTC);
    }
}
