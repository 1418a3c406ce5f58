package com.incidenttally.job;

import com.incidenttally.normalize.NightWindow;
import com.incidenttally.report.Language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestPartitionerTests {

    private static final Map<String, Long> SIZES = Map.of("a.csv", 100L, "b.csv", 700L, "c.csv", 300L,
            "d.csv", 350L, "e.csv", 50L);
    private static final List<String> QUEUE = List.of("a.csv", "b.csv", "c.csv", "d.csv", "e.csv");

    @Test
    void eachFileGoesToOneShareTheLargestFirstToTheLightestAndEachShareKeepsTheQueuesOrder() {
        List<List<String>> shares = shares(QUEUE, SIZES::get, 2);

        // b (700) to share 0; d (350) and c (300) to share 1 (650); a (100) to share 1 (750); e (50) to share 0 (750).
        assertThat(shares).containsExactly(List.of("b.csv", "e.csv"), List.of("a.csv", "c.csv", "d.csv"));
        assertThat(shares.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(QUEUE);
        assertThat(shares(QUEUE, SIZES::get, 2)).as("the same input, the same shares").isEqualTo(shares);
    }

    @Test
    void onePartitionReadsTheWholeQueueAndMorePartitionsThanFilesLeaveSomeEmpty() {
        assertThat(shares(QUEUE, SIZES::get, 1)).containsExactly(QUEUE);
        assertThat(shares(QUEUE, SIZES::get, 0)).containsExactly(QUEUE);
        assertThat(shares(List.of("a.csv"), SIZES::get, 3))
                .containsExactly(List.of("a.csv"), List.of(), List.of());
        assertThat(shares(List.of(), SIZES::get, 2)).containsExactly(List.of(), List.of());
    }

    @Test
    void filesOfEmptySizeAreSharedOutTooOneByOne() {
        assertThat(shares(List.of("x.csv", "y.csv", "z.csv", "w.csv"), name -> 0L, 2))
                .containsExactly(List.of("x.csv", "z.csv"), List.of("y.csv", "w.csv"));
    }

    @Test
    void aPartitionReadsItsShareOfThisRunsQueueAndAStepNotPartitionedTheWholeQueue(@TempDir Path input) throws Exception {
        Files.writeString(input.resolve("a.csv"), "a".repeat(100));
        Files.writeString(input.resolve("b.csv"), "b".repeat(200));
        RunParameters run = new RunParameters(input, input.resolve("reports"), "all", null, null, null,
                NightWindow.DEFAULT, true, false, Instant.parse("2025-12-10T09:00:00Z"), "", Language.EN, null);
        StepExecution manager = MetaDataInstanceFactory.createStepExecution(run.toJobParameters(1));
        manager.getJobExecution().getExecutionContext().put(FileSyncTasklet.FILES_TO_LOAD, new ArrayList<>(List.of("a.csv", "b.csv")));
        IngestPartitioner partitioner = new IngestPartitioner();
        partitioner.beforeStep(manager);
        var partitions = partitioner.partition(2);

        assertThat(partitions).containsOnlyKeys("partition0", "partition1");
        StepExecution second = partitionOf(manager, "ingestStep:partition1");
        second.setExecutionContext(partitions.get("partition1"));
        List<String> all = new ArrayList<>(IngestPartitioner.filesOf(second));
        StepExecution first = partitionOf(manager, "ingestStep:partition0");
        first.setExecutionContext(partitions.get("partition0"));
        all.addAll(IngestPartitioner.filesOf(first));
        assertThat(all).containsExactlyInAnyOrder("a.csv", "b.csv");
        assertThat(IngestPartitioner.filesOf(first)).containsExactly("b.csv");
        assertThat(IngestPartitioner.filesOf(second)).containsExactly("a.csv");
        assertThat(IngestPartitioner.filesOf(manager)).containsExactly("a.csv", "b.csv");
        assertThat(partitioner.progress()).isNotNull();
    }

    @Test
    void aFailedPartitionIsTheRunsFailureNotSpringBatchsSummaryOfIt() {
        StepExecution manager = MetaDataInstanceFactory.createStepExecution();
        IngestPartitioner partitioner = new IngestPartitioner();
        partitioner.beforeStep(manager);
        manager.addFailureException(new JobExecutionException("Partition handler returned an unsuccessful step"));
        IllegalStateException own = new IllegalStateException("the partition's own failure");
        partitionOf(manager, "ingestStep:partition0").addFailureException(own);

        partitioner.afterStep(manager);

        assertThat(manager.getFailureExceptions()).isEmpty();
        assertThat(manager.getJobExecution().getAllFailureExceptions()).containsExactly(own);
        assertThat(partitioner.progress()).as("let go of when the step ends").isNull();
    }

    @Test
    void theMachinesProcessorsOnH2OneOnPostgresqlAndAChosenNumberOnEither() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(IncidentReportJobConfiguration.ingestThreads(0, "jdbc:h2:file:./data/incidents")).isEqualTo(processors);
        assertThat(IncidentReportJobConfiguration.ingestThreads(0, "jdbc:postgresql://db/incidents")).isEqualTo(1);
        assertThat(IncidentReportJobConfiguration.ingestThreads(3, "jdbc:postgresql://db/incidents")).isEqualTo(3);
        assertThat(IncidentReportJobConfiguration.ingestThreads(1, "jdbc:h2:file:./data/incidents")).isEqualTo(1);
    }

    private static List<List<String>> shares(List<String> queue, java.util.function.ToLongFunction<String> size, int count) {
        return List.copyOf(IngestPartitioner.shares(queue, size, count));
    }

    /** A partition's execution in the manager's job execution, as the splitter makes it. */
    private static StepExecution partitionOf(StepExecution manager, String name) {
        JobExecution job = manager.getJobExecution();
        StepExecution partition = new StepExecution(name, job);
        if (!job.getStepExecutions().contains(partition)) {
            job.addStepExecution(partition);
        }
        return partition;
    }
}
