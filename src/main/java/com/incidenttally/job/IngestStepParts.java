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

import java.util.List;

/**
 * The ingest step's reader, processor and writer, made anew for each execution of the step from
 * its run's job parameters and the files the sync step queued, and dropped when it ends.
 *
 * <p>Plain objects, made in {@link #beforeStep}, which the step calls before it opens its reader,
 * and let go of in {@link #close}, which it calls last. Step-scoped beans would do the same through
 * a generated proxy class each, and put Spring's AOP and class generation on every run's start-up.
 * The job runs its steps one after another, so one execution at a time is all this holds.
 */
final class IngestStepParts implements StepExecutionListener, ItemStreamReader<Ingested>,
        ItemProcessor<Ingested, Ingested>, ItemWriter<Ingested> {

    private final IncidentStore store;
    private RunParameters run;
    private IncidentFileItemReader reader;
    private IngestWriter writer;
    /** Made at the first item, so that a run with no file to read never reads the gazetteer. */
    private IngestProcessor processor;

    IngestStepParts(IncidentStore store) {
        this.store = store;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (run != null) {
            throw new IllegalStateException("the ingest step is already running in this process");
        }
        RunParameters parameters = RunParameters.of(stepExecution.getJobParameters());
        @SuppressWarnings("unchecked")
        List<String> files = (List<String>) stepExecution.getJobExecution().getExecutionContext()
                .get(FileSyncTasklet.FILES_TO_LOAD);
        reader = new IncidentFileItemReader(parameters.input(), files == null ? List.of() : files, store,
                new IngestProgress(), FileSyncTasklet.mapping(parameters));
        writer = new IngestWriter(store, parameters.fixedClock());
        run = parameters;
    }

    /** Called last, also when the step failed before its parts were made. */
    @Override
    public void close() {
        IncidentFileItemReader closing = reader;
        run = null;
        reader = null;
        writer = null;
        processor = null;
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        reader().open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        reader().update(executionContext);
    }

    @Override
    public Ingested read() {
        return reader().read();
    }

    @Override
    public Ingested process(Ingested item) throws AliasFileException {
        if (processor == null) {
            processor = new IngestProcessor(normalizer(running()));
        }
        return processor.process(item);
    }

    @Override
    public void write(Chunk<? extends Ingested> chunk) {
        running();
        writer.write(chunk);
    }

    private IncidentFileItemReader reader() {
        running();
        return reader;
    }

    private RunParameters running() {
        if (run == null) {
            throw new IllegalStateException("the ingest step's reader, processor and writer are made when it starts");
        }
        return run;
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
