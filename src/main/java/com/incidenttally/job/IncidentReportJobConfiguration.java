package com.incidenttally.job;

import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.RegionZones;
import com.incidenttally.sources.SourceAliasFile;
import com.incidenttally.sources.SourceNames;
import com.incidenttally.places.AliasFileException;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.store.IncidentStore;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.List;

/** The job, step by step: sync the store with the input, ingest, merge, report. */
@Configuration(proxyBeanMethods = false)
class IncidentReportJobConfiguration {

    static final String JOB_NAME = "incidentReportJob";

    @Bean
    Job incidentReportJob(JobRepository jobRepository, Step syncStep, Step ingestStep, Step mergeStep, Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(syncStep)
                .next(ingestStep)
                .next(mergeStep)
                .next(reportStep)
                .build();
    }

    @Bean
    IncidentStore incidentStore(JdbcTemplate jdbcTemplate) {
        return IncidentStore.open(jdbcTemplate);
    }

    // Every step runs again when a failed or killed run is restarted: the input may have changed
    // since (a file fixed, a file deleted), so the restart syncs first; the ingest step resumes a
    // half-read file from its last committed chunk, and merge and report redo only what changed.

    @Bean
    Step syncStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IncidentStore store) {
        return new StepBuilder("syncStep", jobRepository)
                .tasklet(new FileSyncTasklet(store), transactionManager)
                .allowStartIfComplete(true)
                .listener(new StepLog())
                .build();
    }

    /**
     * Rows per ingest transaction. Tests set it small so that a run killed mid-file has
     * committed several chunks of a small input.
     */
    @Bean
    Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    IncidentFileItemReader incidentFileReader, IngestProcessor ingestProcessor, IngestWriter ingestWriter,
                    @Value("${incident-tally.chunk-size:5000}") int chunkSize) {
        return new StepBuilder("ingestStep", jobRepository)
                .<Ingested, Ingested>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(incidentFileReader)
                .processor(ingestProcessor)
                .writer(ingestWriter)
                .allowStartIfComplete(true)
                .listener(new StepLog())
                .build();
    }

    @Bean
    @StepScope
    IncidentFileItemReader incidentFileReader(@Value("#{jobParameters['input']}") String input,
                                              @Value("#{jobExecutionContext['files.toLoad']}") List<String> files,
                                              IncidentStore store) {
        return new IncidentFileItemReader(Path.of(input), files == null ? List.of() : files, store, new IngestProgress());
    }

    @Bean
    @StepScope
    IngestProcessor ingestProcessor(@Value("#{jobParameters['aliases']}") String aliases,
                                    @Value("#{jobParameters['night.window']}") String nightWindow,
                                    @Value("#{jobParameters['zones']}") String zones,
                                    @Value("#{jobParameters['run.clock']}") String clock) throws AliasFileException {
        // Built here, when the first row is processed, not while Spring starts: a run with no file to read
        // never reads the gazetteer.
        Gazetteer gazetteer = Gazetteer.bundled();
        boolean noAliases = aliases == null || aliases.isEmpty();
        Gazetteer places = noAliases ? gazetteer : gazetteer.withAliases(Path.of(aliases));
        SourceNames sources = noAliases ? SourceNames.NONE : SourceAliasFile.read(Path.of(aliases));
        NightCalendar calendar = new NightCalendar(com.incidenttally.normalize.NightWindow.parse(nightWindow));
        return new IngestProcessor(new IncidentNormalizer(places, calendar,
                java.time.Clock.fixed(java.time.Instant.parse(clock), java.time.ZoneOffset.UTC),
                RegionZones.of(zones, gazetteer), sources));
    }

    @Bean
    @StepScope
    IngestWriter ingestWriter(IncidentStore store, @Value("#{jobParameters['run.clock']}") String clock) {
        return new IngestWriter(store, java.time.Clock.fixed(java.time.Instant.parse(clock), java.time.ZoneOffset.UTC));
    }

    @Bean
    Step mergeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IncidentStore store) {
        return new StepBuilder("mergeStep", jobRepository)
                .tasklet(new MergeTasklet(store), transactionManager)
                .allowStartIfComplete(true)
                .listener(new StepLog())
                .build();
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IncidentStore store,
                    @Value("${incident-tally.version:dev}") String version) {
        return new StepBuilder("reportStep", jobRepository)
                .tasklet(new ReportTasklet(store, Gazetteer::bundled, version), transactionManager)
                .allowStartIfComplete(true)
                .listener(new StepLog())
                .build();
    }
}
