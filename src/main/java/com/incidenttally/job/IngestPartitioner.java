package com.incidenttally.job;

import com.incidenttally.ingest.InputFiles;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Shares the files the sync step queued among the ingest step's partitions, which read and
 * normalize them at the same time, each file whole in one partition (its rows committed chunk by
 * chunk, its end in the transaction of its last rows, as one reader does it).
 *
 * <p>The shares are made anew on every execution of the step, a restart's too, from the queue of
 * the sync step that just ran: the input may have changed since the interrupted run. They are kept
 * in the job's context ({@link #SHARES}); a partition's own context holds only its number, so a
 * restarted partition, which Spring Batch gives its last context back, finds this run's share, and
 * resumes the file it was reading when that file is still its own (else the file is read again
 * from the top by the partition it went to).
 *
 * <p>Also the listener of the partitioned step: it makes the run's one {@link IngestProgress},
 * which every partition reports to, and drops the cause Spring Batch adds when a partition failed
 * ("Partition handler returned an unsuccessful step"), so the run's failure is the partition's own.
 */
final class IngestPartitioner implements Partitioner, StepExecutionListener {

    /** In the job's context: the files of each partition, in the order of the queue. */
    static final String SHARES = "ingest.shares";
    /** In a partition's context: its number, from 0. */
    static final String PARTITION = "ingest.partition";

    private volatile StepExecution manager;
    private volatile IngestProgress progress;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        manager = stepExecution;
        progress = new IngestProgress(queued(stepExecution));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        IngestProgress ending = progress;
        if (ending != null) {
            ending.finish();
        }
        stepExecution.getFailureExceptions().removeIf(IngestPartitioner::partitionsFailed);
        manager = null;
        progress = null;
        return null;
    }

    /** The progress of the run whose ingest step runs now, or null outside it. */
    IngestProgress progress() {
        return progress;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        StepExecution step = manager;
        if (step == null) {
            throw new IllegalStateException("the ingest step's files are shared out when it starts");
        }
        List<String> queue = queued(step);
        Path input = RunParameters.of(step.getJobParameters()).input();
        List<ArrayList<String>> shares = shares(queue, name -> size(input, name), gridSize);
        step.getJobExecution().getExecutionContext().put(SHARES, new ArrayList<>(shares));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, i);
            partitions.put("partition" + i, context);
        }
        return partitions;
    }

    /** The files of a partition: its share of this run's queue, or the whole queue when the step is not partitioned. */
    @SuppressWarnings("unchecked")
    static List<String> filesOf(StepExecution stepExecution) {
        ExecutionContext own = stepExecution.getExecutionContext();
        if (!own.containsKey(PARTITION)) {
            return queued(stepExecution);
        }
        List<List<String>> shares = (List<List<String>>) stepExecution.getJobExecution().getExecutionContext().get(SHARES);
        int partition = own.getInt(PARTITION);
        return shares == null || partition >= shares.size() ? List.of() : shares.get(partition);
    }

    @SuppressWarnings("unchecked")
    private static List<String> queued(StepExecution stepExecution) {
        List<String> files = (List<String>) stepExecution.getJobExecution().getExecutionContext()
                .get(FileSyncTasklet.FILES_TO_LOAD);
        return files == null ? List.of() : files;
    }

    /**
     * {@code count} shares of about the same bytes: the largest file first to the share with the
     * fewest bytes so far (the lowest numbered of equals), each share then in the queue's order. The
     * same queue and sizes give the same shares.
     */
    static List<ArrayList<String>> shares(List<String> queue, ToLongFunction<String> size, int count) {
        int n = Math.max(1, count);
        List<ArrayList<String>> shares = new ArrayList<>();
        long[] bytes = new long[n];
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
        }
        Map<String, Integer> position = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String name : queue) {
            position.putIfAbsent(name, position.size());
            sizes.putIfAbsent(name, size.applyAsLong(name));
        }
        List<String> largestFirst = new ArrayList<>(position.keySet());
        largestFirst.sort(Comparator.comparingLong((String name) -> sizes.get(name)).reversed()
                .thenComparing(position::get));
        for (String name : largestFirst) {
            int least = 0;
            for (int i = 1; i < n; i++) {
                if (bytes[i] < bytes[least]) {
                    least = i;
                }
            }
            shares.get(least).add(name);
            bytes[least] += Math.max(1, sizes.get(name));
        }
        shares.forEach(share -> share.sort(Comparator.comparing(position::get)));
        return shares;
    }

    private static long size(Path input, String name) {
        try {
            return Files.size(InputFiles.locate(input, name));
        } catch (IOException | RuntimeException e) {
            // Read (and rejected) all the same: its share is the lightest.
            return 0;
        }
    }

    private static boolean partitionsFailed(Throwable failure) {
        return failure instanceof JobExecutionException && failure.getMessage() != null
                && failure.getMessage().startsWith("Partition handler returned an unsuccessful step");
    }
}
