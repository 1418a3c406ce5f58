package com.incidenttally.job;

import com.incidenttally.normalize.EventWords;
import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.RegionZones;
import com.incidenttally.places.AliasFileException;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.sources.SourceAliasFile;
import com.incidenttally.sources.SourceNames;
import com.incidenttally.store.IncidentStore;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The ingest step's reader, processor and writer, made anew for each execution of the step (each
 * partition of it) from its run's job parameters and its share of the files the sync step queued,
 * and dropped when it ends.
 *
 * <p>Plain objects, made in {@link #beforeStep}, which the step calls before it opens its reader,
 * and let go of in {@link #close}, which it calls last. Step-scoped beans would do the same through
 * a generated proxy class each, and put Spring's AOP and class generation on every run's start-up.
 * A partition runs whole on one thread of the partitioned step's pool (the chunk step is given no
 * executor of its own), so the parts are kept per thread: two partitions never share a reader.
 */
final class IngestStepParts implements StepExecutionListener, ItemStreamReader<Ingested>,
        ItemProcessor<Ingested, Ingested>, ItemWriter<Ingested> {

    private final IncidentStore store;
    /** The progress of the partitioned step that runs these parts; none when they run alone. */
    private final Supplier<IngestProgress> shared;
    private final ThreadLocal<Parts> parts = new ThreadLocal<>();
    /**
     * Held by one partition at a time from the start of its writes to the end of their transaction
     * (and while its reader sets a file up in the store): the store numbers rows from a counter it
     * reads and moves on in the writing transaction, which two transactions at once would read
     * alike. Reading and normalizing, most of a row's cost, stay parallel.
     */
    private final ReentrantLock storeWrites = new ReentrantLock();

    /** The parts of one execution, on the thread that runs it. */
    private static final class Parts {
        private final RunParameters run;
        private final IncidentFileItemReader reader;
        private final IngestWriter writer;
        /** Made at the first item, so that a run with no file to read never reads the gazetteer. */
        private IngestProcessor processor;

        private Parts(RunParameters run, IncidentFileItemReader reader, IngestWriter writer) {
            this.run = run;
            this.reader = reader;
            this.writer = writer;
        }
    }

    /** Parts of an ingest step that is not partitioned: each execution reads the whole queue. */
    IngestStepParts(IncidentStore store) {
        this(store, () -> null);
    }

    /** @param shared the progress of the running partitioned step, which its partitions share */
    IngestStepParts(IncidentStore store, Supplier<IngestProgress> shared) {
        this.store = store;
        this.shared = shared;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (parts.get() != null) {
            throw new IllegalStateException("the ingest step is already running on this thread");
        }
        RunParameters parameters = RunParameters.of(stepExecution.getJobParameters());
        List<String> files = IngestPartitioner.filesOf(stepExecution);
        IngestProgress progress = shared.get();
        IncidentFileItemReader reader = new IncidentFileItemReader(parameters.input(), files, store,
                progress == null ? new IngestProgress() : progress, FileSyncTasklet.mapping(parameters));
        parts.set(new Parts(parameters, reader, new IngestWriter(store, parameters.fixedClock())));
    }

    /** Called last, also when the step failed before its parts were made. */
    @Override
    public void close() {
        Parts closing = parts.get();
        parts.remove();
        unlockStoreWrites();
        if (closing != null) {
            closing.reader.close();
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        Parts running = running();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            lockStoreWrites();
            running.reader.open(executionContext);
            return;
        }
        // Outside a transaction each statement commits by itself: the lock is let go of at once.
        storeWrites.lock();
        try {
            running.reader.open(executionContext);
        } finally {
            storeWrites.unlock();
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        running().reader.update(executionContext);
    }

    @Override
    public Ingested read() {
        return running().reader.read();
    }

    @Override
    public Ingested process(Ingested item) throws AliasFileException {
        Parts running = running();
        if (running.processor == null) {
            running.processor = new IngestProcessor(normalizer(running.run));
        }
        return running.processor.process(item);
    }

    @Override
    public void write(Chunk<? extends Ingested> chunk) {
        Parts running = running();
        Runnable writes = running.writer.prepare(chunk);
        lockStoreWrites();
        writes.run();
    }

    /**
     * Takes the store's write lock until the transaction this thread is in ends (outside one, until
     * the parts close: a chunk step always writes in one).
     */
    private void lockStoreWrites() {
        if (storeWrites.isHeldByCurrentThread()) {
            return;
        }
        storeWrites.lock();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    unlockStoreWrites();
                }
            });
        }
    }

    private void unlockStoreWrites() {
        while (storeWrites.isHeldByCurrentThread()) {
            storeWrites.unlock();
        }
    }

    private Parts running() {
        Parts running = parts.get();
        if (running == null) {
            throw new IllegalStateException("the ingest step's reader, processor and writer are made when it starts");
        }
        return running;
    }

    private static IncidentNormalizer normalizer(RunParameters run) throws AliasFileException {
        Gazetteer gazetteer = Gazetteer.bundled();
        Gazetteer places = run.aliases() == null ? gazetteer : gazetteer.withAliases(run.aliases());
        SourceNames sources = run.aliases() == null ? SourceNames.NONE : SourceAliasFile.read(run.aliases());
        EventWords words = run.aliases() == null ? EventWords.NONE : EventWords.fromAliasFile(run.aliases());
        return new IncidentNormalizer(places, new NightCalendar(run.nightWindow()), run.fixedClock(),
                RegionZones.of(run.zones(), gazetteer), sources, words);
    }
}
