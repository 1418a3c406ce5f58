package com.incidenttally.job;

import com.incidenttally.incident.Incident;
import com.incidenttally.incident.Rejection;
import com.incidenttally.normalize.ControlCharacters;
import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoredFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes accepted rows and rejections in JDBC batches, and completes each file in the transaction
 * of its last chunk.
 */
class IngestWriter implements ItemWriter<Ingested> {

    private static final Logger log = LoggerFactory.getLogger("incident-tally");

    private final IncidentStore store;
    private final Clock clock;
    private final Map<String, StoredFile> files;
    /** The nights this writer's committed chunks listed for the night index, so each is listed once. */
    private final IncidentStore.ListedNights listed = new IncidentStore.ListedNights();

    IngestWriter(IncidentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.files = store.filesByPath();
    }

    @Override
    public void write(Chunk<? extends Ingested> chunk) {
        prepare(chunk).run();
    }

    /**
     * What writing a chunk does, in order, with everything that needs no database done already: each
     * file's accepted rows encoded as row groups, their resolutions counted. The caller takes its
     * turn at the store's writes between the two.
     */
    Runnable prepare(Chunk<? extends Ingested> chunk) {
        List<Runnable> steps = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        String file = null;
        String sheet = null;
        for (Ingested item : chunk) {
            if (item instanceof Ingested.Row row) {
                if (file != null && (!file.equals(row.path()) || !Objects.equals(sheet, row.sheet()))) {
                    steps.add(flush(file, sheet, incidents, rejections));
                    incidents = new ArrayList<>();
                    rejections = new ArrayList<>();
                }
                file = row.path();
                sheet = row.sheet();
                if (row.normalized().isAccepted()) {
                    incidents.add(row.normalized().incident());
                } else {
                    rejections.add(row.normalized().rejection());
                }
            } else if (item instanceof Ingested.FileEnd end) {
                if (file != null) {
                    steps.add(flush(file, sheet, incidents, rejections));
                    incidents = new ArrayList<>();
                    rejections = new ArrayList<>();
                    file = null;
                }
                steps.add(() -> finish(end));
            } else if (item instanceof Ingested.FileRestart restart) {
                if (file != null) {
                    steps.add(flush(file, sheet, incidents, rejections));
                    incidents = new ArrayList<>();
                    rejections = new ArrayList<>();
                    file = null;
                }
                steps.add(() -> store.beginFile(restart.path(), restart.sha256()));
            }
        }
        if (file != null) {
            steps.add(flush(file, sheet, incidents, rejections));
        }
        return () -> steps.forEach(Runnable::run);
    }

    private void finish(Ingested.FileEnd end) {
        long id = id(end.path());
        // Warnings quote the file's header, which may hold control characters too.
        List<String> warnings = end.warnings().stream().map(ControlCharacters::strip).toList();
        // On the console too, as the file is read: a windows-1251 file, an ignored column.
        for (String warning : warnings) {
            log.warn("{}: {}", ConsoleText.line(end.path()), ConsoleText.line(warning));
        }
        if (end.failure() == null) {
            store.finishFile(id, end.encoding(), end.delimiter(), warnings, clock.instant());
        } else {
            store.rejectFile(id, end.path(), ControlCharacters.strip(end.failure()), warnings, clock.instant());
        }
    }

    private Runnable flush(String file, String sheet, List<Incident> incidents, List<Rejection> rejections) {
        long id = id(file);
        IncidentStore.PreparedIncidents accepted = IncidentStore.prepareIncidents(id, sheet, incidents);
        return () -> {
            store.insertIncidents(accepted, listed);
            store.insertRejections(id, sheet, rejections);
        };
    }

    private long id(String path) {
        StoredFile file = files.get(path);
        if (file == null) {
            throw new IllegalStateException("the store does not know input file " + path);
        }
        return file.id();
    }
}
