package com.incidenttally;

import com.incidenttally.job.BadArgumentsException;
import com.incidenttally.job.ConsoleText;
import com.incidenttally.job.ReportRunner;
import com.incidenttally.job.RunOptions;
import com.incidenttally.job.StoreLock;
import com.incidenttally.report.charts.BundledFonts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** Runs the incident report job once and exits with its outcome, for cron and for people. */
@SpringBootApplication
public class IncidentTallyApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // Before anything touches a font: charts and column widths must not need the machine's fonts.
        BundledFonts.install();
        System.exit(run(args, System.getenv()));
    }

    /** Runs the job for a command line and returns the exit code SPEC "Running" gives. */
    public static int run(String[] args, Map<String, String> env) {
        RunOptions options;
        try {
            options = RunOptions.parse(args, env, Instant.now());
        } catch (BadArgumentsException e) {
            System.err.println(ConsoleText.line("incident-tally: " + e.getMessage()));
            if (e.hint() != null) {
                e.hint().lines().map(ConsoleText::line).forEach(System.err::println);
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
        // Taken before Spring starts: creating the store's tables must not wait on another run.
        try (StoreLock ignored = StoreLock.acquire(options)) {
            return runJob(options);
        } catch (StoreLock.AnotherRunException e) {
            System.err.println(ConsoleText.line("incident-tally: " + e.getMessage()));
            return 1;
        } catch (SQLException e) {
            System.err.println(ConsoleText.line("incident-tally: cannot open the store " + options.db() + ": " + rootMessage(e)));
            return 1;
        }
    }

    private static int runJob(RunOptions options) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(IncidentTallyApplication.class)
                    .run(options.springArguments().toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println(ConsoleText.line("incident-tally: cannot open the store " + options.db() + ": " + storeProblem(e)));
            return 1;
        }
        int code;
        try {
            ReportRunner.Outcome outcome = context.getBean(ReportRunner.class).run(options);
            (outcome.exitCode() == 1 ? System.err : System.out).println(outcome.summary());
            code = outcome.exitCode();
        } catch (Exception e) {
            System.err.println(ConsoleText.line("incident-tally: " + rootMessage(e)));
            code = 1;
        }
        int exitCode = code;
        return SpringApplication.exit(context, () -> exitCode);
    }

    private static String storeProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            // H2 locks its file while a process has it open: that process is another run.
            if (message.contains("Database may be already in use") || message.contains("The file is locked")) {
                return "another incident-tally run is using it; this run stops without changing anything";
            }
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
