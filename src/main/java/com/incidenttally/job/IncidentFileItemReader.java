package com.incidenttally.job;

import com.incidenttally.ingest.FileRejectedException;
import com.incidenttally.ingest.IncidentCsvReader;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.store.IncidentStore;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads the files the sync step chose, one after another, and marks the end of each. Its place
 * (file, rows read) is saved with every chunk, so a restarted run goes on where the last one
 * committed.
 */
class IncidentFileItemReader implements ItemStreamReader<Ingested> {

    private static final String FILE_INDEX = "ingest.file.index";
    private static final String FILE_ROWS = "ingest.file.rows";

    private final Path inputDir;
    private final IncidentStore store;
    private final List<String> files;
    private final IngestProgress progress;
    private int fileIndex;
    private long rowsInFile;
    private IncidentCsvReader current;

    IncidentFileItemReader(Path inputDir, List<String> files, IncidentStore store, IngestProgress progress) {
        this.inputDir = inputDir;
        this.store = store;
        this.files = files;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        long skip = context.getLong(FILE_ROWS, 0L);
        if (skip > 0 && fileIndex < files.size()) {
            String name = files.get(fileIndex);
            String sha = InputFiles.sha256OrNull(inputDir.resolve(name));
            if (sha == null || !store.file(name).map(f -> f.sha256().equals(sha)).orElse(false)) {
                // The file changed (or went) after the interrupted run stored part of it: forget
                // that part and read the file again from the top, so no row is lost or counted twice.
                store.restartFile(name, sha);
                skip = 0;
            }
        }
        if (skip > 0) {
            if (openCurrent() != null) {
                throw new ItemStreamException("cannot resume " + files.get(fileIndex) + ": it can no longer be read");
            }
            for (long i = 0; i < skip; i++) {
                current.read();
            }
            rowsInFile = skip;
        }
    }

    @Override
    public Ingested read() {
        while (fileIndex < files.size()) {
            if (current == null) {
                progress.startFile(fileIndex, files.size(), files.get(fileIndex));
                Ingested failure = openCurrent();
                if (failure != null) {
                    fileIndex++;
                    rowsInFile = 0;
                    return failure;
                }
            }
            RawRow row = current.read();
            if (row != null) {
                rowsInFile++;
                progress.row();
                return new Ingested.Row(row, null);
            }
            Ingested end = new Ingested.FileEnd(files.get(fileIndex), current.dialect().describe(),
                    List.copyOf(current.warnings()), null);
            closeCurrent();
            fileIndex++;
            rowsInFile = 0;
            return end;
        }
        return null;
    }

    private Ingested openCurrent() {
        String name = files.get(fileIndex);
        try {
            current = IncidentCsvReader.open(inputDir.resolve(name), name);
            return null;
        } catch (FileRejectedException e) {
            return new Ingested.FileEnd(name, null, List.of(), e.reason());
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putLong(FILE_ROWS, rowsInFile);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
