package com.incidenttally.job;

import com.incidenttally.incident.Rejection;
import com.incidenttally.normalize.RegionZones;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.OutputFolder;
import com.incidenttally.report.RejectedCsvWriter;
import com.incidenttally.report.ReportFingerprint;
import com.incidenttally.report.ReportFolder;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.report.UnresolvedNamesCsvWriter;
import com.incidenttally.report.charts.ChartRenderer;
import com.incidenttally.report.excel.IncidentWorkbookWriter;
import com.incidenttally.report.excel.IncidentsCsvWriter;
import com.incidenttally.report.json.SummaryJsonWriter;
import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoreReportSource;
import com.incidenttally.tally.FarDate;
import com.incidenttally.tally.InputFileInfo;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodEnd;
import com.incidenttally.tally.PeriodReport;
import com.incidenttally.tally.PeriodSweep;
import com.incidenttally.tally.Places;
import com.incidenttally.tally.RejectionReasons;
import com.incidenttally.tally.RejectionScope;
import com.incidenttally.tally.ReportSource;
import com.incidenttally.tally.RunInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Writes the report for the run's period into a staging folder and publishes it whole. */
class ReportTasklet implements Tasklet {

    static final String REPORT_DIR = "report.dir";
    static final String REPORT_INCIDENTS = "report.incidents";
    /**
     * The console's lines on what was rejected and why, and on rows dated far from the rest, one per
     * line; empty when there is nothing to say.
     */
    static final String REPORT_REJECTIONS = "report.rejections";
    /** The console's line saying the period is not over yet; empty when it is. */
    static final String REPORT_PROVISIONAL = "report.provisional";

    private static final Logger log = LoggerFactory.getLogger("incident-tally");

    private final IncidentStore store;
    /** Read only when a report is written: an unchanged rerun keeps its report without it. */
    private final Supplier<Gazetteer> gazetteer;
    private final String version;

    ReportTasklet(IncidentStore store, Supplier<Gazetteer> gazetteer, String version) {
        this.store = store;
        this.gazetteer = gazetteer;
        this.version = version;
    }

    @Override
    @SuppressWarnings("unchecked")
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        RunParameters run = RunParameters.of(job.getJobParameters());
        for (ReportFolder.Removed leftover : ReportFolder.removeLeftovers(run.output())) {
            if (!leftover.kept().isEmpty()) {
                log.warn("Kept {}, a report since replaced: the report's own files were removed, but it holds files the"
                        + " job did not write: {}", ConsoleText.line(leftover.path()), ConsoleText.line(
                        String.join(", ", leftover.kept())));
            } else if (leftover.whole()) {
                // The report the previous run replaced, kept until now for a reader who had it open: no news.
                log.debug("Removed {}, a report since replaced", leftover.path().getFileName());
            } else {
                log.info("Removed {}, left by an interrupted run", leftover.path().getFileName());
            }
        }
        Period period = period(store, run);
        // The same store, rows, merge, period and settings as the report the link shows: it would
        // come out the same. The fingerprint is read from the published folder itself, so a report
        // another store (or anyone) put there since is never taken for this run's.
        Path target = run.output().resolve(period.label());
        // Nights end at noon in every region's zone; a provisional report is written again once complete.
        // A period whose last night is over even at the latest offset there is (-18:00) is complete in
        // every zone: the gazetteer is not loaded for their zones (an unchanged rerun then needs none).
        PeriodEnd end = PeriodEnd.of(period, List.of(ZoneOffset.MIN), run.clock());
        if (!end.complete()) {
            end = PeriodEnd.of(period, zones(gazetteer.get(), run), run.clock());
        }
        job.getExecutionContext().putString(REPORT_PROVISIONAL, end.complete() ? ""
                : ConsoleText.provisional(period.to(), end.completeAt()));
        String madeFrom = "store " + store.identity() + "; rows " + store.generation() + "; incidents "
                + store.state(MergeTasklet.BUILT_FROM).orElse("") + "; " + period + "; night window "
                + run.nightWindow() + "; lang " + run.language().code() + "; version " + version
                + (end.complete() ? "; complete" : "; provisional until " + end.completeAt());
        var published = ReportFingerprint.of(target).filter(f -> f.madeFrom(madeFrom));
        if (published.isPresent()) {
            job.getExecutionContext().putString(REPORT_DIR, target.toString());
            job.getExecutionContext().putLong(REPORT_INCIDENTS, published.get().incidents());
            log.info("Report unchanged since the last run: {}", ConsoleText.line(target));
            // Counted when the report was written, as this run would count them: none new.
            job.getExecutionContext().putString(REPORT_REJECTIONS, published.get().unchangedRerunLines());
            return RepeatStatus.FINISHED;
        }

