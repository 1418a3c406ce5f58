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

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Runs the incident report job once and exits with its outcome, for cron and for people. */
@SpringBootApplication
public class IncidentTallyApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        ConsoleText.useUtf8WithoutALocale();
        System.exit(run(args, System.getenv()));
    }

    /** Runs the job for a command line and returns the exit code SPEC "Running" gives. */
    public static int run(String[] args, Map<String, String> env) {
        RunOptions options;
        try {
            options = RunOptions.parse(args, env, Instant.now());
            StoreUrl.refuseSharedAccess(options.db());
        } catch (BadArgumentsException e) {
            System.err.println(ConsoleText.line("incident-tally: " + StoreUrl.masked(e.getMessage())));
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
        // Before anything touches a font: charts and column widths must not need the machine's fonts,
        // nor a temporary folder (the fonts are kept beside the reports).
        BundledFonts.install(options.output());
        Optional<String> folderProblem = StoreUrl.folderProblem(options.db());
        if (folderProblem.isPresent()) {
            System.err.println(ConsoleText.line("incident-tally: " + folderProblem.get()));
            return 1;
        }
        // Taken before Spring starts: creating the store's tables must not wait on another run.
        try (StoreLock ignored = StoreLock.acquire(options)) {
            return runJob(options);
        } catch (StoreLock.WrongEncodingException e) {
            System.err.println(ConsoleText.line("incident-tally: " + e.getMessage()));
            return 2;
        } catch (StoreLock.AnotherRunException e) {
            System.err.println(ConsoleText.line("incident-tally: " + e.getMessage()));
            return 1;
        } catch (SQLException e) {
            return cannotOpen(e, options);
        }
    }

    private static int runJob(RunOptions options) {
        ConfigurableApplicationContext context;
        try {
            SpringApplication application = new SpringApplication(IncidentTallyApplication.class);
            // A signal is StopOnSignal's: one line, then the context closes.
            application.setRegisterShutdownHook(false);
            context = application.run(options.springArguments().toArray(String[]::new));
        } catch (RuntimeException e) {
            return cannotOpen(e, options);
        }
        int code;
        try (StopOnSignal ignored = StopOnSignal.install(context::close)) {
            ReportRunner.Outcome outcome = context.getBean(ReportRunner.class).run(options);
            (outcome.exitCode() == 1 ? System.err : System.out).println(outcome.summary());
            code = outcome.exitCode();
        } catch (Exception e) {
            System.err.println(ConsoleText.line(FailureAdvice.of(e)));
            code = 1;
        }
        int exitCode = code;
        return SpringApplication.exit(context, () -> exitCode);
    }

    private static int cannotOpen(Throwable e, RunOptions options) {
        StoreProblem problem = StoreProblem.of(e, options.db());
        System.err.println(ConsoleText.line("incident-tally: " + problem.message()));
        return problem.exitCode();
    }
}
