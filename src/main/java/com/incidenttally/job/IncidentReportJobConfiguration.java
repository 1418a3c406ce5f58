package com.incidenttally.job;

import com.incidenttally.places.Gazetteer;
import com.incidenttally.store.IncidentStore;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

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

    /** In place of Spring Boot's: Spring Batch's tables are made when missing, not tried at each start. */
    @Bean
    BatchTablesInitializer batchTablesInitializer(DataSource dataSource, BatchJdbcProperties properties) {
        return new BatchTablesInitializer(dataSource, properties);
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
     * Reads and normalizes the queued files in partitions at the same time, one thread each (as
     * many as the machine has processors, or {@code incident-tally.ingest-threads}), each
     * partition a chunk step over its share of the files ({@link IngestPartitioner}).
     *
     * <p>Rows per ingest transaction: {@code incident-tally.chunk-size}. Tests set it small so that
     * a run killed mid-file has committed several chunks of a small input. The reader, processor and
     * writer are made for each partition ({@link IngestStepParts}), from its job parameters and its
     * share of the files the sync step queued.
     */
    @Bean
    Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IncidentStore store,
                    @Value("${incident-tally.chunk-size:5000}") int chunkSize,
                    @Value("${incident-tally.ingest-threads:0}") int threads,
                    @Value("${spring.datasource.url:}") String storeUrl) {
        IngestPartitioner partitioner = new IngestPartitioner();
        IngestStepParts parts = new IngestStepParts(store, partitioner::progress);
        Step partition = new StepBuilder("ingestPartition", jobRepository)
                .<Ingested, Ingested>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(parts)
                .processor(parts)
                .writer(parts)
                .allowStartIfComplete(true)
                .build();
        int partitions = ingestThreads(threads, storeUrl);
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(partition);
        handler.setGridSize(partitions);
        if (partitions == 1) {
            // One partition runs on the job's own thread, as the step did before it was partitioned.
            handler.setTaskExecutor(new SyncTaskExecutor());
        } else {
            SimpleAsyncTaskExecutor pool = new SimpleAsyncTaskExecutor("ingest-");
            pool.setConcurrencyLimit(partitions);
            handler.setTaskExecutor(pool);
        }
        return new StepBuilder("ingestStep", jobRepository)
                .partitioner("ingestStep", partitioner)
                .partitionHandler(handler)
                .allowStartIfComplete(true)
                .listener(partitioner)
                .listener(new StepLog())
                .build();
    }

    /**
     * Partitions of the ingest step: the machine's processors unless set (at least 1). On
     * PostgreSQL one unless set: when the server goes away mid-run, each partition's failure is
     * recorded through connection attempts that each wait out the pool's timeout, and two partitions
     * took the failed run past the ten seconds a lost server may take to be said.
     */
    static int ingestThreads(int configured, String storeUrl) {
        if (configured > 0) {
            return configured;
        }
        if (storeUrl != null && storeUrl.startsWith("jdbc:postgresql:")) {
            return 1;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
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