        Map<String, String> status = (Map<String, String>) job.getExecutionContext().get(FileSyncTasklet.FILE_STATUS);
        Map<String, String> statusThisRun = status == null ? Map.of() : status;
        Gazetteer places = gazetteer.get();
        StoreReportSource source = new StoreReportSource(store, run.output());
        // The report is finished before any writer starts; its big listings are in the output folder.
        try (PeriodReport data = new PeriodSweep(source, Places.of(places), period).clock(run.clock()).endingIn(zones(places, run))
                .mergeAcrossSources(run.merge()).newFrom(statusThisRun.keySet()).workIn(run.output())
                .budgetRows(source.budgetRows())
                .runInfo(incidents -> runInfo(run, job, step, source, statusThisRun, incidents)).run()) {
            RejectionLines console = write(data, run, places, madeFrom);
            job.getExecutionContext().putString(REPORT_DIR, target.toString());
            job.getExecutionContext().putLong(REPORT_INCIDENTS, data.totals().incidents());
            log.info("Report written to {}", ConsoleText.line(target));
            job.getExecutionContext().putString(REPORT_REJECTIONS, console.thisRun());
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Writes the report's files into a staging folder and publishes it whole; gives the console's
     * rejection lines, which its fingerprint keeps for an unchanged rerun.
     */
    private static RejectionLines write(PeriodReport data, RunParameters run, Gazetteer places, String madeFrom)
            throws Exception {
        ReportFolder folder = ReportFolder.stage(run.output(), data.period().label());
        RejectionLines[] console = {null};
        // The charts are drawn, and incidents.csv written, on a second core while the workbook is written.
        ExecutorService chartDrawing = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "charts and csv");
            thread.setDaemon(true);
            return thread;
        });
        try {
            folder.write(dir -> {
                ChartRenderer charts = new ChartRenderer(run.language(), places);
                ReportTexts texts = ReportTexts.of(run.language(), places);
                // Its own read of the listing, beside the workbook's: at a million incidents, a tenth of the step.
                Future<Void> incidentsCsv = chartDrawing.submit(() -> {
                    IncidentsCsvWriter.write(texts, data, dir.resolve(IncidentsCsvWriter.FILE));
                    return null;
                });
                new IncidentWorkbookWriter(texts).write(data,
                        () -> chartDrawing.submit(() -> charts.render(data, dir.resolve("charts"))),
                        dir.resolve(OutputFolder.workbook(data.period().label())));
                written(incidentsCsv);
                new SummaryJsonWriter().write(data, dir.resolve(OutputFolder.SUMMARY_JSON));
                new RejectedCsvWriter(texts).write(data, dir.resolve(OutputFolder.REJECTED_CSV));
                new UnresolvedNamesCsvWriter().write(data, dir.resolve(OutputFolder.UNRESOLVED_NAMES_CSV));
                console[0] = rejections(data::rejections, data.rejectionScope(), data::otherPeriodRejections,
                        data.farDates());
                // What an unchanged rerun prints is kept with the fingerprint: it need not read the store.
                new ReportFingerprint(madeFrom, data.totals().incidents(), console[0].unchangedRerun()).writeInto(dir);
            });
            chartDrawing.shutdown();
            folder.publish();
        } catch (Exception | Error e) {
            // The charts stop before their folder goes: nothing may write into it once discarded.
            chartDrawing.shutdownNow();
            chartDrawing.awaitTermination(1, TimeUnit.MINUTES);
            folder.discard();
            throw e;
        }
        return console[0];
    }

    /** Waits for a file written beside the workbook; its failure is the report's. */
    static void written(Future<Void> file) throws Exception {
        try {
            file.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The console's lines on rejections and far dates, one per line: this run's, and an unchanged
     * rerun's (the same with no rejection new since the last run).
     */
    record RejectionLines(String thisRun, String unchangedRerun) {
    }

    /**
     * Counts the period's rejections by reason for the console's last lines, with those new since
     * the last run, the undated ones, and how many other periods hold ({@code others}, asked after
     * {@code source} was read), then the far dates.
     */
    private static RejectionLines rejections(Consumer<Consumer<Rejection>> source, RejectionScope scope,
                                             java.util.function.LongSupplier others, List<FarDate> farDates) {
        RejectionReasons reasons = new RejectionReasons();
        long[] fresh = {0};
        long[] undated = {0};
        source.accept(reasons.andThen(rejection -> {
            if (!RejectionReasons.wholeFile(rejection)) {
                fresh[0] += scope.isNew(rejection) ? 1 : 0;
                undated[0] += rejection.undated() ? 1 : 0;
            }
        }));
        // Said only where it tells rows apart: not when every row is new (a first run), nor undated
        // rows in a report of every night, which shows every row anyway.
        long undatedShown = scope.everyNight() ? 0 : undated[0];
        long otherPeriods = others.getAsLong();
        List<String> far = ConsoleText.farDates(farDates);
        return new RejectionLines(
                lines(ConsoleText.rejected(reasons, fresh[0] == reasons.rowCount() ? 0 : fresh[0], undatedShown,
                        otherPeriods), far),
                lines(ConsoleText.rejected(reasons, 0, undatedShown, otherPeriods), far));
    }

    private static String lines(List<String> rejected, List<String> farDates) {
        List<String> lines = new java.util.ArrayList<>(rejected);
        lines.addAll(farDates);
        return String.join("\n", lines);
    }

    /** Every region's zone for this run: the gazetteer's, or the one {@code --zone} gave it. */
    private static List<ZoneId> zones(Gazetteer places, RunParameters run) {
        RegionZones chosen = RegionZones.of(run.zones(), places);
        return places.regions().stream().map(chosen::zoneOf).distinct().toList();
    }

    /** The run's period: the one it names, else every night the store holds. */
    static Period period(IncidentStore store, RunParameters run) {
        if (run.from() != null) {
            return new Period(run.label(), run.from(), run.to());
        }
        Period all = new StoreReportSource(store, null).storedNights();
        if (all != null) {
            return all;
        }
        LocalDate today = LocalDate.ofInstant(run.clock(), ZoneOffset.UTC);
        return new Period("all", today, today);
    }

    private RunInfo runInfo(RunParameters run, JobExecution job, StepExecution current, ReportSource source,
                            Map<String, String> status, long incidents) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("input", run.input().toString());
        parameters.put("output", run.output().toString());
        parameters.put("period", run.label());
        parameters.put("aliases", run.aliases() == null ? "(none)" : run.aliases().toString());
        parameters.put("column mapping", run.columns() == null ? "(none)" : run.columns().toString());
        parameters.put("night window", run.nightWindow().toString());
        parameters.put("time zones", run.zones().isEmpty() ? "the gazetteer's" : run.zones());
        parameters.put("merge across sources", run.merge() ? "yes" : "no (--no-merge)");
        parameters.put("fail on rejects", run.failOnRejects() ? "yes" : "no");
        parameters.put("language", run.language().code());
        parameters.put("run clock", run.clock().toString());
        parameters.put("job execution", job.getId() + (job.getJobInstance() == null ? "" : " of run " + job.getJobInstance().getInstanceId()));
        Map<String, Duration> timings = new LinkedHashMap<>();
        RunInfo.RunningStep running = null;
        for (StepExecution step : job.getStepExecutions()) {
            if (step.getStepName().contains(":")) {
                // A partition of the ingest step (ingestStep:partition0): the step's own time covers it.
                continue;
            }
            LocalDateTime start = step.getStartTime();
            LocalDateTime end = step.getEndTime();
            if (start != null && end != null) {
                timings.put(step.getStepName(), Duration.between(start, end));
            } else if (start != null && step.getId() == current.getId()) {
                // This step is still running: Run info measures it up to the moment it is written.
                running = new RunInfo.RunningStep(step.getStepName(), instant(start),
                        job.getStartTime() == null ? instant(start) : instant(job.getStartTime()));
            }
        }
        IncidentStore.RowTotals rows = store.rowTotals();
        return new RunInfo(version, parameters, inputFiles(source, status), timings, rows.read(),
                rows.accepted(), rows.rejected(), rows.accepted() - incidents, running);
    }

    /** Every input file the store holds, as Run info lists them, with what this run did with it. */
    private static List<InputFileInfo> inputFiles(ReportSource source, Map<String, String> statusThisRun) {
        return source.inputFiles().stream().map(f -> new InputFileInfo(f.path(), f.sha256(), f.encoding(),
                f.delimiter(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(),
                statusThisRun.getOrDefault(f.path(), "unchanged") + (f.message() == null ? "" : ": " + f.message())))
                .toList();
    }

    /** Spring Batch keeps step times as local date-times of this machine. */
    private static java.time.Instant instant(LocalDateTime time) {
        return time.atZone(java.time.ZoneId.systemDefault()).toInstant();
    }
}
