package com.incidenttally;

import com.incidenttally.job.BadArgumentsException;
import com.incidenttally.job.ConsoleText;
import com.incidenttally.job.FailureAdvice;
import com.incidenttally.job.ReportRunner;
import com.incidenttally.job.RunOptions;
import com.incidenttally.job.StopOnSignal;
import com.incidenttally.job.StoreLock;
import com.incidenttally.job.StoreProblem;
import com.incidenttally.job.StoreUrl;
import com.incidenttally.report.charts.BundledFonts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/** Runs the incident report job once and exits with its outcome, for cron and for people. */
@SpringBootApplication
public class IncidentTallyApplication {

    public static void main(String[] args) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            // The build's ahead-of-time processing (process-aot): Spring only prepares the context's
            // definitions, from application.properties alone; no options, no lock, no store, no exit.
            new SpringApplication(IncidentTallyApplication.class).run(args);
            return;
        }
        System.setProperty("java.awt.headless", "true");
        ConsoleText.useUtf8WithoutALocale();
        System.exit(run(args, System.getenv(), jvmStarted()));
    }

    /**
     * When this JVM started, to the millisecond. Not the process's start as {@link ProcessHandle} gives
     * it: on Linux that adds the process's age to the boot time, which the kernel gives in whole seconds,
     * so "took" could read up to a second more than the run took.
     */
    static Instant jvmStarted() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** Runs the job for a command line and returns the exit code SPEC "Running" gives. */
    public static int run(String[] args, Map<String, String> env) {
        return run(args, env, Instant.now());
    }

    /**
     * Runs the job for a command line begun at {@code started}, and returns the exit code SPEC
     * "Running" gives. Every line it prints, but --help's and --version's, begins with the date,
     * time and offset.
     */
    public static int run(String[] args, Map<String, String> env, Instant started) {
        RunOptions options;
        try {
            options = RunOptions.parse(args, env, Instant.now());
            StoreUrl.refuseSharedAccess(options.db());
        } catch (BadArgumentsException e) {
            print(System.err, ConsoleText.line("incident-tally: " + StoreUrl.masked(e.getMessage())));
            if (e.hint() != null) {
                e.hint().lines().map(ConsoleText::line).forEach(line -> print(System.err, line));
            }
            return 2;
        }
        if (options.help()) {
            System.out.print(RunOptions.usage());
            return 0;
        }
        if (options.version()) {
            System.out.print(RunOptions.versionText());
            return 0;
        }
        // Before anything touches a font: charts and column widths must not need the machine's fonts,
        // nor a temporary folder (the fonts are kept beside the reports).
        BundledFonts.install(options.output());
        Optional<String> folderProblem = StoreUrl.folderProblem(options.db());
        if (folderProblem.isPresent()) {
            print(System.err, ConsoleText.line("incident-tally: " + folderProblem.get()));
            return 1;
        }
        // Taken before Spring starts: creating the store's tables must not wait on another run.
        try (StoreLock ignored = StoreLock.acquire(options)) {
            return runJob(options, started);
        } catch (StoreLock.WrongEncodingException e) {
            print(System.err, ConsoleText.line("incident-tally: " + e.getMessage()));
            return 2;
        } catch (StoreLock.AnotherRunException e) {
            print(System.err, ConsoleText.line("incident-tally: " + e.getMessage()));
            return 1;
        } catch (SQLException e) {
            return cannotOpen(e, options);
        }
    }

    private static int runJob(RunOptions options, Instant started) {
        ConfigurableApplicationContext context;
        try {
            SpringApplication application = new SpringApplication(IncidentTallyApplication.class);
            // Names the context's ahead-of-time initializer (spring.aot.enabled) whoever calls run.
            application.setMainApplicationClass(IncidentTallyApplication.class);
            // A signal is StopOnSignal's: one line, then the context closes.
            application.setRegisterShutdownHook(false);
            context = application.run(options.springArguments().toArray(String[]::new));
        } catch (RuntimeException e) {
            return cannotOpen(e, options);
        }
        int code;
        try (StopOnSignal ignored = StopOnSignal.install(context::close)) {
            ReportRunner.Outcome outcome = context.getBean(ReportRunner.class).run(options, started);
            print(outcome.exitCode() == 1 ? System.err : System.out, outcome.summary());
            code = outcome.exitCode();
        } catch (Exception e) {
            print(System.err, ConsoleText.line(FailureAdvice.of(e)));
            code = 1;
        }
        int exitCode = code;
        return SpringApplication.exit(context, () -> exitCode);
    }

    private static int cannotOpen(Throwable e, RunOptions options) {
        StoreProblem problem = StoreProblem.of(e, options.db());
        print(System.err, ConsoleText.line("incident-tally: " + problem.message()));
        return problem.exitCode();
    }

    /** Prints each line of the text with the date, time and offset in front, as the log's lines are. */
    private static void print(PrintStream stream, String text) {
        stream.println(ConsoleText.stamped(text, ZonedDateTime.now()));
    }
}
