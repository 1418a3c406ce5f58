package com.incidenttally.job;

import com.incidenttally.ingest.ColumnMapping;
import com.incidenttally.ingest.FileRejectedException;
import com.incidenttally.ingest.IncidentRows;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoredFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the files the sync step chose, one after another, and marks the end of each. Its place
 * (file, rows read, last line) is saved with every chunk, so a restarted run goes on where the
 * last one committed.
 *
 * <p>At the end of each file it checks that the file is still what the sync step hashed and was
 * not written to while it was read; a file that changed is read again from the top, so the store
 * never holds half of one version of a file as if it were the whole.
 */
class IncidentFileItemReader implements ItemStreamReader<Ingested> {

    private static final Logger log = LoggerFactory.getLogger("incident-tally");
    private static final String FILE = "ingest.file";
    private static final String FILE_ROWS = "ingest.file.rows";
    private static final String FILE_LINE = "ingest.file.line";
    /** Reads of one file that changed every time before the run gives up on it. */
    static final int MAX_READS = 3;

    private final Path inputDir;
    private final ColumnMapping mapping;
    private final IncidentStore store;
    private final List<String> queue;
    private final IngestProgress progress;
    private int index;
    private long rowsInFile;
    private long lastLine;
    private int reads;
    private Stamp openedAs;
    private IncidentRows current;

    IncidentFileItemReader(Path inputDir, List<String> files, IncidentStore store, IngestProgress progress) {
        this(inputDir, files, store, progress, ColumnMapping.NONE);
    }

    /** @param mapping how to read layouts of the user's own ({@code --columns}) */
    IncidentFileItemReader(Path inputDir, List<String> files, IncidentStore store, IngestProgress progress,
                           ColumnMapping mapping) {
        this.mapping = mapping;
        this.inputDir = inputDir;
        this.store = store;
        this.queue = new ArrayList<>(files);
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        String resumed = context.containsKey(FILE) ? context.getString(FILE) : null;
        long skip = context.getLong(FILE_ROWS, 0L);
        long line = context.getLong(FILE_LINE, 0L);
        // A workbook's row numbers start again on each sheet: a half-read workbook is read again
        // from the top rather than resumed.
        boolean resuming = resumed != null && skip > 0 && queue.contains(resumed)
                && !InputFiles.isWorkbook(resumed) && store.resumeFile(resumed, skip, line);
        if (resuming) {
            // The half-read file goes first; every other queued file is read from the top, so
            // whatever an interrupted run stored of it is forgotten.
            queue.remove(resumed);
            queue.add(0, resumed);
        }
        for (int i = resuming ? 1 : 0; i < queue.size(); i++) {
            store.restartFile(queue.get(i), null);
        }
        if (resuming) {
            if (openCurrent() != null) {
                throw new ItemStreamException("cannot resume " + resumed + ": it can no longer be read");
            }
            for (long i = 0; i < skip; i++) {
                current.read();
            }
            rowsInFile = skip;
            lastLine = line;
        }
    }

    @Override
    public Ingested read() {
        while (index < queue.size()) {
            String name = queue.get(index);
            if (current == null) {
                progress.startFile(index, queue.size(), name);
                Ingested failure = openCurrent();
                if (failure != null) {
                    nextFile();
                    return failure;
                }
            }
            RawRow row = current.read();
            if (row != null) {
                rowsInFile++;
                lastLine = row.line();
                progress.row();
                return new Ingested.Row(row, null, name, current.sheet());
            }
            Ingested end = new Ingested.FileEnd(name, current.encoding(), current.delimiter(),
                    List.copyOf(current.warnings()), null);
            String scanned = current.contentSha256();
            closeCurrent();
            Optional<String> changedTo = changedWhileRead(name, scanned);
            if (changedTo.isPresent()) {
                if (++reads >= MAX_READS) {
                    throw new InputChangedException(name, reads);
                }
                log.warn("{} changed while it was read: reading it again from the top", name);
                rowsInFile = 0;
                lastLine = 0;
                return new Ingested.FileRestart(name, changedTo.get());
            }
            nextFile();
            return end;
        }
        return null;
    }

    /**
     * The file's checksum now, if it is not the content the sync step hashed or was written to
     * since it was opened; empty when what was read is the file as the store records it. The
     * checksum of what was read was taken as the file was opened (its first pass reads every
     * byte): when its size and modification time are still those it was opened with, the file is
     * not read a second time for it.
     */
    private Optional<String> changedWhileRead(String name, String scanned) {
        Path path = InputFiles.locate(inputDir, name);
        String expected = store.file(name).map(StoredFile::sha256).orElse(null);
        Stamp now = Stamp.of(path);
        if (scanned != null && now != null && now.equals(openedAs)) {
            return scanned.equals(expected) ? Optional.empty() : Optional.of(scanned);
        }
        String sha = InputFiles.sha256OrNull(path);
        if (sha != null && sha.equals(expected) && now != null && now.equals(openedAs)) {
            return Optional.empty();
        }
        return Optional.of(sha == null ? Objects.requireNonNullElse(expected, "unreadable") : sha);
    }

    private void nextFile() {
        index++;
        rowsInFile = 0;
        lastLine = 0;
        reads = 0;
    }

    private Ingested openCurrent() {
        String name = queue.get(index);
        Path path = InputFiles.locate(inputDir, name);
        openedAs = Stamp.of(path);
        try {
            current = IncidentRows.open(path, name, mapping);
            return null;
        } catch (FileRejectedException e) {
            return new Ingested.FileEnd(name, null, null, List.of(), e.reason());
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (index < queue.size()) {
            context.putString(FILE, queue.get(index));
        } else {
            context.remove(FILE);
        }
        context.putLong(FILE_ROWS, rowsInFile);
        context.putLong(FILE_LINE, lastLine);
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

    /** Size and modification time: a file written to while it is read changes at least one. */
    private record Stamp(long size, FileTime modified) {

        static Stamp of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A file that changed every time it was read: a rerun reads it once it is left alone. */
    static final class InputChangedException extends RuntimeException {
        InputChangedException(String name, int reads) {
            super("input file " + name + " changed while it was read, " + reads + " times in a row;"
                    + " nothing of it is counted");
        }
    }
}
